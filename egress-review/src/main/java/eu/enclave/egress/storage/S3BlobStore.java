package eu.enclave.egress.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in one bucket of an S3-compatible store. An upload is a multipart upload of {@code blobs/<uuid>}, its parts
 * sent as they fill (one part of memory per upload in progress), completed only at {@link BlobUpload#commit()}.
 * Content is addressed through a small index object {@code sha256/<hex>} whose body names the data object: it is
 * written once, with {@code If-None-Match: *}, so that the same content is stored once even when two uploads of
 * it commit together. The locator is {@code sha256/<hex>}, as for the filesystem store.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    public static final String KIND = "s3";
    private static final String LOCATOR_PREFIX = "sha256/";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    public S3BlobStore(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        this.partSize = settings.partSize();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public BlobUpload begin(long maxBytes) throws IOException {
        String key = prefix + "blobs/" + UUID.randomUUID();
        String uploadId = call("begin an upload", () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key))
                .uploadId());
        return new S3Upload(this, key, uploadId, maxBytes, partSize);
    }

    @Override
    public InputStream open(String locator) throws IOException {
        String dataKey = dataKeyOf(locator);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(dataKey));
        } catch (NoSuchKeyException e) {
            throw new NoSuchBlob(locator);
        } catch (SdkException e) {
            throw failure("read a blob", e);
        }
    }

    @Override
    public boolean exists(String locator) throws IOException {
        String hex = hexOf(locator);
        return call("look for a blob", () -> indexed(hex));
    }

    @Override
    public void delete(String locator) throws IOException {
        String hex = hexOf(locator);
        String dataKey;
        try {
            dataKey = dataKeyOf(locator);
        } catch (NoSuchBlob alreadyGone) {
            return;
        }
        call("delete a blob", () -> s3.deleteObject(b -> b.bucket(bucket).key(dataKey)));
        call("delete a blob's index", () -> s3.deleteObject(b -> b.bucket(bucket).key(indexKey(hex))));
    }

    @Override
    public int sweepStaged(Instant cutoff) throws IOException {
        return call("list staged uploads", () -> {
            int aborted = 0;
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix + "blobs/"))
                    .uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(cutoff) && abort(upload.key(),
                        upload.uploadId())) {
                    aborted++;
                }
            }
            return aborted;
        });
    }

    /** Whether this call removed the upload (false when it was already gone). */
    boolean abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            return true;
        } catch (NoSuchUploadException e) {
            return false;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    S3Client client() {
        return s3;
    }

    String bucket() {
        return bucket;
    }

    String indexKey(String hex) {
        return prefix + "sha256/" + hex;
    }

    boolean indexed(String hex) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(indexKey(hex)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Writes the index unless one exists; false when another upload of the same content wrote it first. */
    boolean index(String hex, String dataKey) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(indexKey(hex)).ifNoneMatch("*").contentType("text/plain"),
                    RequestBody.fromString(dataKey, StandardCharsets.UTF_8));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    static String locatorOf(String hex) {
        return LOCATOR_PREFIX + hex;
    }

    private String dataKeyOf(String locator) throws IOException {
        String hex = hexOf(locator);
        try {
            byte[] body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(indexKey(hex))).asByteArray();
            String dataKey = new String(body, StandardCharsets.UTF_8);
            if (!dataKey.startsWith(prefix + "blobs/")) {
                throw new IOException("the index of blob " + locator + " does not name a data object");
            }
            return dataKey;
        } catch (NoSuchKeyException e) {
            throw new NoSuchBlob(locator);
        } catch (SdkException e) {
            throw failure("find a blob", e);
        }
    }

    private static String hexOf(String locator) {
        if (locator == null || !locator.startsWith(LOCATOR_PREFIX)
                || !HEX.matcher(locator.substring(LOCATOR_PREFIX.length())).matches()) {
            throw new IllegalArgumentException("not a blob locator");
        }
        return locator.substring(LOCATOR_PREFIX.length());
    }

    interface Call<T> {
        T run();
    }

    static <T> T call(String what, Call<T> call) throws BlobStoreFailure {
        try {
            return call.run();
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    static BlobStoreFailure failure(String what, SdkException e) {
        String detail = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                ? s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode()
                : e.getClass().getSimpleName();
        return new BlobStoreFailure("S3 storage: could not " + what + " (" + detail + ")", e);
    }
}
