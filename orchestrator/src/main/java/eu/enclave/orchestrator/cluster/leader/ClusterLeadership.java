package eu.enclave.orchestrator.cluster.leader;

import java.util.Optional;

/**
 * Whether this orchestrator replica is the one that acts on the cluster. Scheduled cluster jobs (periodic
 * reconcile, archive teardown, idle workspace stop) run only where {@link #isLeader()} is true, so that
 * several replicas never act side by side. Leadership changes are also published as
 * {@link LeadershipAcquired} and {@link LeadershipLost} application events.
 */
public interface ClusterLeadership {

    boolean isLeader();

    /** This replica's name in the Lease: host name and a random suffix. */
    String identity();

    /**
     * Why no replica can lead, when the reason will not heal by itself (the Lease's namespace is missing, the
     * cluster refuses the Lease calls): nothing is applied to the cluster until someone fixes it. Empty otherwise.
     */
    default Optional<String> cannotLeadBecause() {
        return Optional.empty();
    }
}
