package eu.enclave.orchestrator.cluster.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.orchestrator.cluster.ClusterPermissions;
import eu.enclave.orchestrator.cluster.ClusterPermissions.Permission;
import eu.enclave.orchestrator.cluster.ClusterPermissions.Scope;
import eu.enclave.platform.testing.GeneratedText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RBAC list of {@code docs/cluster.md} and the rules of the Helm chart are what {@link ClusterPermissions}
 * generates (the chart's rendered ClusterRole and Role are checked against the rules file by the deploy tests).
 */
class ClusterPermissionsDocTest {

    @Test
    void the_cluster_page_lists_exactly_the_table() throws Exception {
        GeneratedText.assertBlock("docs/cluster.md", "<!-- generated from ClusterPermissions: begin -->",
                "<!-- generated from ClusterPermissions: end -->", ClusterPermissionsDocs.clusterPage(), getClass(), "orchestrator");
    }

    @Test
    void the_chart_grants_exactly_the_table() throws Exception {
        GeneratedText.assertFile("helm/enclave/files/orchestrator-rbac.yaml", ClusterPermissionsDocs.chartRules(),
                getClass(), "orchestrator");
    }

    @Test
    void each_resource_has_one_row_with_a_reason() {
        assertThat(ClusterPermissions.ALL).extracting(p -> p.apiGroup() + "/" + p.resource()).doesNotHaveDuplicates();
        assertThat(ClusterPermissions.ALL).allSatisfy(p -> {
            assertThat(p.verbs()).isNotEmpty();
            assertThat(p.why()).isNotBlank();
        });
    }

    @Test
    void nothing_that_would_let_the_orchestrator_escalate() {
        assertThat(ClusterPermissions.ALL).extracting(Permission::apiGroup).doesNotContain("rbac.authorization.k8s.io");
        assertThat(ClusterPermissions.ALL).flatExtracting(Permission::verbs)
                .doesNotContain("escalate", "bind", "impersonate", "*");
        // Secrets are named, never listed or watched: a list would read every Secret of the cluster.
        assertThat(ClusterPermissions.allows(Scope.CLUSTER, "", "secrets", "list")).isFalse();
        assertThat(ClusterPermissions.allows(Scope.CLUSTER, "", "secrets", "watch")).isFalse();
        // Leases only where the orchestrator runs.
        assertThat(ClusterPermissions.in(Scope.PLATFORM_NAMESPACE)).extracting(Permission::resource)
                .containsExactly("leases");
    }

    @Test
    void verbs_are_kept_in_one_order_and_unknown_ones_refused() {
        Permission p = new Permission("Pod", "", "pods", Scope.CLUSTER, List.of("watch", "get"), "x");
        assertThat(p.verbs()).containsExactly("get", "watch");
        assertThatThrownBy(() -> new Permission("Pod", "", "pods", Scope.CLUSTER, List.of("read"), "x"))
                .hasMessageContaining("unknown verb read");
    }
}
