package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Which API failures may pass if the same call is made again: server errors, throttling, conflicts (someone
 * wrote the object between our read and our write; the next attempt reads again) and lost or slow
 * connections. Everything else (403, 404, 422, ...) will fail the same way again.
 */
public final class TransientErrors {

    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;

    private TransientErrors() {
    }

    public static boolean isTransient(KubernetesClientException error) {
        int code = error.getCode();
        if (code > 0) {
            return code >= SERVER_ERROR || code == CONFLICT || code == TOO_MANY_REQUESTS;
        }
        return causedByConnection(error);
    }

    private static boolean causedByConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
