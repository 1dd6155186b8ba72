package eu.enclave.orchestrator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "enclave-demo, enclave-demo",
        "enclave-cohort-2026, enclave-cohort-2026",
        "Enclave-Demo, enclave-demo-",
        "enclave_demo, enclave-demo-",
        "-lead, lead-",
        "'', x-",
        "---, x-",
    })
    void makesValidLabelsAndMarksAlteredOnesWithAHash(String input, String expectedStart) {
        String name = ClusterNames.safeLabel(input);
        assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
        if (expectedStart.endsWith("-")) {
            assertThat(name).startsWith(expectedStart).matches(".*-[0-9a-f]{8}");
        } else {
            assertThat(name).isEqualTo(expectedStart);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 100})
    void shortensLongNamesKeepingThemDistinct(int length) {
        String a = "a".repeat(length);
        String b = "a".repeat(length - 1) + "b";
        assertThat(ClusterNames.safeLabel(a)).hasSizeLessThanOrEqualTo(63);
        assertThat(ClusterNames.safeLabel(a)).isNotEqualTo(ClusterNames.safeLabel(b));
    }

    @ParameterizedTest
    @CsvSource({"Demo, Demo", "a.b_c, a.b_c"})
    void keepsValidLabelValues(String value, String expected) {
        assertThat(ClusterNames.safeLabelValue(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-x", "x-", "a b"})
    void repairsInvalidLabelValues(String value) {
        assertThat(ClusterNames.safeLabelValue(value)).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @org.junit.jupiter.api.Test
    void projectNamespacesAreThePrefixAndTheSlug() {
        assertThat(ClusterNames.namespace("enclave-", "demo")).isEqualTo("enclave-demo");
        assertThat(ClusterNames.namespace("enclave-", "a".repeat(40))).isEqualTo("enclave-" + "a".repeat(40));
    }
}
