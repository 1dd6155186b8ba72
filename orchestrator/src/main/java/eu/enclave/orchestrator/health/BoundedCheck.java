package eu.enclave.orchestrator.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;

/**
 * Runs one health probe of a peer (the API server, Vault, guacd) with a time limit, so that a peer that hangs makes
 * the health endpoint answer DOWN in time instead of hanging with it; the probe's failure becomes the reason.
 */
public final class BoundedCheck {

    public static final Duration LIMIT = Duration.ofSeconds(3);

    private BoundedCheck() {
    }

    public static Health run(Supplier<Health> probe) {
        CompletableFuture<Health> running = CompletableFuture.supplyAsync(probe);
        try {
            return running.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return Health.down().withDetail("reason", "no answer within " + LIMIT.toSeconds() + " s").build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down().withDetail("reason", String.valueOf(cause.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }
}
