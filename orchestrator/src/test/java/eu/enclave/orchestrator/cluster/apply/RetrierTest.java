package eu.enclave.orchestrator.cluster.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier(4, Duration.ofMillis(100), Duration.ofMillis(300), waits::add);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void waitsLongerEachTimeUpToTheCeilingAndSucceedsWhenTheFaultPasses() {
        String result = retrier.call(() -> calls.incrementAndGet() < 4 ? fail(503) : "done");

        assertThat(result).isEqualTo("done");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheApiMessage() {
        ClusterCallFailed failure = catchThrowableOfType(ClusterCallFailed.class,
                () -> retrier.call(() -> { calls.incrementAndGet(); return fail(500); }));

        assertThat(calls).hasValue(4);
        assertThat(waits).hasSize(3);
        assertThat(failure.reason()).isEqualTo("HTTP 500 after 4 attempts");
        assertThat(failure.apiMessage()).isEqualTo("etcd is unhappy (500)");
    }

    @Test
    void doesNotRepeatWhatWillFailTheSameWay() {
        ClusterCallFailed failure = catchThrowableOfType(ClusterCallFailed.class,
                () -> retrier.call(() -> { calls.incrementAndGet(); return fail(403); }));

        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
        assertThat(failure.reason()).isEqualTo("HTTP 403, not retried");
    }

    @Test
    void stopsWhenInterruptedWhileWaiting() {
        Retrier interrupted = new Retrier(5, Duration.ofMillis(1), Duration.ofMillis(1), d -> {
            throw new InterruptedException();
        });

        ClusterCallFailed failure = catchThrowableOfType(ClusterCallFailed.class,
                () -> interrupted.call(() -> { calls.incrementAndGet(); return fail(500); }));

        assertThat(calls).hasValue(1);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(Thread.interrupted()).isTrue();
    }

    static String fail(int code) {
        throw new KubernetesClientException("failure", code,
                new StatusBuilder().withCode(code).withMessage("etcd is unhappy (" + code + ")").build());
    }
}
