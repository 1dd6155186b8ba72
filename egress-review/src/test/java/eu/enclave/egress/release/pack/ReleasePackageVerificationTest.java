package eu.enclave.egress.release.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification that docs/release.md tells a recipient to run, on a written package: in Java always, and with
 * the documented commands themselves ({@code unzip}, {@code sha256sum}, {@code openssl}) where they are installed.
 */
class ReleasePackageVerificationTest {

    private static final Path DOC = Path.of("..", "docs", "release.md");

    @TempDir
    Path folder;

    private ReleaseSigner signer;

    @BeforeEach
    void writePackageAndKey() throws IOException {
        signer = ReleaseSigner.generate("", Instant.parse("2026-01-01T00:00:00Z"));
        try (var out = Files.newOutputStream(folder.resolve("package.zip"))) {
            new ReleasePackageWriter(signer).write(PackageFixtures.contents(), out);
        }
        Files.writeString(folder.resolve("key.pem"), signer.publicKeyInfo().pem());
    }

    @Test
    void theChecksumsMatchAndTheSignatureVerifiesInJava() throws Exception {
        Set<String> files = new HashSet<>();
        byte[] sums = null;
        byte[] signature = null;
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(folder.resolve("package.zip")))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                byte[] content = zip.readAllBytes();
                switch (entry.getName()) {
                    case "SHA256SUMS" -> sums = content;
                    case "SHA256SUMS.sig" -> signature = content;
                    default -> {
                        files.add(entry.getName());
                        hashes.put(entry.getName(), PackageFixtures.sha256(content));
                    }
                }
            }
        }
        Set<String> listed = new HashSet<>();
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            String path = line.substring(66);
            assertThat(line.substring(0, 64)).as(path).isEqualTo(hashes.get(path));
            listed.add(path);
        }
        assertThat(listed).isEqualTo(files);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(signer.publicKey());
        verifier.update(sums);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void theDocumentedCommandsVerifyThePackage() throws Exception {
        requireTools();

        Result result = run(documentedCommands());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("ro-crate-metadata.json: OK", "outputs/tables/effectifs.csv: OK",
                "Verified OK");
    }

    @Test
    void theDocumentedCommandsFailOnAnAlteredFile() throws Exception {
        requireTools();
        String commands = documentedCommands().replace("sha256sum -c SHA256SUMS",
                "printf 'F;121\\n' >> outputs/tables/effectifs.csv\nsha256sum -c SHA256SUMS");

        Result result = run(commands);

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("outputs/tables/effectifs.csv: FAILED");
    }

    @Test
    void theDocumentedCommandsFailOnAnotherKey() throws Exception {
        requireTools();
        Files.writeString(folder.resolve("key.pem"), ReleaseSigner.generate("", null).publicKeyInfo().pem());

        Result result = run(documentedCommands());

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).containsIgnoringCase("Verification failure").doesNotContain("Verified OK");
    }

    private record Result(int exit, String output) {
    }

    /** The block after the {@code verify-commands} marker in docs/release.md, exactly. */
    private static String documentedCommands() throws IOException {
        String doc = Files.readString(DOC);
        int marker = doc.indexOf("<!-- verify-commands");
        int start = doc.indexOf("```sh\n", marker) + "```sh\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private Result run(String commands) throws Exception {
        Process process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", commands).directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void requireTools() {
        for (String tool : List.of("bash", "unzip", "sha256sum", "openssl")) {
            assumeThat(onPath(tool)).as(tool + " is not installed here: the documented commands are not run").isTrue();
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
