package eu.enclave.orchestrator.cluster.status;

/** Where a project's namespace bundle stands, as the status endpoint reports it. */
public enum ClusterState {
    /** Every desired object is on the cluster as desired. */
    READY,
    /** The project should be on the cluster but has not been reconciled yet. */
    PROGRESSING,
    /** The last reconcile could not make the bundle as desired; the reason says why. */
    FAILED
}
