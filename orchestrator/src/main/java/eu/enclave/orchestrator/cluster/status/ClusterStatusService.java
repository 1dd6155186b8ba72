package eu.enclave.orchestrator.cluster.status;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.identity.CurrentUser;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads a project's cluster status for the people who may see the project. */
@Service
public class ClusterStatusService {

    private final ProjectService projects;
    private final AccessPolicy policy;
    private final ClusterStatusRepository statuses;
    private final ClusterSettings settings;
    private final ClusterConnection connection;
    private final ClusterLeadership leadership;

    ClusterStatusService(ProjectService projects, AccessPolicy policy, ClusterStatusRepository statuses,
                         ClusterSettings settings, ClusterConnection connection, ClusterLeadership leadership) {
        this.projects = projects;
        this.policy = policy;
        this.statuses = statuses;
        this.settings = settings;
        this.connection = connection;
        this.leadership = leadership;
    }

    /**
     * @param onCluster          whether the project should have a namespace now (active or suspended)
     * @param state              null for a project that was never on the cluster and should not be
     * @param applying           false when nothing is being applied to the cluster at all (no replica can lead):
     *                           the stored state is then only the last one reached
     * @param notApplyingBecause why, when not applying; null otherwise
     */
    public record View(String project, String namespace, boolean onCluster, ClusterState state, String reason,
                       Instant reconciledAt, List<AppliedObject> objects, boolean simulated, boolean applying,
                       String notApplyingBecause) {
    }

    public View status(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanViewClusterStatus(user, project);
        boolean onCluster = ClusterPresence.onCluster(project.status());
        String namespace = ClusterNames.namespace(settings.namespacePrefix(), project.slug());
        String halted = leadership.cannotLeadBecause().orElse(null);
        return statuses.find(project.id())
                .map(s -> new View(slug, namespace, onCluster, s.state(), s.reason(), s.reconciledAt(), s.objects(),
                        connection.simulated(), halted == null, halted))
                .orElseGet(() -> new View(slug, namespace, onCluster, onCluster ? ClusterState.PROGRESSING : null,
                        onCluster ? "not reconciled yet" : "a " + project.status() + " project has no namespace",
                        null, List.of(), connection.simulated(), halted == null, halted));
    }
}
