package eu.enclave.orchestrator.cluster.leader;

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
}
