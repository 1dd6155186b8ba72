package eu.enclave.orchestrator.cluster.retention;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.TeardownOutcome;
import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a deletion record moves on, and which audit entries each move leaves: every one exactly once. */
class DeletionRecordsTest {

    private static final UUID ID = UUID.randomUUID();
    private static final String NAMESPACE = "enclave-cohort";
    private static final Instant ARCHIVED = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-07-02T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-07-02T01:00:00Z");
    private static final DeletionRecords.Archived PROJECT = new DeletionRecords.Archived(ID, "cohort", ARCHIVED);
    private static final List<ObjectRef> CONTENTS = List.of(new ObjectRef("NetworkPolicy", NAMESPACE, "default-deny"));

    @Test
    void deletedAtOnceIsAskedForAndConfirmedInOneStep() {
        DeletionRecords.Step step = DeletionRecords.next(PROJECT, null, outcome(Result.DELETED, CONTENTS, null, T1));

        assertThat(step.audit()).containsExactly(DeletionRecords.DELETED, DeletionRecords.CONFIRMED);
        assertThat(step.record().requestedAt()).isEqualTo(T1);
        assertThat(step.record().confirmedAt()).isEqualTo(T1);
        assertThat(step.record().objects()).containsExactly("NetworkPolicy enclave-cohort/default-deny");
        assertThat(step.record().attempts()).isEqualTo(1);
    }

    @Test
    void aDeletionUnderWayIsConfirmedLaterKeepingWhatWasRecordedWhenItWasAskedFor() {
        ProjectDeletion deleting = DeletionRecords.next(PROJECT, null, outcome(Result.DELETING, CONTENTS, null, T1))
                .record();
        assertThat(DeletionRecords.awaitsConfirmation(deleting)).isTrue();

        DeletionRecords.Step still = DeletionRecords.next(PROJECT, deleting, outcome(Result.DELETING, List.of(), null, T2));
        assertThat(still.audit()).isEmpty();

        DeletionRecords.Step checkFailed = DeletionRecords.next(PROJECT, deleting,
                outcome(Result.FAILED, List.of(), "HTTP 500 after 5 attempts", T2));
        assertThat(checkFailed.record().result()).as("the deletion itself was accepted").isEqualTo(Result.DELETING);
        assertThat(checkFailed.record().reason()).contains("could not check").contains("HTTP 500");
        assertThat(checkFailed.audit()).isEmpty();

        DeletionRecords.Step gone = DeletionRecords.next(PROJECT, still.record(), outcome(Result.DELETED, List.of(), null, T2));
        assertThat(gone.audit()).containsExactly(DeletionRecords.CONFIRMED);
        assertThat(gone.record().requestedAt()).isEqualTo(T1);
        assertThat(gone.record().confirmedAt()).isEqualTo(T2);
        assertThat(gone.record().objects()).containsExactly("NetworkPolicy enclave-cohort/default-deny");
        assertThat(gone.record().attempts()).isEqualTo(3);
    }

    @Test
    void refusalsAndFailuresAreAuditedWhenTheyStartNotWhileTheyLast() {
        DeletionRecords.Step refused = DeletionRecords.next(PROJECT, null, outcome(Result.REFUSED, List.of(), "no labels", T1));
        DeletionRecords.Step again = DeletionRecords.next(PROJECT, refused.record(),
                outcome(Result.REFUSED, List.of(), "no labels", T2));
        DeletionRecords.Step failed = DeletionRecords.next(PROJECT, again.record(),
                outcome(Result.FAILED, List.of(), "HTTP 403, not retried", T2));

        assertThat(refused.audit()).containsExactly(DeletionRecords.REFUSED);
        assertThat(again.audit()).isEmpty();
        assertThat(again.record().attempts()).isEqualTo(2);
        assertThat(failed.audit()).containsExactly(DeletionRecords.FAILED);
        assertThat(failed.record().requestedAt()).isNull();
        assertThat(failed.record().confirmedAt()).isNull();
    }

    @Test
    void anAbsentNamespaceIsConfirmedWithoutADeletion() {
        DeletionRecords.Step absent = DeletionRecords.next(PROJECT, null, outcome(Result.ABSENT, List.of(), null, T1));

        assertThat(absent.audit()).containsExactly(DeletionRecords.CONFIRMED);
        assertThat(absent.record().requestedAt()).isNull();
        assertThat(absent.record().confirmedAt()).isEqualTo(T1);
    }

    private static TeardownOutcome outcome(Result result, List<ObjectRef> contents, String reason, Instant at) {
        return new TeardownOutcome(ID, NAMESPACE, result, contents, reason, at);
    }
}
