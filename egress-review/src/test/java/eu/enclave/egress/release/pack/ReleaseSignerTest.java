package eu.enclave.egress.release.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseSignerTest {

    @TempDir
    Path folder;

    @Test
    void aKeyMadeByOpensslGenpkeyIsReadAndItsPublicKeyDerived() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/openssl"))).as("openssl is not installed").isTrue();
        Path key = folder.resolve("release-key.pem");
        Path pub = folder.resolve("release-key.pub.pem");
        run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
        run("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());

        ReleaseSigner signer = ReleaseKeys.readSigner(key, null);

        assertThat(signer.publicKeyInfo().pem()).isEqualToIgnoringNewLines(Files.readString(pub));
        assertThat(ReleaseKeys.readPublicKey(pub).keyId()).isEqualTo(signer.keyId()).matches("[0-9a-f]{16}");
    }

    @Test
    void aPkcs8KeyWithoutItsPublicHalfStillSignsVerifiably() throws Exception {
        ReleaseSigner generated = ReleaseSigner.generate("k-", Instant.parse("2026-02-01T00:00:00Z"));

        ReleaseSigner read = ReleaseSigner.fromPem(generated.privateKeyPem(), null, "test");

        assertThat(read.keyId()).isEqualTo(generated.keyId());
        assertThat(read.publicKey()).isEqualTo(generated.publicKey());
        assertThat(read.publicKeyInfo().since()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(generated.publicKey());
        verifier.update("SHA256SUMS".getBytes());
        assertThat(verifier.verify(read.sign("SHA256SUMS".getBytes()))).isTrue();
    }

    @Test
    void aConfiguredKeyIdWinsOverTheFilesAndBadOnesAreRefused() {
        String pem = ReleaseSigner.generate("file-", null).privateKeyPem();

        assertThat(ReleaseSigner.fromPem(pem, "enclave-2026", "test").keyId()).isEqualTo("enclave-2026");
        assertThat(ReleaseSigner.fromPem(pem, null, "test").keyId()).startsWith("file-");
        assertThatThrownBy(() -> ReleaseSigner.fromPem(pem, "no spaces please", "test")).isInstanceOf(InvalidKey.class);
    }

    @Test
    void keysThatAreNotP256AreRefusedWithTheFileNamed() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);

        for (var pair : List.of(ec.generateKeyPair(), rsa.generateKeyPair())) {
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate()
                    .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            assertThatThrownBy(() -> ReleaseSigner.fromPem(pem, null, "/run/secrets/release/key.pem"))
                    .isInstanceOf(InvalidKey.class).hasMessageStartingWith("/run/secrets/release/key.pem: not");
        }
        assertThatThrownBy(() -> ReleaseSigner.fromPem("not a key", null, "key.pem")).isInstanceOf(InvalidKey.class)
                .hasMessageContaining("BEGIN PRIVATE KEY");
    }

    @Test
    void pastKeysAreReadFromTheirFolderWithTheirDatesAndHiddenEntriesSkipped() throws Exception {
        ReleaseSigner older = ReleaseSigner.generate("", null);
        ReleaseSigner newer = ReleaseSigner.generate("", null);
        Files.writeString(folder.resolve("2024.pem"), "Key-Id: enclave-2024\nSince: 2024-01-01T00:00:00Z\n"
                + "Until: 2025-01-01T00:00:00Z\n" + older.publicKeyInfo().pem());
        Files.writeString(folder.resolve("2025.pem"), "Since: 2025-01-01T00:00:00Z\nUntil: 2026-01-01T00:00:00Z\n"
                + newer.publicKeyInfo().pem());
        Files.createDirectory(folder.resolve("..data"));
        Files.writeString(folder.resolve("README"), "not a key");

        List<ReleaseKey> keys = ReleaseKeys.readFolder(folder);

        assertThat(keys).extracting(ReleaseKey::keyId).containsExactly("enclave-2024", newer.keyId());
        assertThat(keys.get(0).until()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        Files.writeString(folder.resolve("bad.pem"), "Until: next year\n" + newer.publicKeyInfo().pem());
        assertThatThrownBy(() -> ReleaseKeys.readFolder(folder)).isInstanceOf(InvalidKey.class)
                .hasMessageContaining("bad.pem: Until: 'next year' is not an ISO-8601 instant");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
