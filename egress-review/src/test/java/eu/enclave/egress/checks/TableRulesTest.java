package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.rules.BirthDateRule;
import eu.enclave.egress.checks.rules.FormulaRule;
import eu.enclave.egress.checks.rules.QuasiIdentifierRule;
import eu.enclave.egress.checks.rules.RaggedRowsRule;
import eu.enclave.egress.checks.rules.RecordLevelRule;
import eu.enclave.egress.checks.rules.SecondaryDisclosureRule;
import eu.enclave.egress.checks.rules.SmallCountRule;
import eu.enclave.egress.checks.rules.UnclassifiedNumbersRule;
import eu.enclave.egress.checks.rules.ZerosRule;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import eu.enclave.platform.disclosure.ZeroRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRulesTest {

    private final Checks checks = Checks.engine();

    @Test
    void tenFailsAndElevenPassesUnderTheDefault() {
        FileCheckResult ten = checks.one("t.csv", "region,n\nNord,10\nSud,250\n");
        assertThat(ten.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(Checks.of(ten, SmallCountRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.maskedValue()).isEqualTo("10");
            assertThat(f.location().row()).isEqualTo(1L);
            assertThat(f.location().column()).isEqualTo("n");
            assertThat(f.location().line()).isEqualTo(2L);
            assertThat(f.messageFr()).contains("seuil de 11");
        });
        FileCheckResult eleven = checks.one("t.csv", "region,n\nNord,11\nSud,250\n");
        assertThat(eleven.status()).isEqualTo(CheckStatus.PASS);
        assertThat(eleven.rulesRun()).contains(SmallCountRule.ID, "identifier.nir", "type.content");
        assertThat(eleven.engineVersion()).isEqualTo(ChecksEngine.VERSION);
        assertThat(eleven.policyHash()).isEqualTo(DisclosurePolicy.DEFAULT.hash());
        assertThat(eleven.detectedType()).isEqualTo("csv");
    }

    @Test
    void aHigherMinimumFromThePolicyApplies() {
        DisclosurePolicy strict = new DisclosurePolicy(20, ZeroRule.REVIEW, 2, 90, 10, 10, FileType.UNDERSTOOD, false,
                List.of());
        assertThat(checks.policy(strict).one("t.csv", "region,n\nNord,15\n").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void frenchCountHeadersAreRecognised() {
        for (String header : List.of("Effectif", "Nb_patients", "nombre de séjours", "Fréquence", "count", "N")) {
            FileCheckResult result = checks.one("t.csv", "classe d'âge;" + header + "\n18-30;7\n31-50;120\n");
            assertThat(result.status()).as(header).isEqualTo(CheckStatus.FAIL);
        }
    }

    @Test
    void frenchSpreadsheetDialects() {
        // Windows-1252, semicolons, decimal comma, thousands with a no-break space
        String text = "Région;Effectif;Taux\nÎle-de-France;1\u00a0234;12,5\nCorse;8;0,7\n";
        FileCheckResult cp1252 = checks.one("t.csv", text.getBytes(eu.enclave.egress.checks.formats.TextEncoding.WINDOWS_1252));
        assertThat(Checks.of(cp1252, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.maskedValue()).isEqualTo("8"));
        // UTF-8 with a byte-order mark: the first header is read without it
        byte[] bom = ("\ufeff" + text).getBytes(StandardCharsets.UTF_8);
        FileCheckResult withBom = checks.one("t.csv", bom);
        assertThat(Checks.of(withBom, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location().column()).isEqualTo("Effectif"));
        // tab-separated with quoted fields over two lines
        FileCheckResult tsv = checks.one("t.tsv", "libellé\teffectif\n\"Hôpital\nNord\"\t3\nSud\t40\n");
        assertThat(tsv.detectedType()).isEqualTo("tsv");
        assertThat(Checks.of(tsv, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(2L));
        Checks.assertNoFindings(tsv, RaggedRowsRule.ID);
    }

    @Test
    void zerosFollowThePolicy() {
        String csv = "groupe,n\nA,0\nB,40\n";
        assertThat(Checks.of(checks.one("t.csv", csv), ZerosRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(CheckStatus.REVIEW));
        DisclosurePolicy fail = new DisclosurePolicy(11, ZeroRule.FAIL, 2, 90, 10, 10, FileType.UNDERSTOOD, false,
                List.of());
        assertThat(checks.policy(fail).one("t.csv", csv).status()).isEqualTo(CheckStatus.FAIL);
        DisclosurePolicy pass = new DisclosurePolicy(11, ZeroRule.PASS, 2, 90, 10, 10, FileType.UNDERSTOOD, false,
                List.of());
        assertThat(checks.policy(pass).one("t.csv", csv).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void columnsThatOnlyLookLikeCountsAreReview() {
        FileCheckResult result = checks.one("t.csv", "sexe,G1,G2\nF,4,120\nH,50,60\n");
        assertThat(result.status()).isEqualTo(CheckStatus.REVIEW);
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(CheckStatus.REVIEW);
            assertThat(f.messageEn()).contains("a person must tell");
        });
    }

    @Test
    void aCrosstabWhoseCellsAddUpToItsMarginsHoldsCounts() {
        FileCheckResult result = checks.one("t.csv", "sexe,G1,G2,All\nF,4,120,124\nH,50,60,110\nAll,54,180,234\n");
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(CheckStatus.FAIL));
    }

    @Test
    void aSuppressedCellRecoverableFromItsMarginFails() {
        FileCheckResult result = checks.one("t.csv", "région;hommes;femmes;total\nNord;*;40;45\nSud;30;25;55\n"
                + "Total;35;65;100\n");
        List<Finding> found = Checks.of(result, SecondaryDisclosureRule.ID);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(f.maskedValue()).isEqualTo("5");
            assertThat(f.location().row()).isEqualTo(1L);
            assertThat(f.location().column()).isEqualTo("hommes");
            assertThat(f.messageEn()).contains("total row 1 (45)").contains("femmes row 1");
        });
        // two suppressed cells in a row and a column: the second comes back once the first is known
        FileCheckResult chained = checks.one("t.csv", "région;hommes;femmes;total\nNord;*;<11;45\nSud;30;25;55\n"
                + "Total;35;65;100\n");
        assertThat(Checks.of(chained, SecondaryDisclosureRule.ID)).hasSize(2);
        // without margins nothing can be recomputed
        Checks.assertNoFindings(checks.one("t.csv", "région;hommes;femmes\nNord;*;40\nSud;30;25\n"),
                SecondaryDisclosureRule.ID);
    }

    @Test
    void raggedRowsAreReviewWithTheirLines() {
        FileCheckResult result = checks.one("t.csv", "a,n\nx,20\ny,30,extra\nz\n");
        assertThat(Checks.of(result, RaggedRowsRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(CheckStatus.REVIEW);
            assertThat(f.messageEn()).contains("lines 3, 4");
        });
    }

    @Test
    void recordLevelDataFail() {
        FileCheckResult sndsKey = checks.one("t.csv", "BEN_NIR_PSA;age\nabc;40\n");
        assertThat(Checks.of(sndsKey, RecordLevelRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(CheckStatus.FAIL));
        StringBuilder hashes = new StringBuilder("patient,groupe\n");
        for (int i = 0; i < 40; i++) {
            hashes.append(String.format("%016x", 0x5bd1e995L * (i + 7))).append(i % 2 == 0 ? "a1" : "b2")
                    .append(",A\n");
        }
        assertThat(Checks.of(checks.one("t.csv", hashes.toString()), RecordLevelRule.ID)).hasSize(1);
    }

    @Test
    void formulasAndCsvInjectionAreReview() {
        FileCheckResult result = checks.one("t.csv", "libellé,n\n=HYPERLINK(\"http://x\"),20\n@SUM(A1),30\n-12,40\n"
                + "+cmd|' /C calc'!A0,50\n");
        assertThat(Checks.of(result, FormulaRule.ID)).hasSize(3).allSatisfy(f ->
                assertThat(f.status()).isEqualTo(CheckStatus.REVIEW));
    }

    @Test
    void fullBirthDatesFailButYearsPass() {
        FileCheckResult result = checks.one("t.csv", "BEN_NAI_ANN;date_deces;n\n1954;2021-03-04;40\n1960;;30\n");
        assertThat(Checks.of(result, BirthDateRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.maskedValue()).isEqualTo("202…"));
        FileCheckResult dob = checks.one("t.csv", "ddn,groupe\n12/05/1954,A\n");
        assertThat(Checks.of(dob, BirthDateRule.ID)).hasSize(1);
    }

    @Test
    void quasiIdentifiersAreReview() {
        FileCheckResult result = checks.one("t.csv", "code_commune;age;n\n75056;92;40\n13055;45;30\n");
        assertThat(Checks.of(result, QuasiIdentifierRule.ID)).hasSize(2)
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(CheckStatus.REVIEW));
    }

    @Test
    void numbersNoHeaderExplainsAreReview() {
        FileCheckResult result = checks.one("t.csv", "groupe,x1\nA,12.5\nB,-3.2\n");
        assertThat(Checks.of(result, UnclassifiedNumbersRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("x1"));
    }

    @Test
    void aMarkdownTableIsCheckedLikeAnyTable() {
        FileCheckResult result = checks.one("report.md", "# Résultats\n\n| région | effectif |\n|---|---|\n"
                + "| Nord | 6 |\n| Sud | 60 |\n");
        assertThat(result.detectedType()).isEqualTo("markdown");
        assertThat(Checks.of(result, SmallCountRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(5L));
    }

    @Test
    void aModelWithTooFewResidualDegreesOfFreedomFails() {
        String r = "Call:\nlm(formula = y ~ x)\n\nResidual standard error: 1.2 on 8 degrees of freedom\n"
                + "Multiple R-squared:  0.5,\tAdjusted R-squared:  0.43\nF-statistic: 7.9 on 1 and 8 DF\n";
        FileCheckResult result = checks.one("model.txt", r);
        assertThat(Checks.of(result, "model.degrees-of-freedom")).hasSize(2);
        String glm = "    Null deviance: 40.1  on 29  degrees of freedom\nResidual deviance: 12.3  on 27  degrees of "
                + "freedom\n";
        Checks.assertNoFindings(checks.one("glm.txt", glm), "model.degrees-of-freedom");
        String statsmodels = "Dep. Variable: y   R-squared: 0.9\nNo. Observations:  12\nDf Residuals:      9\n";
        assertThat(Checks.of(checks.one("ols.txt", statsmodels), "model.degrees-of-freedom")).singleElement()
                .satisfies(f -> assertThat(f.maskedValue()).isEqualTo("9"));
    }
}
