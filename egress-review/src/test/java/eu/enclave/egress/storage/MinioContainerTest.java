package eu.enclave.egress.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.s3.S3Client;

/** The blob store contract against MinIO in a container; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class MinioContainerTest extends RemoteS3Contract {

    private static final String USER = "enclave-test";
    private static final String PASSWORD = "enclave-test-password";
    private static final String BUCKET = "enclave-egress";

    @Container
    static final GenericContainer<?> MINIO = new GenericContainer<>("minio/minio:RELEASE.2023-09-04T19-57-37Z")
            .withCommand("server", "/data")
            .withEnv("MINIO_ROOT_USER", USER)
            .withEnv("MINIO_ROOT_PASSWORD", PASSWORD)
            .withExposedPorts(9000)
            .waitingFor(Wait.forHttp("/minio/health/live").forPort(9000));

    private static boolean bucketMade;

    @Override
    protected S3Settings server(Path credentialFolder, String prefix) throws IOException {
        // Docker publishes the port on this host: plain http to a loopback address, as the settings allow.
        URI endpoint = URI.create("http://127.0.0.1:" + MINIO.getMappedPort(9000));
        S3Settings settings = S3Fixtures.settings(endpoint, BUCKET, S3Settings.DEFAULT_REGION, USER, PASSWORD,
                credentialFolder, prefix);
        if (!bucketMade) {
            try (S3Client client = S3Clients.create(settings)) {
                client.createBucket(b -> b.bucket(BUCKET));
            }
            bucketMade = true;
        }
        return settings;
    }
}
