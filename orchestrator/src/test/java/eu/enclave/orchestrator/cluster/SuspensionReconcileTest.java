package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Suspending a project through the service: its workspaces go to zero at once, audited, and stay there. */
@OrchestratorApiTest
class SuspensionReconcileTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired ProjectService projects;
    @Autowired KubernetesClient client;
    @Autowired ClusterSettings settings;

    @Test
    void suspendingScalesWorkspacesToZeroKeepsTheHomeAndReactivatingLeavesThemStopped() throws Exception {
        Project project = fixtures.activeProject("sus");
        String namespace = ClusterNames.namespace(settings.namespacePrefix(), project.slug());
        Map<String, String> labels = new TreeMap<>(ClusterNames.ownedBy(project.id(), project.slug()));
        labels.put(ClusterNames.COMPONENT, ClusterNames.WORKSPACE_COMPONENT);
        client.resource(new StatefulSetBuilder().withNewMetadata().withName("ws-alice").withNamespace(namespace)
                .withLabels(labels).endMetadata().withNewSpec().withReplicas(1).withServiceName("ws-alice")
                .withNewSelector().withMatchLabels(Map.of("app", "ws-alice")).endSelector().withNewTemplate()
                .withNewMetadata().withLabels(Map.of("app", "ws-alice")).endMetadata().withNewSpec()
                .addNewContainer().withName("desktop").withImage("desktop:1").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        client.resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("home-alice")
                .withNamespace(namespace).withLabels(labels).endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("10Gi"))).endResources().endSpec()
                .build()).create();
        long head = fixtures.auditHead();

        projects.changeStatus(fixtures.user("admin"), project.slug(), ProjectStatus.SUSPENDED, "paused");

        assertThat(replicas(namespace)).isZero();
        assertThat(client.persistentVolumeClaims().inNamespace(namespace).withName("home-alice").get()).isNotNull();
        List<Audited> applied = fixtures.auditAfter(head).stream()
                .filter(a -> project.slug().equals(a.project()) && a.action().equals("cluster.applied")).toList();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).details()).contains("\"scaledToZero\":[\"StatefulSet " + namespace + "/ws-alice\"]");
        String status = mvc.perform(get("/api/v1/projects/{slug}/cluster", project.slug()).with(as("admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(status, "$.objects[?(@.name == 'ws-alice')].action"))
                .containsExactly("SCALED_TO_ZERO");

        projects.changeStatus(fixtures.user("admin"), project.slug(), ProjectStatus.ACTIVE, "resumed");

        assertThat(replicas(namespace)).as("workspaces are started by their owners").isZero();
    }

    private int replicas(String namespace) {
        return client.apps().statefulSets().inNamespace(namespace).withName("ws-alice").get().getSpec().getReplicas();
    }
}
