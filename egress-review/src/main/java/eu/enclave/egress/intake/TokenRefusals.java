package eu.enclave.egress.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls with an egress token that is not active (unknown, of an earlier start, of a stopped workspace...): nobody
 * known made them, so they are not audited (a guessing loop would flood the trail). Each is counted in the metric
 * {@code enclave.intake.tokens.refused} by reason, and the log gets at most one line a minute, summing them up with
 * the last source address. Never the token.
 */
class TokenRefusals {

    static final String METRIC = "enclave.intake.tokens.refused";
    private static final Logger log = LoggerFactory.getLogger(TokenRefusals.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Long> sinceLastLine = new TreeMap<>();
    private Instant lastLine = Instant.MIN;
    private String lastSource;

    TokenRefusals(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void refused(String reason, String sourceAddress) {
        Counter.builder(METRIC).description("Intake calls refused for an egress token that is not active")
                .tag("reason", reason).register(meters).increment();
        String line = null;
        synchronized (this) {
            sinceLastLine.merge(reason, 1L, Long::sum);
            lastSource = sourceAddress;
            Instant now = clock.instant();
            if (!now.isBefore(lastLine.plus(LOG_EVERY))) {
                line = "Refused intake calls with egress tokens that are not active (by reason, since the last such "
                        + "line): " + sinceLastLine + "; last from " + lastSource;
                sinceLastLine.clear();
                lastLine = now;
            }
        }
        if (line != null) {
            log.warn(line);
        }
    }
}
