package eu.enclave.orchestrator.dataset.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A data steward's decision that a project may read a dataset from {@code startDate} to {@code endDate}, both
 * included, under a data permit or authorisation ({@code reference}).
 *
 * @param revokedBy null unless revoked
 */
public record Approval(UUID id, UUID datasetId, String dataset, UUID projectId, LocalDate startDate,
                       LocalDate endDate, String reference, String approvedBy, Instant approvedAt, String revokedBy,
                       Instant revokedAt, String revokeReason) {

    public ApprovalState stateOn(LocalDate day) {
        if (revokedAt != null) {
            return ApprovalState.REVOKED;
        }
        if (day.isBefore(startDate)) {
            return ApprovalState.PENDING;
        }
        return day.isAfter(endDate) ? ApprovalState.ENDED : ApprovalState.CURRENT;
    }

    /** Whether the two periods share a day. */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return !start.isAfter(endDate) && !end.isBefore(startDate);
    }
}
