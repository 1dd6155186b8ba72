package eu.enclave.orchestrator.cluster.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How long an archived project's namespace is kept before it is deleted ({@code enclave.cluster.archive-retention},
 * an ISO-8601 duration such as {@code P30D}; {@code P0D} deletes at the next run).
 */
record ArchiveRetention(Duration period) {

    static final String PROPERTY = "enclave.cluster.archive-retention";

    ArchiveRetention {
        if (period.isNegative()) {
            throw new IllegalStateException(PROPERTY + " must not be negative, was " + period);
        }
    }

    static ArchiveRetention parse(String text) {
        try {
            return new ArchiveRetention(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(PROPERTY + " must be an ISO-8601 duration such as P30D or PT12H, was '"
                    + text + "'", e);
        }
    }

    /** Projects archived at or before this instant are due for deletion at {@code now}. */
    Instant archivedUpTo(Instant now) {
        return now.minus(period);
    }
}
