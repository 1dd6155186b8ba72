package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.cluster.status.ClusterReconcileService;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The reconcile service on the simulated cluster that the test context runs, end to end through the API. */
@OrchestratorApiTest
class ClusterReconcileTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired ProjectService projects;
    @Autowired ClusterReconcileService reconcile;
    @Autowired ClusterConnection connection;
    @Autowired KubernetesClient client;
    @Autowired ClusterSettings settings;

    @AfterEach
    void clearExpectations() {
        connection.simulator().clearExpectations();
    }

    @Test
    void activatingAProjectCreatesItsBundleAndTheStatusSaysReady() throws Exception {
        assertThat(connection.simulated()).isTrue();
        Project project = fixtures.activeProject("cl");
        String namespace = namespace(project);

        assertThat(client.namespaces().withName(namespace).get()).isNotNull();
        assertThat(client.network().v1().networkPolicies().inNamespace(namespace).list().getItems()).isNotEmpty();
        assertThat(client.resourceQuotas().inNamespace(namespace).list().getItems()).isNotEmpty();

        String body = status("researcher", project);
        assertThat(JsonPath.<String>read(body, "$.state")).isEqualTo("READY");
        assertThat(JsonPath.<String>read(body, "$.namespace")).isEqualTo(namespace);
        assertThat(JsonPath.<Boolean>read(body, "$.simulated")).isTrue();
        assertThat(JsonPath.<List<String>>read(body, "$.objects[*].action")).isNotEmpty().containsOnly("CREATED");
        assertThat(JsonPath.<List<String>>read(body, "$.objects[*].kind"))
                .contains("Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange");
        assertThat(JsonPath.<String>read(body, "$.reconciledAt")).isNotBlank();

        List<Audited> applied = fixtures.auditFor(project.slug()).stream()
                .filter(a -> a.action().equals("cluster.applied")).toList();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).actor()).isEqualTo(ProjectService.SYSTEM);
        assertThat(applied.get(0).details()).contains("Namespace " + namespace).contains("\"state\":\"READY\"");
    }

    @Test
    void aSteadyRunWritesNoAuditEntry() throws Exception {
        Project project = fixtures.activeProject("cl");
        long head = fixtures.auditHead();

        reconcile.reconcileAll();

        assertThat(fixtures.auditAfter(head)).filteredOn(a -> project.slug().equals(a.project())).isEmpty();
        String body = status("admin", project);
        assertThat(JsonPath.<String>read(body, "$.state")).isEqualTo("READY");
        assertThat(JsonPath.<List<String>>read(body, "$.objects[*].action")).containsOnly("UNCHANGED");
    }

    @Test
    void aHandDeletedNetworkPolicyComesBackOnTheNextPeriodicRun() throws Exception {
        Project project = fixtures.activeProject("cl");
        String namespace = namespace(project);
        NetworkPolicy victim = client.network().v1().networkPolicies().inNamespace(namespace).list().getItems().get(0);
        String name = victim.getMetadata().getName();
        client.network().v1().networkPolicies().inNamespace(namespace).withName(name).delete();
        assertThat(client.network().v1().networkPolicies().inNamespace(namespace).withName(name).get()).isNull();
        long head = fixtures.auditHead();

        reconcile.reconcileAll();

        assertThat(client.network().v1().networkPolicies().inNamespace(namespace).withName(name).get()).isNotNull();
        List<Audited> entries = fixtures.auditAfter(head).stream()
                .filter(a -> project.slug().equals(a.project())).toList();
        assertThat(entries).extracting(Audited::action).containsExactly("cluster.applied");
        assertThat(entries.get(0).details()).contains("NetworkPolicy " + namespace + "/" + name);
    }

    @Test
    void aProjectThatCannotBeAppliedFailsWithItsReasonWhileAnotherBecomesReady() throws Exception {
        Project refused = fixtures.draftProject("clf");
        Project fine = fixtures.draftProject("clok");
        // A non-transient error, so that the test does not wait through the retries of a 5xx.
        connection.simulator().expect().get().withPath("/api/v1/namespaces/" + namespace(refused))
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                        .withMessage("namespaces is forbidden for this test").build())
                .always();

        activate(refused);
        activate(fine);

        String failed = status("pi", refused);
        assertThat(JsonPath.<String>read(failed, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(failed, "$.reason")).contains("Namespace " + namespace(refused))
                .contains("403");
        assertThat(JsonPath.<String>read(status("pi", fine), "$.state")).isEqualTo("READY");
        List<Audited> failures = fixtures.auditFor(refused.slug()).stream()
                .filter(a -> a.action().equals("cluster.reconcile_failed")).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).details()).contains("403");

        long head = fixtures.auditHead();
        reconcile.reconcileAll();
        assertThat(fixtures.auditAfter(head)).as("still failing the same way: nothing new to record")
                .filteredOn(a -> refused.slug().equals(a.project())).isEmpty();

        connection.simulator().clearExpectations();
        reconcile.reconcileAll();
        assertThat(JsonPath.<String>read(status("pi", refused), "$.state")).isEqualTo("READY");
        assertThat(fixtures.auditAfter(head)).filteredOn(a -> refused.slug().equals(a.project()))
                .extracting(Audited::action).containsExactly("cluster.applied");
    }

    @Test
    void changedMirrorsAreAppliedAtOnceAndRemovedOnesPruned() throws Exception {
        Project project = fixtures.activeProject("clm");
        String namespace = namespace(project);
        var policies = client.network().v1().networkPolicies().inNamespace(namespace);
        assertThat(policies.withName("allow-workspaces-to-mirrors").get()).isNull();

        putMirrors(project, "{\"mirrors\": [{\"name\": \"cran\", \"cidr\": \"10.40.0.10/32\", \"port\": 443,"
                + " \"hostname\": \"cran.mirror.internal\"}]}");
        assertThat(policies.withName("allow-workspaces-to-mirrors").get().getSpec().getEgress())
                .singleElement().satisfies(rule -> assertThat(rule.getTo().get(0).getIpBlock().getCidr())
                        .isEqualTo("10.40.0.10/32"));
        assertThat(policies.withName("allow-workspaces-to-dns").get()).as("a mirror used by name").isNotNull();

        putMirrors(project, "{\"mirrors\": []}");
        assertThat(policies.withName("allow-workspaces-to-mirrors").get()).isNull();
        assertThat(policies.withName("allow-workspaces-to-dns").get()).isNull();
    }

    @Test
    void aDraftHasNoNamespaceAndNoStatus() throws Exception {
        Project draft = fixtures.draftProject("cld");

        String body = status("steward", draft);

        assertThat(JsonPath.<Boolean>read(body, "$.onCluster")).isFalse();
        assertThat(JsonPath.<Object>read(body, "$.state")).isNull();
        assertThat(client.namespaces().withName(namespace(draft)).get()).isNull();
    }

    private void putMirrors(Project project, String json) throws Exception {
        var response = mvc.perform(put("/api/v1/projects/{slug}/mirrors", project.slug()).with(as("admin"))
                .contentType("application/json").content(json)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }

    private void activate(Project project) {
        projects.changeStatus(fixtures.user("admin"), project.slug(), ProjectStatus.ACTIVE, "test");
    }

    private String namespace(Project project) {
        return ClusterNames.namespace(settings.namespacePrefix(), project.slug());
    }

    private String status(String username, Project project) throws Exception {
        var response = mvc.perform(get("/api/v1/projects/{slug}/cluster", project.slug()).with(as(username)))
                .andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(200);
        return body;
    }
}
