package eu.enclave.egress.release.pack;

import java.util.List;

/**
 * A package that was written completely.
 *
 * @param keyId      the release key that signed its {@code SHA256SUMS}
 * @param entries    every file but {@code SHA256SUMS} and its signature, in the order written
 * @param sha256sums the text of {@code SHA256SUMS}
 * @param size       the zip's size in bytes
 * @param sha256     the zip's SHA-256, to verify before each send
 */
public record WrittenPackage(String keyId, List<PackageEntry> entries, String sha256sums, long size, String sha256) {

    public WrittenPackage {
        entries = List.copyOf(entries);
    }
}
