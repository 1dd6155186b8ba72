package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.engine.EngineLimits;
import eu.enclave.egress.checks.engine.Ticker;
import eu.enclave.egress.checks.history.TableHistory;
import eu.enclave.egress.checks.rules.UnreadableRule;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The engine enforces its own limits: a test sees the outcome, never a timer. */
class LimitsTest {

    @Test
    void aFileThatWouldTakeTooLongEndsInReviewWithTheReason() {
        // every look at the clock is ten seconds later: the deadline of one minute passes while reading
        AtomicLong now = new AtomicLong();
        Ticker ticker = () -> now.addAndGet(Duration.ofSeconds(10).toNanos());
        Checks checks = Checks.with(EngineLimits.DEFAULT.withFileTime(Duration.ofMinutes(1)), TableHistory.NONE,
                project -> Set.of(), ticker);
        StringBuilder csv = new StringBuilder("groupe,n\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("g").append(i).append(",").append(100 + i).append('\n');
        }
        FileCheckResult result = checks.one("long.csv", csv.toString());
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("longer than 60 s"));
    }

    @Test
    void aPdfPastThePageLimitIsReadInPartAndSaysSo() throws Exception {
        byte[] pdf = PdfTest.pdf(java.util.Collections.nCopies(5, java.util.List.of("page")), null, false);
        FileCheckResult result = Checks.with(EngineLimits.DEFAULT.withPdfPages(2)).one("r.pdf", pdf);
        assertThat(Checks.of(result, UnreadableRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("first 2 of 5 pages"));
    }

    @Test
    void theFindingsOfOneRuleAreBoundedAndTheRestCounted() {
        StringBuilder csv = new StringBuilder("groupe,n\n");
        for (int i = 0; i < 500; i++) {
            csv.append("g").append(i).append(",3\n");
        }
        FileCheckResult result = Checks.engine().one("t.csv", csv.toString());
        assertThat(Checks.of(result, "table.small-count")).hasSize(EngineLimits.DEFAULT.maxFindingsPerRule() + 1)
                .last().satisfies(f -> assertThat(f.messageEn()).startsWith("450 more findings"));
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    }
}
