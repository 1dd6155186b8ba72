package eu.enclave.egress.release.keys;

import eu.enclave.egress.release.pack.ReleaseKey;
import eu.enclave.egress.release.pack.ReleaseKeys;
import eu.enclave.egress.release.pack.ReleasePackageWriter;
import eu.enclave.egress.release.pack.ReleaseSigner;
import eu.enclave.egress.storage.DataDirectory;
import eu.enclave.platform.security.DemoProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The release signing key, from {@code enclave.release.signing-key-file} (never from the database), or in demo
 * mode a key generated into the data directory; without either the service does not start. Past public keys come
 * from {@code enclave.release.past-keys-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReleaseKeyProperties.class)
public class ReleaseKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReleaseKeysConfiguration.class);

    @Bean
    ReleaseSigner releaseSigner(ReleaseKeyProperties properties, DemoProperties demo, DataDirectory dataDirectory)
            throws IOException {
        if (properties.signingKeyFile() != null) {
            ReleaseSigner signer = ReleaseKeys.readSigner(properties.signingKeyFile(), properties.keyId());
            log.info("Release packages are signed by key {} from {}", signer.keyId(), properties.signingKeyFile());
            return signer;
        }
        if (!demo.enabled()) {
            throw new IllegalStateException("enclave.release.signing-key-file: required outside demo mode (an EC "
                    + "P-256 private key, PKCS#8 PEM; see docs/release.md)");
        }
        DemoReleaseKey.Loaded loaded = DemoReleaseKey.loadOrCreate(dataDirectory.resolve("the demo release key"),
                Clock.systemUTC());
        log.warn("DEMO MODE: release packages are signed by the demo key {} ({} {}), not for real releases",
                loaded.signer().keyId(), loaded.generated() ? "generated into" : "read from",
                dataDirectory.resolve("the demo release key").resolve(DemoReleaseKey.FILE));
        return loaded.signer();
    }

    @Bean
    ReleaseKeyring releaseKeyring(ReleaseSigner signer, ReleaseKeyProperties properties) throws IOException {
        List<ReleaseKey> past = List.of();
        if (properties.pastKeysDir() != null) {
            if (!Files.isDirectory(properties.pastKeysDir())) {
                throw new IllegalStateException("enclave.release.past-keys-dir: " + properties.pastKeysDir()
                        + " is not a folder");
            }
            past = ReleaseKeys.readFolder(properties.pastKeysDir()).stream()
                    .filter(key -> !key.keyId().equals(signer.keyId())).toList();
        }
        // Without a key file the signer can only be demo mode's generated key (releaseSigner refuses otherwise).
        return new ReleaseKeyring(signer.publicKeyInfo(), properties.signingKeyFile() == null, past);
    }

    @Bean
    ReleasePackageWriter releasePackageWriter(ReleaseSigner signer) {
        return new ReleasePackageWriter(signer);
    }
}
