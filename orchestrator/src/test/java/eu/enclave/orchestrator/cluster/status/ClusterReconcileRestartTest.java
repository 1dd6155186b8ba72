package eu.enclave.orchestrator.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.ProjectReconciler;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.platform.audit.AuditTrail;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The orchestrator stopped in the middle of a reconcile, then started afresh on the same database and
 * cluster: the new instance converges, with each object once, nothing left over and the status READY.
 */
@OrchestratorApiTest
class ClusterReconcileRestartTest {

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ProjectRepository projects;
    @Autowired ClusterSpecSource specs;
    @Autowired ClusterStatusRepository statuses;
    @Autowired AuditTrail audit;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired ClusterLeadership leadership;
    @Autowired ClusterSettings settings;
    @Autowired ClusterConnection connection;
    @Autowired KubernetesClient client;
    @Autowired ClusterReconcileService restarted;

    @AfterEach
    void clearExpectations() {
        connection.simulator().clearExpectations();
    }

    @Test
    void aReconcileCutShortIsFinishedByTheNextInstanceWithoutDuplicatesOrOrphans() {
        // Activated and given two mirrors, committed; the process died before any reconcile of it.
        Project draft = fixtures.draftProject("restart");
        jdbc.sql("INSERT INTO project_mirrors (project_id, position, name, cidr, port, hostname) VALUES"
                        + " (?, 0, 'cran', '10.40.0.10/32', 443, 'cran.mirror.internal'), (?, 1, 'pypi', '10.40.0.11/32', 443, NULL)")
                .param(draft.id()).param(draft.id()).update();
        jdbc.sql("UPDATE projects SET status = 'active' WHERE id = ?").param(draft.id()).update();
        Project project = projects.findBySlug(draft.slug()).orElseThrow();
        String namespace = ClusterNames.namespace(settings.namespacePrefix(), project.slug());

        // The next instance gets through the namespace and its policies, then dies while waiting to retry the quota.
        connection.simulator().expect().post().withPath("/api/v1/namespaces/" + namespace + "/resourcequotas")
                .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").withMessage("try again").build())
                .always();
        ClusterReconcileService doomed = new ClusterReconcileService(projects, specs,
                new ProjectReconciler(client, settings, Retrier.standard(delay -> {
                    throw new ProcessKilled();
                }), clock), statuses, audit, transactions, clock, leadership, event -> { });
        assertThatThrownBy(() -> doomed.reconcileIfOnCluster(project.slug())).isInstanceOf(ProcessKilled.class);
        assertThat(statuses.find(project.id())).as("it died before storing anything").isEmpty();
        assertThat(client.network().v1().networkPolicies().inNamespace(namespace).withName("allow-workspaces-to-mirrors")
                .get()).as("applied before it died").isNotNull();
        assertThat(client.resourceQuotas().inNamespace(namespace).list().getItems()).isEmpty();

        // While it was down, the admin withdrew the mirrors; then a fresh instance starts.
        jdbc.sql("DELETE FROM project_mirrors WHERE project_id = ?").param(project.id()).update();
        connection.simulator().clearExpectations();
        restarted.reconcileAll();

        ClusterStatus status = statuses.find(project.id()).orElseThrow();
        assertThat(status.state()).isEqualTo(ClusterState.READY);
        assertThat(status.objects()).filteredOn(o -> o.action().equals("PRUNED")).extracting(AppliedObject::name)
                .containsExactlyInAnyOrder("allow-workspaces-to-mirrors", "allow-workspaces-to-dns");
        List<ObjectRef> desired = ProjectBundle.desired(specs.specOf(project), settings).stream().map(ObjectRef::of)
                .toList();
        assertThat(ownedObjects(project, namespace)).as("each desired object once, and nothing else")
                .containsExactlyInAnyOrderElementsOf(desired);
    }

    private List<ObjectRef> ownedObjects(Project project, String namespace) {
        Map<String, String> owner = ClusterNames.ownerSelector(project.id());
        List<HasMetadata> found = new ArrayList<>();
        found.addAll(client.namespaces().withLabels(owner).list().getItems());
        Stream.of(client.network().v1().networkPolicies(), client.resourceQuotas(), client.limitRanges(),
                        client.serviceAccounts(), client.persistentVolumeClaims())
                .forEach(kind -> found.addAll(kind.inNamespace(namespace).withLabels(owner).list().getItems()));
        return found.stream().map(ObjectRef::of).toList();
    }

    /** What a killed process looks like from inside: the run stops where it is and nothing after it happens. */
    static final class ProcessKilled extends Error {
    }
}
