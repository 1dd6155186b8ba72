package eu.enclave.egress.release.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Release key files. A past public key is a PEM file ({@code -----BEGIN PUBLIC KEY-----}) in the past-keys folder,
 * with optional {@code Key-Id:}, {@code Since:} and {@code Until:} lines (ISO-8601 instants) before the block.
 */
public final class ReleaseKeys {

    private ReleaseKeys() {
    }

    public static ReleaseSigner readSigner(Path file, String keyId) throws IOException {
        return ReleaseSigner.fromPem(Files.readString(file, StandardCharsets.US_ASCII), keyId, file.toString());
    }

    public static ReleaseKey readPublicKey(Path file) throws IOException {
        String source = file.toString();
        Pem pem = Pem.parse(Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC KEY", source);
        var key = ReleaseSigner.readPublic(pem.der(), source);
        String keyId = pem.attributes().get("key-id");
        return new ReleaseKey(keyId == null ? ReleaseSigner.keyIdOf(key) : ReleaseSigner.checkKeyId(keyId),
                Pem.format("PUBLIC KEY", key.getEncoded(), java.util.Map.of()),
                instant(pem.attributes().get("since"), source, "Since"), instant(pem.attributes().get("until"), source, "Until"));
    }

    /** Every {@code *.pem} of the folder (hidden entries, such as a mounted Secret's {@code ..data}, skipped), oldest first. */
    public static List<ReleaseKey> readFolder(Path folder) throws IOException {
        List<ReleaseKey> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.pem")) {
            for (Path file : files) {
                if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
                    keys.add(readPublicKey(file));
                }
            }
        }
        keys.sort(Comparator.comparing(ReleaseKey::since, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ReleaseKey::keyId));
        return keys;
    }

    static Instant instant(String value, String source, String attribute) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidKey(source + ": " + attribute + ": '" + value + "' is not an ISO-8601 instant (2026-01-31T00:00:00Z)");
        }
    }
}
