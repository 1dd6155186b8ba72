package eu.enclave.egress.release.pack;

import java.util.List;

/** {@code SHA256SUMS} in the format {@code sha256sum} writes and {@code sha256sum -c} reads. */
final class Sha256Sums {

    private Sha256Sums() {
    }

    /** One line per entry: the hex digest, two spaces (text mode, as GNU writes it), the path. */
    static String format(List<PackageEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (PackageEntry entry : entries) {
            // Paths never hold a newline or a backslash (ReleasedFile refuses them), so no line needs escaping.
            text.append(entry.sha256()).append("  ").append(entry.path()).append('\n');
        }
        return text.toString();
    }
}
