package eu.enclave.egress.release.pack;

import eu.enclave.egress.storage.BlobRef;
import eu.enclave.egress.storage.BlobStore;
import eu.enclave.egress.storage.BlobUpload;
import eu.enclave.egress.storage.StagedBlob;
import java.io.IOException;

/** Writes a package into a blob store: the blob exists only if the whole package was written and checked. */
public final class ReleasePackages {

    /** The stored package: its blob (locator, hash and size to verify before each send) and what it holds. */
    public record StoredPackage(BlobRef blob, WrittenPackage written) {
    }

    private ReleasePackages() {
    }

    /**
     * Writes the package into a new upload and commits it; on any failure ({@link ContentMismatch} included) the
     * upload is discarded and nothing is stored.
     */
    public static StoredPackage store(ReleasePackageWriter writer, PackageContents contents, BlobStore store,
            long maxBytes) throws IOException {
        try (BlobUpload upload = store.begin(maxBytes)) {
            WrittenPackage written = writer.write(contents, upload.output());
            StagedBlob staged = upload.finish();
            if (!staged.sha256().equals(written.sha256()) || staged.size() != written.size()) {
                throw new IOException("the stored package differs from the one written");
            }
            return new StoredPackage(upload.commit(), written);
        }
    }
}
