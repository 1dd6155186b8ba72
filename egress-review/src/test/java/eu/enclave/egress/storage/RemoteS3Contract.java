package eu.enclave.egress.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The blob store contract against a real S3-compatible server, each test in a folder of its own that is emptied
 * afterwards: the bucket may be shared.
 */
abstract class RemoteS3Contract extends BlobStoreContract {

    private Path folder;
    private S3Settings settings;
    private S3Client client;
    private S3BlobStore store;

    /** Endpoint, bucket, region and keys of the server; the prefix is chosen here. */
    protected abstract S3Settings server(Path credentialFolder, String prefix) throws IOException;

    @BeforeEach
    void connect() throws IOException {
        folder = Files.createTempDirectory("enclave-s3-test");
        settings = server(folder, "enclave-test-" + UUID.randomUUID() + "/");
        client = S3Clients.create(settings);
        store = new S3BlobStore(client, settings);
    }

    @AfterEach
    void clean() throws IOException {
        store.sweepStaged(java.time.Instant.now().plusSeconds(3600));
        for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix()))
                .contents()) {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(object.key()));
        }
        client.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected int stagedCount() {
        return (int) client.listMultipartUploadsPaginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix()))
                .uploads().stream().count();
    }
}
