package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.cluster.ClusterFixtures.NAMESPACE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SAMPLE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.reconciler;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.ReconcileOutcome.State;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A suspended project's workspaces are scaled to zero by the reconcile, and nothing else is touched. */
@EnableKubernetesMockClient(crud = true)
class SuspendedWorkspacesTest {

    KubernetesClient client;

    @Test
    void suspensionScalesTheProjectsWorkspacesToZeroAndKeepsTheirVolumes() {
        reconciler(client).reconcile(SAMPLE);
        create(statefulSet("ws-alice", workspaceLabels(SAMPLE.projectId()), 1));
        create(deployment("ws-tools", workspaceLabels(SAMPLE.projectId()), 2));
        create(statefulSet("not-a-workspace", ClusterNames.ownedBy(SAMPLE.projectId(), SAMPLE.slug()), 1));
        create(statefulSet("someone-elses", Map.of(ClusterNames.COMPONENT, ClusterNames.WORKSPACE_COMPONENT), 1));
        create(statefulSet("other-project", workspaceLabels(UUID.randomUUID()), 1));
        create(new PersistentVolumeClaimBuilder().withNewMetadata().withName("home-alice").withNamespace(NAMESPACE)
                .withLabels(workspaceLabels(SAMPLE.projectId())).endMetadata().withNewSpec()
                .withAccessModes("ReadWriteOnce").withNewResources()
                .withRequests(Map.of("storage", new Quantity("10Gi"))).endResources().endSpec().build());

        ReconcileOutcome suspended = reconciler(client).reconcile(SAMPLE, Workspaces.HELD_AT_ZERO);

        assertThat(suspended.state()).isEqualTo(State.READY);
        assertThat(suspended.scaledToZero()).containsExactlyInAnyOrder(
                new ObjectRef("StatefulSet", NAMESPACE, "ws-alice"), new ObjectRef("Deployment", NAMESPACE, "ws-tools"));
        assertThat(replicas("ws-alice")).isZero();
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("ws-tools").get().getSpec()
                .getReplicas()).isZero();
        assertThat(replicas("not-a-workspace")).isEqualTo(1);
        assertThat(replicas("someone-elses")).isEqualTo(1);
        assertThat(replicas("other-project")).isEqualTo(1);
        assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("home-alice").get()).isNotNull();
        assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("project-share").get()).isNotNull();

        assertThat(reconciler(client).reconcile(SAMPLE, Workspaces.HELD_AT_ZERO).scaledToZero())
                .as("already at zero: nothing to do").isEmpty();
    }

    @Test
    void reactivationDoesNotStartWorkspacesAgain() {
        reconciler(client).reconcile(SAMPLE);
        create(statefulSet("ws-alice", workspaceLabels(SAMPLE.projectId()), 1));
        reconciler(client).reconcile(SAMPLE, Workspaces.HELD_AT_ZERO);

        ReconcileOutcome active = reconciler(client).reconcile(SAMPLE, Workspaces.MAY_RUN);

        assertThat(active.scaledToZero()).isEmpty();
        assertThat(replicas("ws-alice")).as("workspaces are started by their owners").isZero();
    }

    @Test
    void anActiveProjectsWorkspacesAreLeftRunning() {
        reconciler(client).reconcile(SAMPLE);
        create(statefulSet("ws-alice", workspaceLabels(SAMPLE.projectId()), 1));

        assertThat(reconciler(client).reconcile(SAMPLE).scaledToZero()).isEmpty();
        assertThat(replicas("ws-alice")).isEqualTo(1);
    }

    @Test
    void unsetReplicasCountAsOneAndOnlyOwnedWorkspacesAreChosen() {
        UUID project = UUID.randomUUID();
        List<HasMetadata> live = List.of(statefulSet("unset", workspaceLabels(project), null),
                statefulSet("stopped", workspaceLabels(project), 0),
                statefulSet("foreign", workspaceLabels(UUID.randomUUID()), 1));

        assertThat(SuspendedWorkspaces.toScaleDown(live, project)).extracting(o -> o.getMetadata().getName())
                .containsExactly("unset");
        assertThat(SuspendedWorkspaces.scaledToZero(live.get(1))).isEmpty();
        assertThat(((StatefulSet) SuspendedWorkspaces.scaledToZero(live.get(0)).orElseThrow()).getSpec().getReplicas())
                .isZero();
        assertThat(((StatefulSet) live.get(0)).getSpec().getReplicas()).as("the live object is not changed").isNull();
    }

    private static Map<String, String> workspaceLabels(UUID projectId) {
        Map<String, String> labels = new TreeMap<>(ClusterNames.ownedBy(projectId, SAMPLE.slug()));
        labels.put(ClusterNames.COMPONENT, ClusterNames.WORKSPACE_COMPONENT);
        return labels;
    }

    private static StatefulSet statefulSet(String name, Map<String, String> labels, Integer replicas) {
        return new StatefulSetBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(labels)
                .endMetadata().withNewSpec().withReplicas(replicas).withServiceName(name).withNewSelector()
                .withMatchLabels(Map.of("app", name)).endSelector().withNewTemplate().withNewMetadata()
                .withLabels(Map.of("app", name)).endMetadata().withNewSpec().addNewContainer().withName("desktop")
                .withImage("desktop:1").endContainer().endSpec().endTemplate().endSpec().build();
    }

    private static Deployment deployment(String name, Map<String, String> labels, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(labels)
                .endMetadata().withNewSpec().withReplicas(replicas).withNewSelector()
                .withMatchLabels(Map.of("app", name)).endSelector().withNewTemplate().withNewMetadata()
                .withLabels(Map.of("app", name)).endMetadata().withNewSpec().addNewContainer().withName("tools")
                .withImage("tools:1").endContainer().endSpec().endTemplate().endSpec().build();
    }

    private void create(HasMetadata object) {
        client.resource(object).create();
    }

    private int replicas(String statefulSet) {
        return client.apps().statefulSets().inNamespace(NAMESPACE).withName(statefulSet).get().getSpec().getReplicas();
    }
}
