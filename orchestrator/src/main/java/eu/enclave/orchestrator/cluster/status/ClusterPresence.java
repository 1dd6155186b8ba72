package eu.enclave.orchestrator.cluster.status;

import eu.enclave.orchestrator.project.ProjectStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which projects have a namespace bundle. A draft has none yet; active and suspended projects keep theirs (a
 * suspended project's data stays where it is); an archived project's namespace is no longer reconciled and is
 * left for the teardown once its retention ends.
 */
public final class ClusterPresence {

    public static final Set<ProjectStatus> ON_CLUSTER = EnumSet.of(ProjectStatus.ACTIVE, ProjectStatus.SUSPENDED);

    private ClusterPresence() {
    }

    public static boolean onCluster(ProjectStatus status) {
        return ON_CLUSTER.contains(status);
    }
}
