package eu.enclave.egress.checks.engine;

import java.time.Duration;

/**
 * The time one file may take. Readers call {@link #check()} as they go (per row, entry, page, buffer), so that a
 * file that would take too long ends with {@code review} and the reason instead of holding the checker.
 */
public final class Deadline {

    private final Ticker ticker;
    private final long endNanos;
    private final Duration limit;

    public Deadline(Ticker ticker, Duration limit) {
        this.ticker = ticker;
        this.limit = limit;
        this.endNanos = ticker.nanos() + limit.toNanos();
    }

    public void check() {
        if (ticker.nanos() - endNanos > 0) {
            throw new LimitExceeded("time", "checking took longer than " + limit.toSeconds() + " s",
                    "la vérification a dépassé " + limit.toSeconds() + " s");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new LimitExceeded("time", "checking was stopped", "la vérification a été interrompue");
        }
    }

    public Duration limit() {
        return limit;
    }
}
