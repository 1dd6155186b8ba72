package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one reconcile of a project did, for the project's status page and its audit entry.
 *
 * @param objects every desired object in apply order with what happened to it (SKIPPED ones were not tried)
 * @param pruned  owned objects deleted because they are no longer desired
 * @param failure the first thing that went wrong; null when READY
 * @param scaledToZero workspace workloads scaled to zero replicas because the project is suspended
 */
public record ReconcileOutcome(UUID projectId, String namespace, State state, List<ApplyResult> objects,
                               List<ObjectRef> pruned, Failure failure, Instant at, List<ObjectRef> scaledToZero) {

    public enum State { READY, FAILED }

    /**
     * @param object     the object concerned; null when the failure was not about one object (listing for pruning)
     * @param reason     what went wrong, for people ("HTTP 500 after 5 attempts", a drift that cannot be repaired)
     * @param apiMessage what the API server said, when it was an API error
     */
    public record Failure(ObjectRef object, String reason, String apiMessage) {
    }

    public ReconcileOutcome {
        objects = List.copyOf(objects);
        pruned = List.copyOf(pruned);
        scaledToZero = List.copyOf(scaledToZero);
    }

    /** An outcome that scaled nothing. */
    public ReconcileOutcome(UUID projectId, String namespace, State state, List<ApplyResult> objects,
                            List<ObjectRef> pruned, Failure failure, Instant at) {
        this(projectId, namespace, state, objects, pruned, failure, at, List.of());
    }

    public List<ObjectRef> notConverged() {
        return objects.stream().filter(result -> !result.converged()).map(ApplyResult::object).toList();
    }
}
