package eu.enclave.orchestrator.dataset.approval.web;

import eu.enclave.orchestrator.dataset.approval.Approval;
import eu.enclave.orchestrator.dataset.approval.ApprovalState;
import eu.enclave.orchestrator.dataset.approval.DatasetMount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An approval as the API shows it: the dataset by name and where it is mounted, never where its files are.
 *
 * @param state on today's date
 */
record ApprovalView(UUID id, String dataset, String mountPath, LocalDate startDate, LocalDate endDate,
                    String reference, ApprovalState state, String approvedBy, Instant approvedAt, String revokedBy,
                    Instant revokedAt, String revokeReason) {

    static ApprovalView of(Approval a, LocalDate today) {
        return new ApprovalView(a.id(), a.dataset(), DatasetMount.of(a.dataset()).mountPath(), a.startDate(),
                a.endDate(), a.reference(), a.stateOn(today), a.approvedBy(), a.approvedAt(), a.revokedBy(),
                a.revokedAt(), a.revokeReason());
    }
}
