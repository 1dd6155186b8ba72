package eu.enclave.egress.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * Where submitted files and release packages live: immutable blobs, named by their SHA-256. An upload is staged
 * first (hashed as its bytes arrive, durable once finished) and becomes a blob only when committed, so that the
 * caller can check once more (the egress token, the limits) between the last byte and the commit; an upload that
 * is closed without a commit leaves nothing behind. The database row that names a blob is written only after the
 * commit returns.
 */
public interface BlobStore {

    /** {@code filesystem} or {@code s3}: recorded with each blob. */
    String kind();

    /** A new staged upload of at most {@code maxBytes}; more bytes fail with {@link BlobTooLarge}. */
    BlobUpload begin(long maxBytes) throws IOException;

    /** The blob's bytes; {@link NoSuchBlob} when it is not (or no longer) stored. */
    InputStream open(String locator) throws IOException;

    boolean exists(String locator) throws IOException;

    /** Removes the blob; removing one that is not there is not an error. */
    void delete(String locator) throws IOException;

    /** Removes staged uploads begun before {@code cutoff} (interrupted, or abandoned by a crash); how many. */
    int sweepStaged(Instant cutoff) throws IOException;
}
