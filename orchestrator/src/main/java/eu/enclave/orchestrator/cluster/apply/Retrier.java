package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes a cluster call again after a transient failure, waiting twice as long each time up to a ceiling, for a
 * bounded number of attempts. Only idempotent calls may be passed: each attempt starts again from a fresh read.
 *
 * <p>Fabric8's HTTP client has its own retries of 429 and 5xx answers ({@code requestRetryBackoffLimit});
 * these come on top of them and also cover conflicts and timeouts.
 */
public final class Retrier {

    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;

    public Retrier(int maxAttempts, Duration firstDelay, Duration maxDelay, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
    }

    /** Five attempts, waiting 0.2, 0.4, 0.8 and 1.6 seconds between them. */
    public static Retrier standard(Sleeper sleeper) {
        return new Retrier(5, Duration.ofMillis(200), Duration.ofSeconds(5), sleeper);
    }

    public <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (KubernetesClientException error) {
                boolean transientError = TransientErrors.isTransient(error);
                if (!transientError || attempt == maxAttempts) {
                    throw new ClusterCallFailed(error, attempt, transientError);
                }
                pause(delayAfter(attempt), error, attempt);
            }
        }
    }

    Duration delayAfter(int attempt) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private void pause(Duration delay, KubernetesClientException error, int attempt) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ClusterCallFailed(error, attempt, true);
        }
    }
}
