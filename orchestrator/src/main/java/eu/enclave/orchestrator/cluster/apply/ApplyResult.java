package eu.enclave.orchestrator.cluster.apply;

/**
 * What happened to one desired object.
 *
 * @param reason why it is not as desired (FAILED) or was not tried (SKIPPED); null otherwise
 */
public record ApplyResult(ObjectRef object, Action action, String reason) {

    public enum Action {
        CREATED, UPDATED, UNCHANGED,
        /** The object is not as desired and this run could not make it so; the reason says why. */
        FAILED,
        /** Not tried, because an object before it failed. */
        SKIPPED
    }

    public static ApplyResult done(ObjectRef object, Action action) {
        return new ApplyResult(object, action, null);
    }

    public static ApplyResult failed(ObjectRef object, String reason) {
        return new ApplyResult(object, Action.FAILED, reason);
    }

    public static ApplyResult skipped(ObjectRef object, ObjectRef failedBefore) {
        return new ApplyResult(object, Action.SKIPPED, "not applied: " + failedBefore + " failed before it");
    }

    /** True when the object on the cluster now matches the desired one. */
    public boolean converged() {
        return action == Action.CREATED || action == Action.UPDATED || action == Action.UNCHANGED;
    }
}
