package eu.enclave.egress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static final Path KEY = Path.of("/run/secrets/s3/key");

    @ParameterizedTest
    @ValueSource(strings = {"https://s3.eu-west-3.amazonaws.com", "https://minio.storage.svc:9000",
            "http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000"})
    void httpsEverywhereAndPlainHttpOnlyOnLoopback(String endpoint) {
        assertThat(settings(endpoint).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://minio.storage.svc:9000", "http://10.0.0.5:9000", "http://localhost.example.org",
            "ftp://127.0.0.1", "https://user:pass@s3.example.org", "https://s3.example.org/bucket",
            "https://s3.example.org?x=1"})
    void otherEndpointsAreRefusedWithTheSettingNamed(String endpoint) {
        assertThat(settings(endpoint).problems()).singleElement().asString().startsWith("enclave.storage.s3.endpoint: ");
    }

    @Test
    void everyProblemIsNamedAtOnceAndTheClientIsNotBuilt() {
        S3Settings bad = new S3Settings(null, "Bad_Bucket", "", null, null, true, 1 << 20, "no-slash");

        assertThat(bad.problems()).hasSize(7);
        assertThatThrownBy(() -> S3Clients.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enclave.storage.s3.part-size").hasMessageContaining("enclave.storage.s3.bucket");
    }

    @Test
    void partsOf64MiBHoldBlobsOfSixHundredGigabytes() {
        S3Settings settings = new S3Settings(URI.create("https://s3.example.org"), "enclave", "us-east-1", KEY, KEY,
                false, S3Settings.MAX_PART_SIZE, "");
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.largestBlob()).isEqualTo(64L * 1024 * 1024 * 10_000);
    }

    private static S3Settings settings(String endpoint) {
        return new S3Settings(URI.create(endpoint), "enclave-egress", "us-east-1", KEY, KEY, true,
                S3Settings.MIN_PART_SIZE, "");
    }
}
