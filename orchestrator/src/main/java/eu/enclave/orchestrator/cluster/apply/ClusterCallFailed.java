package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A cluster call that failed for good: not retryable, or still failing after the last attempt. */
public final class ClusterCallFailed extends RuntimeException {

    private final int attempts;
    private final boolean transientError;

    ClusterCallFailed(KubernetesClientException cause, int attempts, boolean transientError) {
        super(cause.getMessage(), cause);
        this.attempts = attempts;
        this.transientError = transientError;
    }

    public int attempts() {
        return attempts;
    }

    /** HTTP status, or 0 when no answer came (connection lost, timed out). */
    public int code() {
        return ((KubernetesClientException) getCause()).getCode();
    }

    /** What the API server said, or the client's own message when it said nothing. */
    public String apiMessage() {
        KubernetesClientException cause = (KubernetesClientException) getCause();
        return cause.getStatus() != null && cause.getStatus().getMessage() != null
                ? cause.getStatus().getMessage() : cause.getMessage();
    }

    /**
     * For people: "HTTP 500 after 5 attempts", "HTTP 403, not retried",
     * "no answer (timeout or I/O) after 2 attempts".
     */
    public String reason() {
        String what = code() > 0 ? "HTTP " + code() : "no answer (timeout or I/O)";
        return transientError ? what + " after " + attempts + " attempts" : what + ", not retried";
    }
}
