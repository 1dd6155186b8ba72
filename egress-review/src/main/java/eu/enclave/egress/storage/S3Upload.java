package eu.enclave.egress.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload: parts are sent as they fill and the SHA-256 is computed as the bytes pass; the upload is
 * completed only by {@link #commit()}, and aborted by {@link #close()} otherwise, on any failure included.
 */
final class S3Upload implements BlobUpload {

    private final S3BlobStore store;
    private final String key;
    private final String uploadId;
    private final PartBuffer buffer;
    private final HashingOutputStream output;
    private final List<CompletedPart> parts = new ArrayList<>();
    private StagedBlob staged;
    private boolean finished;
    private boolean failed;
    private boolean committed;
    private boolean aborted;

    S3Upload(S3BlobStore store, String key, String uploadId, long maxBytes, int partSize) {
        this.store = store;
        this.key = key;
        this.uploadId = uploadId;
        this.buffer = new PartBuffer(partSize, this::send);
        this.output = new HashingOutputStream(new Unflushed(), maxBytes);
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public StagedBlob finish() throws IOException {
        refuseIfFailed();
        if (!finished) {
            finished = true;
            if (buffer.length() > 0) {
                send(buffer);
                buffer.clear();
            }
            staged = new StagedBlob(output.sha256(), output.count());
        }
        return staged;
    }

    @Override
    public BlobRef commit() throws IOException {
        StagedBlob blob = finish();
        String hex = blob.sha256();
        S3BlobStore.call("store a blob", () -> {
            if (store.indexed(hex)) {
                abort();
            } else {
                complete(blob.size());
                if (!store.index(hex, key)) {
                    store.client().deleteObject(b -> b.bucket(store.bucket()).key(key));
                }
            }
            return null;
        });
        committed = true;
        return new BlobRef(S3BlobStore.KIND, S3BlobStore.locatorOf(hex), hex, blob.size());
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                abort();
            } catch (SdkException e) {
                // left for the sweeper (sweepStaged), which aborts uploads older than the upload timeout
            }
        }
    }

    private void complete(long size) {
        if (size == 0) {
            // S3 completes no upload without a part; an empty blob is one empty object.
            abort();
            store.client().putObject(b -> b.bucket(store.bucket()).key(key), RequestBody.empty());
            return;
        }
        store.client().completeMultipartUpload(b -> b.bucket(store.bucket()).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    private void abort() {
        if (!aborted) {
            store.abort(key, uploadId);
            aborted = true;
        }
    }

    private void send(PartBuffer part) throws IOException {
        int number = parts.size() + 1;
        long length = part.length();
        try {
            String etag = S3BlobStore.call("send part " + number, () -> store.client().uploadPart(
                    b -> b.bucket(store.bucket()).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                    RequestBody.fromContentProvider(part::reader, length, "application/octet-stream")).eTag());
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** A part that could not be sent leaves a hole: nothing more of this upload may be written or committed. */
    private void refuseIfFailed() throws IOException {
        if (failed) {
            throw new IOException("a part of this upload could not be stored; begin a new upload");
        }
    }

    /** Flushing sends nothing: S3 parts (but the last) must be at least 5 MiB, so parts go out only when full. */
    private final class Unflushed extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            refuseIfFailed();
            buffer.write(b, off, len);
        }

        @Override
        public void flush() {
        }
    }
}
