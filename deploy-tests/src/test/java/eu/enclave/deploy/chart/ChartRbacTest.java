package eu.enclave.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.enclave.deploy.Repository;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The orchestrator's RBAC in the chart is exactly the rules file that ClusterPermissionsDocTest (orchestrator)
 * generates from the code's table {@code cluster/ClusterPermissions}: the ClusterRole its cluster rules, the Role in
 * the release namespace its Lease rules, both bound to the orchestrator's service account only, and nothing else.
 */
class ChartRbacTest {

    private static final Manifests MANIFESTS = EnclaveChart.production();
    private static final String ORCHESTRATOR = "enclave-orchestrator";

    @Test
    void theClusterRoleIsTheTablesClusterRules() throws IOException {
        assertThat(MANIFESTS.all(ClusterRole.class)).singleElement().satisfies(role -> {
            assertThat(role.getMetadata().getName()).isEqualTo(ORCHESTRATOR);
            assertThat(role.getRules()).isEqualTo(table("clusterRules"));
            assertThat(role.getAggregationRule()).isNull();
        });
    }

    @Test
    void theRoleInTheReleaseNamespaceIsTheTablesLeaseRules() throws IOException {
        assertThat(MANIFESTS.all(Role.class)).singleElement().satisfies(role -> {
            assertThat(role.getMetadata().getName()).isEqualTo(ORCHESTRATOR);
            // the release namespace, where the orchestrator runs and its Lease is
            assertThat(role.getMetadata().getNamespace()).isEqualTo(EnclaveChart.NAMESPACE);
            assertThat(role.getRules()).isEqualTo(table("platformNamespaceRules"));
        });
    }

    @Test
    void onlyTheOrchestratorsServiceAccountIsBound() {
        Subject orchestrator = new io.fabric8.kubernetes.api.model.rbac.SubjectBuilder().withKind("ServiceAccount")
                .withName(ORCHESTRATOR).withNamespace(EnclaveChart.NAMESPACE).build();
        assertThat(MANIFESTS.all(ClusterRoleBinding.class)).singleElement().satisfies(binding -> {
            assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
            assertThat(binding.getRoleRef().getName()).isEqualTo(ORCHESTRATOR);
            assertThat(binding.getSubjects()).containsExactly(orchestrator);
        });
        assertThat(MANIFESTS.all(RoleBinding.class)).singleElement().satisfies(binding -> {
            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(binding.getRoleRef().getName()).isEqualTo(ORCHESTRATOR);
            assertThat(binding.getSubjects()).containsExactly(orchestrator);
        });
        assertThat(MANIFESTS.pods().get("enclave-orchestrator").getServiceAccountName()).isEqualTo(ORCHESTRATOR);
    }

    @Test
    void nothingWildcardedNothingThatEscalates() {
        List<PolicyRule> rules = new java.util.ArrayList<>(MANIFESTS.one(ClusterRole.class, ORCHESTRATOR).getRules());
        rules.addAll(MANIFESTS.one(Role.class, ORCHESTRATOR).getRules());
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*", "escalate", "bind", "impersonate");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getApiGroups()).doesNotContain("*", "rbac.authorization.k8s.io");
            assertThat(rule.getResourceNames()).isEmpty();
            assertThat(rule.getNonResourceURLs()).isEmpty();
        });
        assertThat(rules).noneMatch(r -> r.getResources().contains("secrets")
                && (r.getVerbs().contains("list") || r.getVerbs().contains("watch")));
    }

    private static List<PolicyRule> table(String scope) throws IOException {
        String text = Files.readString(Repository.path("helm/enclave/files/orchestrator-rbac.yaml"));
        Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return new ObjectMapper().convertValue(file.get(scope), new TypeReference<List<PolicyRule>>() {
        });
    }
}
