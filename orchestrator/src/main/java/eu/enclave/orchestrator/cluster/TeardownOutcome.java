package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The record of a project namespace's deletion, for the proof of deletion at the end of retention.
 *
 * @param contents the project's own objects that were in the namespace when its deletion was asked for
 * @param reason   why it was refused or failed; null otherwise
 */
public record TeardownOutcome(UUID projectId, String namespace, Result result, List<ObjectRef> contents,
                              String reason, Instant at) {

    public enum Result {
        /** The namespace is gone. */
        DELETED,
        /** Deletion was accepted and the cluster is still emptying the namespace; ask again later. */
        DELETING,
        /** There was no such namespace. */
        ABSENT,
        /** The namespace is not this project's, and was left alone. */
        REFUSED,
        FAILED
    }

    public TeardownOutcome {
        contents = List.copyOf(contents);
    }
}
