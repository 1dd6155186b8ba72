package eu.enclave.orchestrator.cluster.leader;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Why this replica's last call on the Lease failed. A refusal (401, 403) or a create answered 404 (the Lease's
 * namespace does not exist) will not heal by itself: until someone fixes the cluster, no replica can lead and
 * nothing is applied. Anything else (a timeout, a conflict with another replica, a Lease deleted meanwhile) heals.
 *
 * @param operation get, create or update
 * @param code      the API server's HTTP status; 0 when it was not reached
 */
public record LeaseProblem(String operation, int code, String message) {

    static LeaseProblem of(String operation, KubernetesClientException error) {
        String message = error.getStatus() != null && error.getStatus().getMessage() != null
                ? error.getStatus().getMessage() : String.valueOf(error.getMessage());
        return new LeaseProblem(operation, error.getCode(), message);
    }

    public boolean heals() {
        return !(code == 401 || code == 403 || (code == 404 && "create".equals(operation)));
    }

    /** For the admin: what is wrong and what to do about it. */
    public String describe(String namespace, String lease) {
        String what = "Lease " + namespace + "/" + lease;
        if (code == 404) {
            return "no replica can lead: the Lease's namespace " + namespace + " does not exist (the API server"
                    + " answered 404 to creating " + what + "); create the namespace or let the orchestrator create"
                    + " it (namespaces: create)";
        }
        if (code == 401 || code == 403) {
            return "no replica can lead: the API server refuses to " + operation + " " + what + " (" + code + ": "
                    + message + "); grant the orchestrator's service account get, create and update on"
                    + " coordination.k8s.io leases in namespace " + namespace;
        }
        return "the last attempt to " + operation + " " + what + " failed (" + (code == 0 ? "" : code + ": ")
                + message + "); retrying";
    }
}
