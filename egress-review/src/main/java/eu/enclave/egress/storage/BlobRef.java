package eu.enclave.egress.storage;

/**
 * A stored blob: where the store keeps it ({@code locator}, opaque outside the store, never shown to a person or
 * sent to a browser), and what it is.
 */
public record BlobRef(String store, String locator, String sha256, long size) {
}
