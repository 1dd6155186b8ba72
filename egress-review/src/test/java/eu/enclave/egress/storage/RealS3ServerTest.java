package eu.enclave.egress.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The blob store contract against the S3-compatible server named by {@code ENCLAVE_TEST_S3_ENDPOINT} (README,
 * "Tests against real servers"); skipped when it is not set.
 */
@EnabledIfEnvironmentVariable(named = "ENCLAVE_TEST_S3_ENDPOINT", matches = ".+")
class RealS3ServerTest extends RemoteS3Contract {

    @Override
    protected S3Settings server(Path credentialFolder, String prefix) throws IOException {
        S3Settings settings = S3Fixtures.settings(URI.create(System.getenv("ENCLAVE_TEST_S3_ENDPOINT")),
                System.getenv("ENCLAVE_TEST_S3_BUCKET"), env("ENCLAVE_TEST_S3_REGION", S3Settings.DEFAULT_REGION),
                System.getenv("ENCLAVE_TEST_S3_ACCESS_KEY"), System.getenv("ENCLAVE_TEST_S3_SECRET_KEY"),
                credentialFolder, prefix);
        boolean pathStyle = Boolean.parseBoolean(env("ENCLAVE_TEST_S3_PATH_STYLE", "true"));
        return new S3Settings(settings.endpoint(), settings.bucket(), settings.region(), settings.accessKeyFile(),
                settings.secretKeyFile(), pathStyle, settings.partSize(), settings.prefix());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
