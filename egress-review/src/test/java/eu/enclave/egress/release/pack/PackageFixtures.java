package eu.enclave.egress.release.pack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** A small request with two approved outputs, as the workflow would hand it over. */
final class PackageFixtures {

    static final byte[] TABLE = "sexe;n\nF;120\nH;98\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PLOT = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    private PackageFixtures() {
    }

    static ReleaseRequest request() {
        return new ReleaseRequest(UUID.fromString("6f1c2a8e-1d2b-4c3d-9e4f-5a6b7c8d9e0f"), "demo",
                "Effectifs par sexe", "Tableau descriptif pour l'article", Instant.parse("2026-03-02T10:15:30Z"),
                List.of("r-7f3a", "r-91bc"), "sha256:" + "ab".repeat(32), "enclave-checks 0.1.0");
    }

    static ReleasedFile file(String group, String name, byte[] content) {
        return new ReleasedFile(group, name, content.length, sha256(content), () -> new ByteArrayInputStream(content));
    }

    static PackageContents contents(List<ReleasedFile> outputs, boolean withResults) {
        return new PackageContents(request(), outputs, "{\"engine\":\"enclave-checks 0.1.0\",\"files\":[]}".getBytes(),
                "{\"reviewers\":[\"r-7f3a\",\"r-91bc\"],\"votes\":[]}".getBytes(),
                withResults ? "{\"version\":\"1.0.0\",\"results\":{}}".getBytes() : null);
    }

    static PackageContents contents() {
        return contents(List.of(file("tables", "effectifs.csv", TABLE), file("figures", "courbe.png", PLOT)), true);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
