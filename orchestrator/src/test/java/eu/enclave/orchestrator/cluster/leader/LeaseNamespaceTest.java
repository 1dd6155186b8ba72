package eu.enclave.orchestrator.cluster.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.enclave.orchestrator.cluster.ApiServerLikeMock;
import eu.enclave.platform.audit.AuditTrail;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Leader election on a fresh cluster, on a CRUD mock that answers as kube-apiserver did ({@link ApiServerLikeMock}):
 * a Lease cannot be created in a namespace that does not exist; the orchestrator creates that namespace when it
 * may, fails its startup naming the namespace and the rights when it may not, and tells (health DOWN, with the
 * reason) when the Lease calls are refused, which no retry can heal.
 */
class LeaseNamespaceTest {

    static final String NAMESPACE = "enclave-platform";
    static final String LEASE_PATH = "/apis/coordination.k8s.io/v1/namespaces/" + NAMESPACE + "/leases/enclave-orchestrator";

    ApiServerLikeMock mock;
    KubernetesClient client;
    final List<Object> events = new ArrayList<>();
    final List<ClusterLeaderService> started = new ArrayList<>();

    @BeforeEach
    void freshCluster() {
        mock = ApiServerLikeMock.start();
        client = mock.client();
    }

    @AfterEach
    void stop() {
        started.forEach(ClusterLeaderService::stop);
        client.close();
        mock.close();
    }

    @Test
    void aLeaseInANamespaceThatDoesNotExistIsRefusedWith404AndToldAsAReasonThatDoesNotHeal() {
        RenewalTrackingLock lock = new RenewalTrackingLock(new LeaseLock(NAMESPACE, "enclave-orchestrator", "me"),
                Duration.ofSeconds(15), null);
        assertThat(lock.get(client)).isNull();
        LeaderElectionRecord record = new LeaderElectionRecord("me", Duration.ofSeconds(15), ZonedDateTime.now(),
                ZonedDateTime.now(), 0);

        assertThatThrownBy(() -> lock.create(client, record)).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getCode()).isEqualTo(404));

        assertThat(lock.problem().heals()).isFalse();
        assertThat(lock.problem().describe(NAMESPACE, "enclave-orchestrator"))
                .contains("namespace " + NAMESPACE + " does not exist").contains("404");
    }

    @Test
    void aMissingLeaseNamespaceIsCreatedAndTheReplicaLeads() {
        ClusterLeaderService leadership = service("replica-1");

        leadership.prepare();
        start(leadership);

        assertThat(client.namespaces().withName(NAMESPACE).get()).isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(leadership::isLeader);
        assertThat(leadership.cannotLeadBecause()).isEmpty();
        assertThat(health(leadership).getStatus()).isEqualTo(Status.UP);
        assertThat(health(leadership).getDetails()).containsEntry("leader", "replica-1")
                .containsEntry("lease", NAMESPACE + "/enclave-orchestrator");
    }

    @Test
    void aMissingLeaseNamespaceThatMayNotBeCreatedFailsTheStartupNamingItAndTheRightsNeeded() {
        mock.server().expect().post().withPath("/api/v1/namespaces").andReturn(403, new StatusBuilder()
                .withCode(403).withReason("Forbidden").withMessage("namespaces is forbidden").build()).always();
        ClusterLeaderService leadership = service("replica-1");

        assertThatThrownBy(leadership::prepare).isInstanceOfSatisfying(LeaseNamespaceMissing.class, e -> {
            assertThat(e.getMessage()).contains(NAMESPACE).contains("403");
            FailureAnalysis analysis = new LeaseNamespaceFailureAnalyzer().analyze(e);
            assertThat(analysis.getDescription()).contains("namespace " + NAMESPACE);
            assertThat(analysis.getAction()).contains("kubectl create namespace " + NAMESPACE)
                    .contains("'create' on 'namespaces'").contains("get, create and update")
                    .contains("coordination.k8s.io 'leases' in " + NAMESPACE);
        });
    }

    @Test
    void aForbiddenLeaseIsToldAtStartupAndStaysDownWhileTheReplicaTriesAgain() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        mock.server().expect().get().withPath(LEASE_PATH).andReturn(403, new StatusBuilder().withCode(403)
                .withReason("Forbidden").withMessage("leases.coordination.k8s.io \"enclave-orchestrator\" is"
                        + " forbidden: User \"system:serviceaccount:enclave-platform:orchestrator\" cannot get"
                        + " resource \"leases\"").build()).always();
        ClusterLeaderService leadership = service("replica-1");

        leadership.prepare();

        assertThat(leadership.cannotLeadBecause()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("403").contains("cannot get resource \"leases\"")
                .contains("grant the orchestrator's service account get, create and update on coordination.k8s.io"
                        + " leases in namespace " + NAMESPACE));
        start(leadership);
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> leadership.leaseProblem().isPresent());
        assertThat(leadership.isLeader()).isFalse();
        Health health = health(leadership);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(health.getDetails().get("reason"))).contains("no replica can lead")
                .contains("Nothing is being applied to the cluster");
    }

    @Test
    void aTransientFailureHeals() {
        assertThat(new LeaseProblem("update", 409, "conflict").heals()).isTrue();
        assertThat(new LeaseProblem("get", 0, "connect timed out").heals()).isTrue();
        assertThat(new LeaseProblem("update", 404, "gone meanwhile").heals()).isTrue();
        assertThat(new LeaseProblem("create", 404, "namespace not found").heals()).isFalse();
        assertThat(new LeaseProblem("get", 401, "Unauthorized").heals()).isFalse();
    }

    private ClusterLeaderService service(String identity) {
        LeaderElectionSettings settings = new LeaderElectionSettings(true, null, null, Duration.ofSeconds(2),
                Duration.ofMillis(1500), Duration.ofMillis(200), identity).inNamespace(NAMESPACE);
        return new ClusterLeaderService(client, settings, Mockito.mock(AuditTrail.class), events::add);
    }

    private void start(ClusterLeaderService leadership) {
        started.add(leadership);
        leadership.start();
    }

    private static Health health(ClusterLeaderService leadership) {
        return new ClusterLeadershipHealthIndicator(leadership).health();
    }
}
