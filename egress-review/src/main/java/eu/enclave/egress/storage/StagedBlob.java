package eu.enclave.egress.storage;

/** A finished upload, not yet a blob: its content's SHA-256 (lower-case hex) and size in bytes. */
public record StagedBlob(String sha256, long size) {
}
