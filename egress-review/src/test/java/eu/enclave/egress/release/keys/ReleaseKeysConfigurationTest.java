package eu.enclave.egress.release.keys;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.release.pack.ReleaseSigner;
import eu.enclave.egress.storage.DataDirectory;
import eu.enclave.platform.security.DemoProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReleaseKeysConfigurationTest {

    @TempDir
    Path folder;

    private ApplicationContextRunner runner(boolean demo) {
        return new ApplicationContextRunner().withUserConfiguration(ReleaseKeysConfiguration.class)
                .withBean(DemoProperties.class, () -> new DemoProperties(demo, null, null))
                .withBean(DataDirectory.class, () -> new DataDirectory(folder, demo));
    }

    @Test
    void demoModeGeneratesAKeyOnceIntoTheDataDirectoryReadableOnlyByTheService() throws Exception {
        String[] first = new String[1];
        runner(true).run(context -> {
            ReleaseKeyring keyring = context.getBean(ReleaseKeyring.class);
            assertThat(keyring.demo()).isTrue();
            assertThat(keyring.current().keyId()).startsWith("demo-");
            first[0] = keyring.current().keyId();
        });
        Path file = folder.resolve("release-signing-key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var parts = Files.list(folder)) {
            assertThat(parts.map(p -> p.getFileName().toString())).containsExactly("release-signing-key.pem");
        }

        runner(true).run(context -> assertThat(context.getBean(ReleaseSigner.class).keyId()).isEqualTo(first[0]));
    }

    @Test
    void outsideDemoModeAMissingKeyFileStopsTheStart() {
        runner(false).run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("enclave.release.signing-key-file: required outside demo mode"));
    }

    @Test
    void aMountedKeyAndAFolderOfPastKeysMakeTheKeyring() throws Exception {
        ReleaseSigner current = ReleaseSigner.generate("", null);
        ReleaseSigner old = ReleaseSigner.generate("", null);
        Path key = Files.writeString(folder.resolve("key.pem"), current.privateKeyPem());
        Path past = Files.createDirectory(folder.resolve("past"));
        Files.writeString(past.resolve("old.pem"), "Until: 2026-01-01T00:00:00Z\n" + old.publicKeyInfo().pem());

        runner(false).withPropertyValues("enclave.release.signing-key-file=" + key, "enclave.release.key-id=enclave-2026",
                "enclave.release.past-keys-dir=" + past).run(context -> {
                    ReleaseKeyring keyring = context.getBean(ReleaseKeyring.class);
                    assertThat(keyring.demo()).isFalse();
                    assertThat(keyring.all()).extracting(k -> k.keyId()).containsExactly("enclave-2026", old.keyId());
                });
    }
}
