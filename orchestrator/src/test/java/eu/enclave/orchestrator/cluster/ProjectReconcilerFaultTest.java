package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.cluster.ClusterFixtures.NAMESPACE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SAMPLE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SETTINGS;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.name;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.reconciler;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.withoutMirrors;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.ReconcileOutcome.State;
import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ApplyResult.Action;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.apply.OwnedObjects;
import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * API faults during a reconcile. The mock keeps its CRUD store and answers from an expectation first when one
 * matches the request (Fabric8's mixed dispatcher), so a fault can be injected into one call and the state
 * left behind can still be checked.
 */
@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = ClusterFixtures.PlainClient.class)
class ProjectReconcilerFaultTest {

    private static final String POLICIES = "/apis/networking.k8s.io/v1/namespaces/" + NAMESPACE + "/networkpolicies";
    private static final String CORE = "/api/v1/namespaces/" + NAMESPACE;

    KubernetesMockServer server;
    KubernetesClient client;

    private final List<Duration> waits = new ArrayList<>();
    private final List<HasMetadata> desired = ProjectBundle.desired(SAMPLE, SETTINGS);

    @Test
    void aServerErrorThatPassesIsRetriedAndTheRunSucceeds() {
        server.expect().post().withPath(POLICIES).andReturn(500, status(500, "etcdserver: leader changed")).times(2);

        ReconcileOutcome outcome = reconciler(client, waits).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        assertConverged();
    }

    @Test
    void serverErrorsThatLastFailTheRunThereAndSayWhatWasNotAppliedThenALaterRunConverges() {
        server.expect().post().withPath(CORE + "/resourcequotas")
                .andReturn(500, status(500, "etcdserver: request timed out")).always();

        ReconcileOutcome failed = reconciler(client, waits).reconcile(SAMPLE);

        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.failure().object()).isEqualTo(new ObjectRef("ResourceQuota", NAMESPACE, "project-quota"));
        assertThat(failed.failure().reason()).isEqualTo("HTTP 500 after 5 attempts");
        assertThat(failed.failure().apiMessage()).isEqualTo("etcdserver: request timed out");
        assertThat(waits).hasSize(4);
        int quota = indexOf("project-quota");
        assertThat(failed.objects().subList(0, quota)).extracting(ApplyResult::action).containsOnly(Action.CREATED);
        assertThat(failed.objects().get(quota).action()).isEqualTo(Action.FAILED);
        assertThat(failed.objects().subList(quota + 1, desired.size())).extracting(ApplyResult::action)
                .containsOnly(Action.SKIPPED);
        assertThat(failed.notConverged()).hasSize(desired.size() - quota);
        assertThat(client.serviceAccounts().inNamespace(NAMESPACE).withName("workspace").get()).isNull();

        server.clearExpectations();
        ReconcileOutcome later = reconciler(client).reconcile(SAMPLE);

        assertThat(later.state()).isEqualTo(State.READY);
        assertThat(later.objects().subList(0, quota)).extracting(ApplyResult::action).containsOnly(Action.UNCHANGED);
        assertThat(later.objects().subList(quota, desired.size())).extracting(ApplyResult::action)
                .containsOnly(Action.CREATED);
        assertConverged();
    }

    @Test
    void aConflictOnUpdateIsRetriedFromAFreshRead() {
        reconciler(client).reconcile(SAMPLE);
        narrowDefaultDenyByHand();
        server.expect().put().withPath(POLICIES + "/default-deny").andReturn(409, status(409,
                "Operation cannot be fulfilled on networkpolicies \"default-deny\": the object has been modified"))
                .once();

        ReconcileOutcome outcome = reconciler(client, waits).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(waits).containsExactly(Duration.ofMillis(200));
        assertThat(client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("default-deny").get()
                .getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    }

    @Test
    void conflictsThatLastFailTheRun() {
        reconciler(client).reconcile(SAMPLE);
        narrowDefaultDenyByHand();
        server.expect().put().withPath(POLICIES + "/default-deny").andReturn(409, status(409, "modified")).always();

        ReconcileOutcome outcome = reconciler(client, waits).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.failure().object().name()).isEqualTo("default-deny");
        assertThat(outcome.failure().reason()).isEqualTo("HTTP 409 after 5 attempts");
    }

    @Test
    void anObjectCreatedBetweenOurReadAndOurCreateIsTakenAsFound() {
        reconciler(client).reconcile(SAMPLE);
        server.expect().get().withPath(CORE + "/serviceaccounts/workspace").andReturn(404, status(404, "not found"))
                .once();

        ReconcileOutcome outcome = reconciler(client, waits).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(outcome.objects()).extracting(ApplyResult::action).containsOnly(Action.UNCHANGED);
        assertThat(waits).isEmpty();
        assertConverged();
    }

    @Test
    void aTimeoutIsRetried() {
        server.expect().get().delay(ClusterFixtures.PlainClient.REQUEST_TIMEOUT_MILLIS * 3L, TimeUnit.MILLISECONDS)
                .withPath(POLICIES + "/default-deny").andReturn(404, status(404, "not found")).once();

        ReconcileOutcome outcome = reconciler(client, waits).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(waits).containsExactly(Duration.ofMillis(200));
        assertConverged();
    }

    @Test
    void aRefusalIsReportedWithoutRetrying() {
        server.expect().post().withPath(CORE + "/limitranges").andReturn(403, status(403,
                "limitranges is forbidden: User \"system:serviceaccount:enclave-system:orchestrator\" cannot create"))
                .always();

        ReconcileOutcome outcome = reconciler(client, waits).reconcile(SAMPLE);

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.failure().reason()).isEqualTo("HTTP 403, not retried");
        assertThat(outcome.failure().apiMessage()).contains("forbidden");
        assertThat(waits).isEmpty();
    }

    @Test
    void aPruneThatFailsIsReportedAndALaterRunFinishesIt() {
        reconciler(client).reconcile(SAMPLE);
        server.expect().delete().withPath(POLICIES + "/allow-workspaces-to-mirrors").andReturn(503, status(503, "busy"))
                .always();

        ReconcileOutcome failed = reconciler(client, waits).reconcile(withoutMirrors(SAMPLE));

        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.failure().object().name()).isEqualTo("allow-workspaces-to-mirrors");
        assertThat(failed.failure().reason()).isEqualTo("could not prune it: HTTP 503 after 5 attempts");
        assertThat(failed.objects()).allMatch(ApplyResult::converged);
        assertThat(failed.pruned()).extracting(ObjectRef::name).containsExactly("allow-workspaces-to-dns");

        server.clearExpectations();
        ReconcileOutcome later = reconciler(client).reconcile(withoutMirrors(SAMPLE));

        assertThat(later.state()).isEqualTo(State.READY);
        assertThat(later.pruned()).extracting(ObjectRef::name).containsExactly("allow-workspaces-to-mirrors");
        assertThat(policyNames()).containsExactlyInAnyOrder("default-deny", "allow-guacd-to-desktops",
                "allow-workspaces-to-intake");
    }

    @Test
    void aTeardownTheServerKeepsRefusingIsReportedAndTheNamespaceIsStillThere() {
        reconciler(client).reconcile(SAMPLE);
        server.expect().delete().withPath("/api/v1/namespaces/" + NAMESPACE).andReturn(500, status(500, "boom"))
                .always();

        TeardownOutcome outcome = reconciler(client, waits).teardown(SAMPLE.projectId(), NAMESPACE);

        assertThat(outcome.result()).isEqualTo(TeardownOutcome.Result.FAILED);
        assertThat(outcome.reason()).isEqualTo("HTTP 500 after 5 attempts: boom");
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNotNull();
    }

    /** Exactly the desired objects exist: none missing, none twice, nothing left over of the project's. */
    private void assertConverged() {
        List<String> owned = new OwnedObjects(client).find(NAMESPACE, SAMPLE.projectId(), OwnedObjects.BUNDLE_KINDS)
                .stream().map(o -> o.getKind() + "/" + name(o)).toList();
        List<String> wanted = desired.subList(1, desired.size()).stream().map(o -> o.getKind() + "/" + name(o))
                .toList();
        assertThat(owned).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNotNull();
        assertThat(policyNames()).doesNotHaveDuplicates();
    }

    private void narrowDefaultDenyByHand() {
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("default-deny")
                .edit(p -> new NetworkPolicyBuilder(p).editSpec().withPolicyTypes("Ingress").endSpec().build());
    }

    private int indexOf(String objectName) {
        return desired.stream().map(ClusterFixtures::name).toList().indexOf(objectName);
    }

    private List<String> policyNames() {
        return client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems().stream()
                .map(ClusterFixtures::name).toList();
    }

    private static Status status(int code, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withMessage(message).build();
    }
}
