package eu.enclave.egress.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One upload in progress: write the bytes to {@link #output()}, then {@link #finish()} (the hash and size are
 * known, the bytes durable in staging), then {@link #commit()}. {@link #close()} without a commit discards the
 * staged bytes, whatever state the upload is in.
 */
public interface BlobUpload extends Closeable {

    OutputStream output();

    /** No more bytes: flushes them durably and answers their SHA-256 and size. */
    StagedBlob finish() throws IOException;

    /**
     * Makes the finished upload a blob. When a blob with the same content already exists, the staged copy is
     * discarded and the existing one is answered: content is stored once.
     */
    BlobRef commit() throws IOException;

    /** Discards the upload unless it was committed; never throws. */
    @Override
    void close();
}
