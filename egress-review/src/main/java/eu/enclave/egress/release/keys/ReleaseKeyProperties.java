package eu.enclave.egress.release.keys;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code enclave.release.*}: where the release signing key and the past public keys are (docs/release.md).
 *
 * @param signingKeyFile the EC P-256 private key, PKCS#8 PEM, from a mounted Secret
 * @param keyId          the id written into packages; empty: the file's {@code Key-Id:} line, else derived
 * @param pastKeysDir    a folder of {@code *.pem} public keys that signed earlier packages
 */
@ConfigurationProperties("enclave.release")
public record ReleaseKeyProperties(Path signingKeyFile, String keyId, Path pastKeysDir) {
}
