package eu.enclave.egress.release.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.egress.storage.FilesystemBlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReleasePackageWriterTest {

    private static final ReleaseSigner SIGNER = ReleaseSigner.generate("test-", Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path folder;

    private final ReleasePackageWriter writer = new ReleasePackageWriter(SIGNER);

    @Test
    void thePackageHoldsTheLayoutOfTheDesignInOrder() throws Exception {
        Path zip = write(PackageFixtures.contents());

        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(file.entries()).stream().map(ZipEntry::getName)).containsExactly(
                    "ro-crate-metadata.json", "checks.json", "decisions.json", "results.json",
                    "outputs/tables/effectifs.csv", "outputs/figures/courbe.png", "SHA256SUMS", "SHA256SUMS.sig");
            assertThat(file.getInputStream(file.getEntry("outputs/tables/effectifs.csv")).readAllBytes())
                    .isEqualTo(PackageFixtures.TABLE);
            assertThat(file.getComment()).contains(SIGNER.keyId());
        }
    }

    @Test
    void sha256sumsListsEveryOtherEntryAndItsSignatureVerifiesWithThePublicKey() throws Exception {
        Path zip = write(PackageFixtures.contents());

        try (ZipFile file = new ZipFile(zip.toFile())) {
            byte[] sums = file.getInputStream(file.getEntry("SHA256SUMS")).readAllBytes();
            List<String> listed = new ArrayList<>();
            for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(" {2}", 2);
                byte[] content = file.getInputStream(file.getEntry(parts[1])).readAllBytes();
                assertThat(parts[0]).as(parts[1]).isEqualTo(PackageFixtures.sha256(content));
                listed.add(parts[1]);
            }
            assertThat(listed).hasSize(6).doesNotContain("SHA256SUMS", "SHA256SUMS.sig");

            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(SIGNER.publicKey());
            verifier.update(sums);
            assertThat(verifier.verify(file.getInputStream(file.getEntry("SHA256SUMS.sig")).readAllBytes())).isTrue();
        }
    }

    @Test
    void aFailedPackageIsNoZipAtAll() throws Exception {
        ReleasedFile tampered = new ReleasedFile("t", "a.csv", 3, PackageFixtures.sha256("abd".getBytes()),
                () -> new ByteArrayInputStream("abc".getBytes()));
        Path zip = folder.resolve("failed.zip");
        try (var out = Files.newOutputStream(zip)) {
            assertThatThrownBy(() -> writer.write(PackageFixtures.contents(List.of(tampered), true), out))
                    .isInstanceOf(ContentMismatch.class);
        }

        assertThatThrownBy(() -> new ZipFile(zip.toFile()).close()).isInstanceOf(java.util.zip.ZipException.class);
    }

    @Test
    void theCrateDescribesEveryFileTheProjectTheChecksTheReviewAndTheKey() throws Exception {
        Path zip = write(PackageFixtures.contents());
        JsonNode crate;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            crate = JsonMapper.builder().build().readTree(file.getInputStream(file.getEntry("ro-crate-metadata.json")));
        }

        assertThat(crate.path("@context").asString()).isEqualTo("https://w3id.org/ro/crate/1.1/context");
        JsonNode root = entity(crate, "./");
        assertThat(root.path("name").asString()).isEqualTo("Effectifs par sexe");
        assertThat(root.path("identifier").asString()).isEqualTo("urn:uuid:6f1c2a8e-1d2b-4c3d-9e4f-5a6b7c8d9e0f");
        assertThat(root.path("datePublished").asString()).isEqualTo("2026-03-02T10:15:30Z");
        assertThat(root.path("hasPart").valueStream().map(p -> p.path("@id").asString())).containsExactlyInAnyOrder(
                "checks.json", "decisions.json", "results.json", "outputs/tables/effectifs.csv",
                "outputs/figures/courbe.png", "SHA256SUMS", "SHA256SUMS.sig");
        assertThat(entity(crate, "outputs/tables/effectifs.csv").path("encodingFormat").asString()).isEqualTo("text/csv");
        assertThat(entity(crate, "#project-demo").path("@type").asString()).isEqualTo("Project");
        assertThat(entity(crate, "#disclosure-policy").path("identifier").asString()).isEqualTo("sha256:" + "ab".repeat(32));
        assertThat(entity(crate, "#output-review").path("agent").valueStream().map(a -> a.path("@id").asString()))
                .containsExactly("#reviewer-r-7f3a", "#reviewer-r-91bc");
        assertThat(entity(crate, "#release-key-" + SIGNER.keyId()).path("identifier").asString()).isEqualTo(SIGNER.keyId());
        assertThat(root.path("mentions").valueStream().map(m -> entity(crate, m.path("@id").asString()).path("@type")
                .asString())).containsOnly("AssessAction");
    }

    @Test
    void withoutAcroResultsThereIsNoResultsFile() throws Exception {
        Path zip = write(PackageFixtures.contents(List.of(PackageFixtures.file("t", "a.csv", PackageFixtures.TABLE)), false));

        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.getEntry("results.json")).isNull();
            assertThat(new String(file.getInputStream(file.getEntry("SHA256SUMS")).readAllBytes())).doesNotContain("results");
        }
    }

    @Test
    void anAlteredOutputStopsThePackageAndNothingIsStored() throws Exception {
        byte[] altered = PackageFixtures.TABLE.clone();
        altered[8] = '9';
        ReleasedFile tampered = new ReleasedFile("tables", "effectifs.csv", altered.length,
                PackageFixtures.sha256(PackageFixtures.TABLE), () -> new ByteArrayInputStream(altered));
        FilesystemBlobStore store = new FilesystemBlobStore(folder.resolve("store"));

        assertThatThrownBy(() -> ReleasePackages.store(writer, PackageFixtures.contents(List.of(tampered), true), store,
                1 << 20)).isInstanceOf(ContentMismatch.class).hasMessageContaining("outputs/tables/effectifs.csv");
        try (Stream<Path> files = Files.walk(folder.resolve("store"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aTruncatedOrLongerOutputIsAMismatchToo() {
        byte[] shorter = java.util.Arrays.copyOf(PackageFixtures.TABLE, 5);
        ReleasedFile truncated = new ReleasedFile("t", "a.csv", PackageFixtures.TABLE.length,
                PackageFixtures.sha256(PackageFixtures.TABLE), () -> new ByteArrayInputStream(shorter));
        ReleasedFile longer = new ReleasedFile("t", "a.csv", 5, PackageFixtures.sha256(shorter),
                () -> new ByteArrayInputStream(PackageFixtures.TABLE));

        assertThatThrownBy(() -> writer.write(PackageFixtures.contents(List.of(truncated), true), new ByteArrayOutputStream()))
                .isInstanceOf(ContentMismatch.class).hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> writer.write(PackageFixtures.contents(List.of(longer), true), new ByteArrayOutputStream()))
                .isInstanceOf(ContentMismatch.class);
    }

    @Test
    void aStoredPackageIsABlobWithTheWrittenHash() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(folder.resolve("store"));

        ReleasePackages.StoredPackage stored = ReleasePackages.store(writer, PackageFixtures.contents(), store, 1 << 20);

        assertThat(stored.blob().sha256()).isEqualTo(stored.written().sha256());
        assertThat(stored.blob().size()).isEqualTo(stored.written().size());
        assertThat(stored.written().keyId()).isEqualTo(SIGNER.keyId());
        try (var in = store.open(stored.blob().locator())) {
            assertThat(PackageFixtures.sha256(in.readAllBytes())).isEqualTo(stored.written().sha256());
        }
    }

    @Test
    void namesThatEscapeOrMisleadAreRefused() {
        for (String name : List.of("..", "../x.csv", "a/b.csv", "a\\b.csv", ".hidden", "tab\tname.csv",
                "r\u202Evsc.exe", "", "x".repeat(256))) {
            assertThatThrownBy(() -> PackageFixtures.file("tables", name, PackageFixtures.TABLE)).as(name)
                    .isInstanceOf(InvalidPackage.class);
        }
        assertThatThrownBy(() -> PackageFixtures.file("e\u0301", "a.csv", PackageFixtures.TABLE))
                .isInstanceOf(InvalidPackage.class).hasMessageContaining("NFC");
    }

    @Test
    void twoOutputsWithTheSamePathIgnoringCaseAreRefused() {
        assertThatThrownBy(() -> PackageFixtures.contents(List.of(PackageFixtures.file("t", "A.csv", PackageFixtures.TABLE),
                PackageFixtures.file("t", "a.csv", PackageFixtures.TABLE)), false))
                .isInstanceOf(InvalidPackage.class).hasMessageContaining("appears twice");
    }

    @Test
    void documentsThatAreNotJsonObjectsAreRefused() {
        assertThatThrownBy(() -> new PackageContents(PackageFixtures.request(),
                List.of(PackageFixtures.file("t", "a.csv", PackageFixtures.TABLE)), "not json".getBytes(), "{}".getBytes(),
                null)).isInstanceOf(InvalidPackage.class).hasMessageStartingWith("checks.json");
    }

    private Path write(PackageContents contents) throws Exception {
        Path zip = folder.resolve("package.zip");
        try (var out = Files.newOutputStream(zip)) {
            WrittenPackage written = writer.write(contents, out);
            assertThat(written.size()).isEqualTo(Files.size(zip));
        }
        return zip;
    }

    private static JsonNode entity(JsonNode crate, String id) {
        return crate.path("@graph").valueStream().filter(e -> e.path("@id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + id));
    }
}
