package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.rules.ContributorCountRule;
import eu.enclave.egress.checks.rules.NkDominanceRule;
import eu.enclave.egress.checks.rules.PPercentRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DominanceRulesTest {

    private static final String TABLE = "région;montant\nNord;1000\nSud;2000\n";
    private final Checks checks = Checks.engine();

    private FileCheckResult withEvidence(String evidence) {
        Map<String, FileCheckResult> results = checks.file("depenses.csv", TABLE)
                .supporting("depenses.evidence.csv", evidence).run();
        return results.get("depenses.csv");
    }

    @Test
    void exactlyNinetyPercentFromTheTwoLargestFails() {
        FileCheckResult result = withEvidence("région;count;sum;top1;top2;negatives\nNord;20;1000;600;300;0\n"
                + "Sud;30;2000;500;400;0\n");
        assertThat(Checks.of(result, NkDominanceRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(f.maskedValue()).isEqualTo("90.0 %");
            assertThat(f.location().row()).isEqualTo(1L);
            assertThat(f.location().column()).isEqualTo("montant");
        });
    }

    @Test
    void justBelowNinetyPercentPasses() {
        FileCheckResult result = withEvidence("région;count;sum;top1;top2;negatives\nNord;20;1000;600;299.99;0\n");
        Checks.assertNoFindings(result, NkDominanceRule.ID);
    }

    @Test
    void pPercentFailsWhenTheRestIsTooSmall() {
        // 1000 - 850 - 100 = 50 < 10 % of 850
        FileCheckResult result = withEvidence("région;count;sum;top1;top2;negatives\nNord;20;1000;850;100;0\n");
        assertThat(Checks.of(result, PPercentRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(CheckStatus.FAIL));
        FileCheckResult fine = withEvidence("région;count;sum;top1;top2;negatives\nNord;20;1000;300;200;0\n");
        Checks.assertNoFindings(fine, PPercentRule.ID);
    }

    @Test
    void negativeContributionsTurnDominanceIntoReview() {
        FileCheckResult result = withEvidence("région;count;sum;top1;top2;negatives\nNord;20;1000;100;90;2\n");
        assertThat(Checks.of(result, NkDominanceRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(CheckStatus.REVIEW));
    }

    @Test
    void tooFewContributorsFail() {
        FileCheckResult result = withEvidence("région;count;sum;top1;top2;negatives\nNord;4;1000;300;200;0\n");
        assertThat(Checks.of(result, ContributorCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.maskedValue()).isEqualTo("4"));
    }

    @Test
    void withoutEvidenceDominanceCouldNotBeAssessed() {
        FileCheckResult result = checks.one("depenses.csv", TABLE);
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, NkDominanceRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("could not be assessed"));
    }

    @Test
    void theEvidenceFileItselfIsNotJudgedAsATable() {
        Map<String, FileCheckResult> results = checks.file("depenses.csv", TABLE)
                .supporting("depenses.evidence.csv", "région;count;sum;top1;top2;negatives\nNord;4;1000;300;200;0\n")
                .run();
        Checks.assertNoFindings(results.get("depenses.evidence.csv"), "table.small-count");
    }
}
