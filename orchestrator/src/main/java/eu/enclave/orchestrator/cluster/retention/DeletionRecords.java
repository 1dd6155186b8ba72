package eu.enclave.orchestrator.cluster.retention;

import eu.enclave.orchestrator.cluster.TeardownOutcome;
import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How a deletion record moves on after one run of the retention job, and which audit entries that move leaves:
 * a pure function of the record before (null for a first run) and what the cluster said. Each entry is written
 * once: the deletion when it is asked for, the confirmation when the namespace is seen gone, a refusal or a
 * failure when it starts (not again while it lasts).
 */
final class DeletionRecords {

    static final String DELETED = "cluster.namespace_deleted";
    static final String CONFIRMED = "cluster.namespace_deletion_confirmed";
    static final String REFUSED = "cluster.namespace_deletion_refused";
    static final String FAILED = "cluster.namespace_deletion_failed";

    /** An archived project whose retention has ended (or whose deletion is under way). */
    record Archived(UUID projectId, String slug, Instant archivedAt) {
    }

    /** The record to store and the audit actions to write with it, in order. */
    record Step(ProjectDeletion record, List<String> audit) {
    }

    private DeletionRecords() {
    }

    /** Whether this run only checks on a deletion asked for before, rather than asking for one. */
    static boolean awaitsConfirmation(ProjectDeletion previous) {
        return previous != null && previous.result() == Result.DELETING;
    }

    static Step next(Archived project, ProjectDeletion previous, TeardownOutcome outcome) {
        boolean confirming = awaitsConfirmation(previous);
        Instant at = outcome.at();
        Result result = outcome.result();
        String reason = outcome.reason() == null ? "" : outcome.reason();
        if (confirming && result == Result.FAILED) {
            // the deletion was accepted; only the check failed, so it is still under way
            result = Result.DELETING;
            reason = "could not check whether the namespace is gone yet: " + reason;
        }
        boolean asked = result == Result.DELETED || result == Result.DELETING;
        Instant requestedAt = confirming ? previous.requestedAt() : asked ? at : null;
        List<String> objects = confirming ? previous.objects()
                : outcome.contents().stream().map(ObjectRef::toString).toList();
        boolean gone = result == Result.DELETED || result == Result.ABSENT;
        ProjectDeletion record = new ProjectDeletion(project.projectId(), project.slug(), outcome.namespace(),
                project.archivedAt(), result, reason, requestedAt, gone ? at : null, objects,
                previous == null ? 1 : previous.attempts() + 1, at);

        Result before = previous == null ? null : previous.result();
        List<String> audit = new ArrayList<>();
        if (asked && !confirming) {
            audit.add(DELETED);
        }
        if (gone) {
            audit.add(CONFIRMED);
        }
        if (result == Result.REFUSED && before != Result.REFUSED) {
            audit.add(REFUSED);
        }
        if (result == Result.FAILED && before != Result.FAILED) {
            audit.add(FAILED);
        }
        return new Step(record, List.copyOf(audit));
    }
}
