package eu.enclave.egress.intake;

import eu.enclave.egress.storage.BlobUpload;
import eu.enclave.egress.storage.StagedBlob;

/** A file fully received and durable in staging, hashed, its type detected; not yet a blob, nor a row. */
record ReceivedUpload(BlobUpload upload, StagedBlob staged, String detectedType) implements AutoCloseable {

    /** Discards the staged bytes unless they were committed. */
    @Override
    public void close() {
        upload.close();
    }
}
