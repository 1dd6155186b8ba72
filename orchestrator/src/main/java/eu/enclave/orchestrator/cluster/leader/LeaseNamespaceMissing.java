package eu.enclave.orchestrator.cluster.leader;

/**
 * The Lease's namespace does not exist and the cluster refuses to let the orchestrator create it: no replica could
 * ever lead, so the startup fails, saying which namespace and which rights are missing.
 */
public class LeaseNamespaceMissing extends IllegalStateException {

    private final String namespace;

    LeaseNamespaceMissing(String namespace, String lease, int code) {
        super("The namespace " + namespace + " of the leader-election Lease " + lease + " does not exist, and the"
                + " cluster refuses to let the orchestrator create it (" + code + ")");
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    /** What an admin can do about it. */
    public String action() {
        return "Create the namespace (kubectl create namespace " + namespace + "), or grant the orchestrator's"
                + " ClusterRole 'create' on 'namespaces'. Leader election also needs get, create and update on"
                + " coordination.k8s.io 'leases' in " + namespace + " (a Role bound to the orchestrator's service"
                + " account; see docs/cluster.md). To run the orchestrator in another namespace, run it there: the"
                + " Lease follows the pod's namespace (or set enclave.cluster.leader-election.namespace).";
    }
}
