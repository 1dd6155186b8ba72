package eu.enclave.orchestrator.cluster.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransientErrorsTest {

    @ParameterizedTest(name = "HTTP {0} transient: {1}")
    @CsvSource({"500, true", "502, true", "503, true", "504, true", "409, true", "429, true",
            "400, false", "401, false", "403, false", "404, false", "410, false", "422, false"})
    void byStatus(int code, boolean expected) {
        KubernetesClientException error = new KubernetesClientException("x", code,
                new StatusBuilder().withCode(code).build());
        assertThat(TransientErrors.isTransient(error)).isEqualTo(expected);
    }

    @Test
    void noAnswerBecauseOfTheConnectionIsTransient() {
        assertThat(TransientErrors.isTransient(new KubernetesClientException("lost", new IOException("reset"))))
                .isTrue();
        assertThat(TransientErrors.isTransient(new KubernetesClientException("slow",
                new RuntimeException(new TimeoutException("5s"))))).isTrue();
    }

    @Test
    void noAnswerForAnyOtherReasonIsNot() {
        assertThat(TransientErrors.isTransient(new KubernetesClientException("bad", new IllegalStateException())))
                .isFalse();
    }
}
