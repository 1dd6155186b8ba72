package eu.enclave.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisclosurePolicyTest {

    private static final DisclosurePolicy DEFAULT = DisclosurePolicy.DEFAULT;

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(DEFAULT.minimumCount()).isEqualTo(11);
        assertThat(DEFAULT.zeros()).isEqualTo(ZeroRule.REVIEW);
        assertThat(DEFAULT.nkN()).isEqualTo(2);
        assertThat(DEFAULT.nkK()).isEqualTo(90);
        assertThat(DEFAULT.pPercent()).isEqualTo(10);
        assertThat(DEFAULT.minimumDegreesOfFreedom()).isEqualTo(10);
        assertThat(DEFAULT.allowedTypes()).isEqualTo(FileType.UNDERSTOOD);
        assertThat(DEFAULT.validate()).isEmpty();
    }

    @Test
    void theCanonicalTextIsPinned() {
        DisclosurePolicy policy = new DisclosurePolicy(11, ZeroRule.REVIEW, 2, 90, 10, 10,
                EnumSet.of(FileType.PDF, FileType.CSV), false,
                List.of(new IdentifierPattern("study-id", "STU-[0-9]{6}"), new IdentifierPattern("ipp", "IPP\"\\d+")));
        assertThat(policy.canonicalJson()).isEqualTo("{\"allowedTypes\":[\"csv\",\"pdf\"],\"format\":1,"
                + "\"identifierPatterns\":[{\"name\":\"ipp\",\"pattern\":\"IPP\\\"\\\\d+\"},"
                + "{\"name\":\"study-id\",\"pattern\":\"STU-[0-9]{6}\"}],\"minimumCount\":11,"
                + "\"minimumDegreesOfFreedom\":10,\"nk\":{\"k\":90,\"n\":2},\"pPercent\":10,\"plotsMayPass\":false,"
                + "\"zeros\":\"review\"}");
        assertThat(policy.hash()).startsWith("sha256:").hasSize(71).isEqualTo(DisclosurePolicy.hashOf(policy.canonicalJson()));
    }

    @Test
    void equalPoliciesHaveOneTextWhateverTheOrderTheyWereGivenIn() {
        var a = new DisclosurePolicy(11, ZeroRule.FAIL, 2, 90, 10, 10, EnumSet.of(FileType.CSV, FileType.PDF), false,
                List.of(new IdentifierPattern("b", "B+"), new IdentifierPattern("a", "A+")));
        var b = new DisclosurePolicy(11, ZeroRule.FAIL, 2, 90, 10, 10, EnumSet.of(FileType.PDF, FileType.CSV), false,
                List.of(new IdentifierPattern("a", "A+"), new IdentifierPattern("b", "B+")));
        assertThat(a).isEqualTo(b);
        assertThat(a.hash()).isEqualTo(b.hash());
        assertThat(a.hash()).isNotEqualTo(DEFAULT.hash());
    }

    @Test
    void theStrictestOfTwoTakesTheStricterSideOfEveryField() {
        var other = new DisclosurePolicy(20, ZeroRule.FAIL, 3, 85, 5, 30, EnumSet.of(FileType.CSV, FileType.ZIP),
                true, List.of(new IdentifierPattern("study-id", "STU-[0-9]{6}")));
        DisclosurePolicy both = DEFAULT.strictest(other);
        assertThat(both).isEqualTo(new DisclosurePolicy(20, ZeroRule.FAIL, 3, 85, 10, 30,
                EnumSet.of(FileType.CSV, FileType.ZIP), false, List.of(new IdentifierPattern("study-id", "STU-[0-9]{6}"))));
        assertThat(both.loosenings(DEFAULT)).isEmpty();
        assertThat(both.loosenings(other)).isEmpty();
        assertThat(DEFAULT.strictest(DEFAULT)).isEqualTo(DEFAULT);
    }

    @Test
    void anOverrideThatLoosensIsNamedFieldByField() {
        var looser = new DisclosurePolicy(5, ZeroRule.PASS, 1, 95, 5, 3, EnumSet.of(FileType.CSV), true, List.of());
        var floor = new DisclosurePolicy(11, ZeroRule.REVIEW, 2, 90, 10, 10, EnumSet.of(FileType.PDF), false,
                List.of(new IdentifierPattern("ipp", "IPP[0-9]+")));
        assertThat(looser.loosenings(floor)).extracting(PolicyError::field).containsExactly("minimumCount", "zeros",
                "nk.n", "nk.k", "pPercent", "minimumDegreesOfFreedom", "allowedTypes", "plotsMayPass",
                "identifierPatterns");
    }

    @Test
    void validationNamesEveryBadField() {
        var bad = new DisclosurePolicy(0, ZeroRule.REVIEW, 0, 101, -1, -1, Set.of(), false,
                List.of(new IdentifierPattern("Bad Name", "a(b"), new IdentifierPattern("empty", "x*")));
        assertThat(bad.validate()).extracting(PolicyError::field).containsExactly("minimumCount", "nk.n", "nk.k",
                "pPercent", "minimumDegreesOfFreedom", "allowedTypes", "identifierPatterns[0].name",
                "identifierPatterns[0].pattern", "identifierPatterns[1].pattern");
    }

    @Test
    void aPatternRe2jRefusesIsNamedWithItsReason() {
        // backreferences would need backtracking: RE2/J refuses them, so no pattern can run away on a large file
        assertThat(DisclosurePolicy.patternErrors("p", new IdentifierPattern("twice", "(a)\\1")))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("p.pattern");
                    assertThat(e.reason()).startsWith("is not a valid RE2/J expression");
                });
        assertThat(DisclosurePolicy.patternErrors("p", new IdentifierPattern("nir-like", "[12][0-9]{12}"))).isEmpty();
    }

    @Test
    void theCanonicalTextReadsBackToTheSamePolicy() {
        var policy = new DisclosurePolicy(15, ZeroRule.FAIL, 3, 80, 20, 25, EnumSet.of(FileType.XLSX), true,
                List.of(new IdentifierPattern("ipp", "IPP\"\\d+\u00e9\n")));
        assertThat(PolicyText.parse(policy.canonicalJson(), policy.hash())).isEqualTo(policy);
    }

    @Test
    void aTextWhoseHashDiffersIsRefused() {
        assertThatThrownBy(() -> PolicyText.parse(DEFAULT.canonicalJson(), "sha256:" + "0".repeat(64)))
                .isInstanceOf(InvalidPolicy.class).hasMessageContaining("policyHash");
    }

    @Test
    void aTextNotInCanonicalFormIsRefusedEvenWithItsOwnHash() {
        String spaced = DEFAULT.canonicalJson().replace(",", ", ");
        assertThatThrownBy(() -> PolicyText.parse(spaced, DisclosurePolicy.hashOf(spaced)))
                .isInstanceOf(InvalidPolicy.class).hasMessageContaining("canonical");
    }

    @Test
    void wrongTypesAndUnknownValuesAreAllNamed() {
        String text = "{\"allowedTypes\":[\"csv\",\"exe\"],\"format\":1,\"identifierPatterns\":[{\"name\":1}],"
                + "\"minimumCount\":\"11\",\"minimumDegreesOfFreedom\":10,\"nk\":{\"k\":90},\"pPercent\":10,"
                + "\"plotsMayPass\":\"no\",\"zeros\":\"maybe\"}";
        assertThatThrownBy(() -> PolicyText.parse(text)).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.errors()).extracting(PolicyError::field).contains("allowedTypes",
                        "identifierPatterns[0]", "minimumCount", "nk.n", "plotsMayPass", "zeros"));
        assertThatThrownBy(() -> PolicyText.parse("{\"format\":2}")).isInstanceOf(InvalidPolicy.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> PolicyText.parse("not json")).isInstanceOf(InvalidPolicy.class);
    }
}
