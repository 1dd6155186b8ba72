package eu.enclave.orchestrator.cluster.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.orchestrator.cluster.Mirror;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure rules behind PUT .../quota and .../mirrors, table by table. */
class SettingsRulesTest {

    @ParameterizedTest
    @CsvSource({"16, 16", "0.5, 0.5", "500m, 0.5", "1k, 1000", "64Gi, 68719476736", "1Pi, 1125899906842624",
            "2M, 2000000", "1.5Ki, 1536"})
    void readsQuantities(String text, String value) {
        assertThat(Quantities.parse(text, true)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "-1", "+1", "1e3", "1E3", ".5", "5.", "1gi", "1KI", "1Ki ", "1b", "0x10",
            "1,5", "1mi", "Gi", "１", "99999999999999999999999999999999999"})
    void refusesWhatIsNotAQuantity(String text) {
        assertThat(Quantities.parse(text, true)).isEmpty();
    }

    @Test
    void millicoresOnlyWhereAllowed() {
        assertThat(Quantities.parse("500m", false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.5, 10.0.0.5/32", "10.0.0.0/8, 10.0.0.0/8", "192.168.4.0/24, 192.168.4.0/24",
            "2001:db8::1, 2001:db8::1/128", "2001:DB8:0:0:0:0:0:0/32, 2001:db8::/32",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1/128", "fd00:0:0:1::/64, fd00:0:0:1::/64"})
    void normalisesAddressBlocks(String text, String canonical) {
        assertThat(Cidrs.parse(text)).isEqualTo(new Cidrs.Valid(canonical));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0/0|wider than /8", "::/0|wider than /32", "10.0.0.0/7|wider than /8", "2001::/16|wider than /32",
            "127.0.0.1|loopback", "127.5.0.0/16|loopback", "::1|loopback", "169.254.169.254|link-local",
            "169.0.0.0/8|link-local", "fe80::1|link-local", "0.0.0.0|unspecified", "::|unspecified",
            "224.0.0.1|multicast", "ff02::1|multicast", "10.0.0.5/24|did you mean 10.0.0.0/24",
            "10.0.0.256|not an IPv4", "010.0.0.1|not an IPv4", "10.0.0|not an IPv4", "cran.example.org|not an IPv4",
            "localhost|not an IPv4", "10.0.0.1/33|above /32", "10.0.0.1/08|invalid prefix", "10.0.0.1/|invalid prefix",
            "10.0.0.1/-1|invalid prefix", "::ffff:10.0.0.1|not an IPv4", "fe80::1%eth0|not an IPv4",
            "1:2:3|not an IPv4", "[::1]|not an IPv4", "' 10.0.0.1'|not an IPv4"})
    void refusesBlocksThatAreNotAMirror(String text, String reason) {
        assertThat(Cidrs.parse(text)).isInstanceOfSatisfying(Cidrs.Invalid.class,
                invalid -> assertThat(invalid.reason()).contains(reason));
    }

    @Test
    void acceptsAQuotaAsGiven() {
        assertThat(SettingsRules.quota(new QuotaInput("500m", "1.5Gi", 0, 1, 1, "1Pi")))
                .isEqualTo(new ProjectQuota("500m", "1.5Gi", 0, 1, 1, "1Pi"));
        assertThat(SettingsRules.quota(new QuotaInput("1024", "16Ti", 64, 1000, 1000, "1024Ti"))).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null|32Gi|0|10|20|500Gi|cpu", "0|32Gi|0|10|20|500Gi|cpu", "0.0001|32Gi|0|10|20|500Gi|cpu",
            "1025|32Gi|0|10|20|500Gi|cpu", "lots|32Gi|0|10|20|500Gi|cpu", "8|32Gi|0|10|20|500Gi|",
            "8|16.1Ti|0|10|20|500Gi|memory", "8|500m|0|10|20|500Gi|memory", "8|0Gi|0|10|20|500Gi|memory",
            "8|32Gi|-1|10|20|500Gi|gpus", "8|32Gi|65|10|20|500Gi|gpus", "8|32Gi|null|10|20|500Gi|gpus",
            "8|32Gi|0|0|20|500Gi|pods", "8|32Gi|0|1001|20|500Gi|pods", "8|32Gi|0|10|0|500Gi|pvcs",
            "8|32Gi|0|10|1001|500Gi|pvcs", "8|32Gi|0|10|20|1.1Pi|storage", "8|32Gi|0|10|20|null|storage"})
    void refusesAQuotaNamingTheField(String cpu, String memory, Integer gpus, Integer pods, Integer pvcs,
                                     String storage, String field) {
        QuotaInput in = new QuotaInput(cpu, memory, gpus, pods, pvcs, storage);
        if (field == null) {
            assertThat(SettingsRules.quota(in)).isNotNull();
            return;
        }
        assertThat(fields(() -> SettingsRules.quota(in))).containsExactly(field);
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        assertThat(fields(() -> SettingsRules.quota(new QuotaInput(null, "x", 99, 0, 0, "2Pi"))))
                .containsExactly("cpu", "memory", "storage", "gpus", "pods", "pvcs");
    }

    @Test
    void acceptsMirrorsInOrderWithCanonicalAddresses() {
        assertThat(SettingsRules.mirrors(new MirrorsInput(List.of(
                new MirrorInput("cran", "10.20.0.5", 443, "CRAN.mirror.internal"),
                new MirrorInput("pypi", "2001:db8::/64", 3128, null),
                new MirrorInput("conda", "10.30.0.0/16", 80, "")))))
                .containsExactly(new Mirror("cran", "10.20.0.5/32", 443, "cran.mirror.internal"),
                        new Mirror("pypi", "2001:db8::/64", 3128, null),
                        new Mirror("conda", "10.30.0.0/16", 80, null));
        assertThat(SettingsRules.mirrors(new MirrorsInput(List.of()))).isEmpty();
    }

    @Test
    void refusesBadMirrorsNamingEachField() {
        List<MirrorInput> mirrors = new ArrayList<>(List.of(
                new MirrorInput("cran", "10.0.0.1", 443, null),
                new MirrorInput("Bad_Name", "0.0.0.0/0", 0, "-bad-.example"),
                new MirrorInput("cran", "10.0.0.2", 65536, "10.0.0.2"),
                new MirrorInput("x".repeat(64), null, null, "a..b"),
                new MirrorInput(null, "10.0.0.3", 443, "ok.example.org" + ".x".repeat(120))));
        mirrors.add(null);
        assertThat(fields(() -> SettingsRules.mirrors(new MirrorsInput(mirrors)))).containsExactly(
                "mirrors[1].name", "mirrors[1].cidr", "mirrors[1].port", "mirrors[1].hostname",
                "mirrors[2].name", "mirrors[2].port", "mirrors[2].hostname",
                "mirrors[3].name", "mirrors[3].cidr", "mirrors[3].port", "mirrors[3].hostname",
                "mirrors[4].name", "mirrors[4].hostname", "mirrors[5]");
    }

    @Test
    void refusesAMissingOrTooLongList() {
        assertThat(fields(() -> SettingsRules.mirrors(new MirrorsInput(null)))).containsExactly("mirrors");
        List<MirrorInput> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(new MirrorInput("m" + i, "10.0.0." + (i + 1), 443, null));
        }
        assertThat(fields(() -> SettingsRules.mirrors(new MirrorsInput(many)))).containsExactly("mirrors");
        assertThat(SettingsRules.mirrors(new MirrorsInput(many.subList(0, 20)))).hasSize(20);
    }

    @Test
    void capsAreWhatTheDocsSay() {
        assertThat(SettingsRules.MAX_MEMORY).isEqualByComparingTo(Quantities.parse("16Ti", false).orElseThrow());
        assertThat(SettingsRules.MAX_STORAGE).isEqualByComparingTo(Quantities.parse("1Pi", false).orElseThrow());
        assertThat(SettingsRules.MAX_CPU).isEqualByComparingTo(BigDecimal.valueOf(1024));
    }

    private static List<String> fields(Runnable call) {
        List<String> named = new ArrayList<>();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            e.errors().stream().map(FieldProblem::field).forEach(named::add);
        });
        return named;
    }
}
