package eu.enclave.orchestrator.cluster.status;

import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;

/**
 * One object of the last reconcile and what happened to it: an {@link ApplyResult.Action}, or PRUNED.
 *
 * @param reason why it failed or was skipped; null otherwise
 */
public record AppliedObject(String kind, String namespace, String name, String action, String reason) {

    public static final String PRUNED = "PRUNED";
    /** A workspace workload of a suspended project, scaled to zero replicas. */
    public static final String SCALED_TO_ZERO = "SCALED_TO_ZERO";

    static AppliedObject of(ApplyResult result) {
        ObjectRef ref = result.object();
        return new AppliedObject(ref.kind(), ref.namespace(), ref.name(), result.action().name(), result.reason());
    }

    static AppliedObject pruned(ObjectRef ref) {
        return new AppliedObject(ref.kind(), ref.namespace(), ref.name(), PRUNED, null);
    }

    static AppliedObject scaledToZero(ObjectRef ref) {
        return new AppliedObject(ref.kind(), ref.namespace(), ref.name(), SCALED_TO_ZERO, null);
    }

    /** "NetworkPolicy enclave-x/default-deny", as in the audit trail. */
    String ref() {
        return new ObjectRef(kind, namespace, name).toString();
    }
}
