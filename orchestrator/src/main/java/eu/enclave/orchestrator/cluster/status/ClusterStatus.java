package eu.enclave.orchestrator.cluster.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The stored outcome of a project's last reconcile. */
public record ClusterStatus(UUID projectId, ClusterState state, String reason, Instant reconciledAt,
                            List<AppliedObject> objects) {

    public ClusterStatus {
        reason = reason == null ? "" : reason;
        objects = List.copyOf(objects);
    }
}
