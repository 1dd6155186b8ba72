package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.cluster.ClusterFixtures.CLOCK;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.NAMESPACE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SAMPLE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SETTINGS;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.name;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.reconciler;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.ReconcileOutcome.State;
import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ApplyResult.Action;
import eu.enclave.orchestrator.cluster.apply.ClusterApplier;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconciler against Fabric8's CRUD mock API server: repairs of edited objects, interrupted runs, refusals.
 * Creation, idempotence, restoring deleted objects, pruning and teardown are {@link ReconcileScenarios}, which
 * also run against real clusters.
 */
@EnableKubernetesMockClient(crud = true)
class ProjectReconcilerTest {

    KubernetesClient client;

    private final List<HasMetadata> desired = ProjectBundle.desired(SAMPLE, SETTINGS);

    @Test
    void anAllowAllEgressRuleAddedByHandIsRemoved() {
        reconciler(client).reconcile(SAMPLE);
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("allow-workspaces-to-intake")
                .edit(p -> new NetworkPolicyBuilder(p).editSpec().addNewEgress().endEgress().endSpec().build());
        assertThat(policy("allow-workspaces-to-intake").getSpec().getEgress()).hasSize(2);

        ReconcileOutcome outcome = reconciler(client).reconcile(SAMPLE);

        assertThat(actionOf(outcome, "allow-workspaces-to-intake")).isEqualTo(Action.UPDATED);
        assertThat(policy("allow-workspaces-to-intake").getSpec()).isEqualTo(specOf("allow-workspaces-to-intake"));
    }

    @Test
    void aDefaultDenyNarrowedToIngressByHandDeniesEgressAgain() {
        reconciler(client).reconcile(SAMPLE);
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("default-deny")
                .edit(p -> new NetworkPolicyBuilder(p).editSpec().withPolicyTypes("Ingress").endSpec().build());

        ReconcileOutcome outcome = reconciler(client).reconcile(SAMPLE);

        assertThat(actionOf(outcome, "default-deny")).isEqualTo(Action.UPDATED);
        assertThat(policy("default-deny").getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    }

    @Test
    void anOwnedLabelChangedByHandIsRestoredAndTheNamespaceKeepsRestrictedPodSecurity() {
        reconciler(client).reconcile(SAMPLE);
        client.namespaces().withName(NAMESPACE).edit(n -> new NamespaceBuilder(n).editMetadata()
                .addToLabels("pod-security.kubernetes.io/enforce", "privileged").endMetadata().build());

        ReconcileOutcome outcome = reconciler(client).reconcile(SAMPLE);

        assertThat(actionOf(outcome, NAMESPACE)).isEqualTo(Action.UPDATED);
        assertThat(client.namespaces().withName(NAMESPACE).get().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void foreignLabelsAndAnnotationsSurviveAndAloneChangeNothing() {
        reconciler(client).reconcile(SAMPLE);
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("default-deny")
                .edit(p -> new NetworkPolicyBuilder(p).editMetadata().addToLabels("team", "radiology")
                        .addToAnnotations("ticket", "SEC-12").endMetadata().build());
        client.namespaces().withName(NAMESPACE).edit(n -> new NamespaceBuilder(n).editMetadata()
                .addToLabels("backup", "nightly").endMetadata().build());

        ReconcileOutcome untouched = reconciler(client).reconcile(SAMPLE);
        assertThat(untouched.objects()).extracting(ApplyResult::action).containsOnly(Action.UNCHANGED);

        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("default-deny")
                .edit(p -> new NetworkPolicyBuilder(p).editSpec().withPolicyTypes("Ingress").endSpec().build());
        ReconcileOutcome repaired = reconciler(client).reconcile(SAMPLE);

        assertThat(actionOf(repaired, "default-deny")).isEqualTo(Action.UPDATED);
        NetworkPolicy deny = policy("default-deny");
        assertThat(deny.getMetadata().getLabels()).containsEntry("team", "radiology");
        assertThat(deny.getMetadata().getAnnotations()).containsEntry("ticket", "SEC-12");
        assertThat(client.namespaces().withName(NAMESPACE).get().getMetadata().getLabels())
                .containsEntry("backup", "nightly");
    }

    @Test
    void aFreshReconcilerFinishesWhatAStoppedOneBegan() {
        ClusterApplier interrupted = new ClusterApplier(client);
        desired.subList(0, 3).forEach(interrupted::apply);

        ReconcileOutcome outcome = reconciler(client).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(outcome.objects().subList(0, 3)).extracting(ApplyResult::action).containsOnly(Action.UNCHANGED);
        assertThat(outcome.objects().subList(3, desired.size())).extracting(ApplyResult::action)
                .containsOnly(Action.CREATED);
        assertThat(policyNames()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aNamespaceEnclaveDidNotCreateIsNotTakenOver() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();

        ReconcileOutcome outcome = reconciler(client).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.failure().object()).isEqualTo(new ObjectRef("Namespace", null, NAMESPACE));
        assertThat(outcome.failure().reason()).contains("not created by Enclave");
        assertThat(outcome.objects().subList(1, desired.size())).extracting(ApplyResult::action)
                .containsOnly(Action.SKIPPED);
        assertThat(policyNames()).isEmpty();
        assertThat(client.namespaces().withName(NAMESPACE).get().getMetadata().getLabels()).isNullOrEmpty();
    }

    @Test
    void aClaimThatCannotBeMadeRightIsReportedAndKeptAsItIs() {
        reconciler(client).reconcile(SAMPLE);
        client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("project-share").edit(c -> {
            c.getSpec().setAccessModes(List.of("ReadWriteOnce"));
            return c;
        });

        ReconcileOutcome outcome = reconciler(client).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.failure().object().name()).isEqualTo("project-share");
        assertThat(outcome.failure().reason()).contains("accessModes", "cannot change after creation");
        PersistentVolumeClaim share = client.persistentVolumeClaims().inNamespace(NAMESPACE)
                .withName("project-share").get();
        assertThat(share.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    }

    @Test
    void aClaimGrowsWhenItsSizeIsRaised() {
        reconciler(client).reconcile(SAMPLE);
        ClusterSettings bigger = new ClusterSettings(null, null, null, null,
                new ClusterSettings.Storage(null, "200Gi", "10Gi", "ReadWriteMany"), null, null);

        ReconcileOutcome outcome = new ProjectReconciler(client, bigger, Retrier.standard(d -> { }), CLOCK)
                .reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(actionOf(outcome, "project-share")).isEqualTo(Action.UPDATED);
        assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("project-share").get()
                .getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("200Gi");
    }

    private Action actionOf(ReconcileOutcome outcome, String name) {
        return outcome.objects().stream().filter(r -> r.object().name().equals(name)).findFirst().orElseThrow()
                .action();
    }

    private NetworkPolicy policy(String name) {
        return client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName(name).get();
    }

    private Object specOf(String policyName) {
        return desired.stream().filter(o -> name(o).equals(policyName)).map(NetworkPolicy.class::cast)
                .findFirst().orElseThrow().getSpec();
    }

    private List<String> policyNames() {
        return client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems().stream()
                .map(ClusterFixtures::name).toList();
    }
}
