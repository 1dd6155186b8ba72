package eu.enclave.egress.release.pack;

/** One file of a written package, as listed in its {@code SHA256SUMS}. */
public record PackageEntry(String path, long size, String sha256) {
}
