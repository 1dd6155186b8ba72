package eu.enclave.orchestrator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The NFS server and path rules on their own, where a typo could reach the wrong data. */
class DatasetRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"nfs.chu.internal", "NFS-1.example.org", "filer", "10.0.0.5", "2001:db8::5", "::1"})
    void serversAcceptedAsHostNamesOrAddresses(String server) {
        assertThat(DatasetRules.isHost(server)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nfs..internal", "-nfs.internal", "nfs.internal.", "10.0.0.300", "10.0.0", "nfs server",
            "2001:db8::g", "nfs_1.internal", "[2001:db8::5]", "1:2:3"})
    void serversRefused(String server) {
        assertThat(DatasetRules.isHost(server)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/exports", "/exports/cohort/", "/data/cohort-2026_v2", "/vol@1/a=b,c:d"})
    void pathsAccepted(String path) {
        assertThat(DatasetRules.pathProblem(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exports", "/exports//cohort", "/exports/../etc", "/./exports", "/exports/.", "/a b",
            "/a\nb", "/é", " "})
    void pathsRefused(String path) {
        assertThat(DatasetRules.pathProblem(path)).isNotNull();
    }
}
