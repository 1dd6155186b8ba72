package eu.enclave.orchestrator.dataset.approval;

import java.time.LocalDate;

/**
 * A steward's approval as given to the API and the portal form.
 *
 * @param dataset   the dataset's name
 * @param startDate first day of access; today when absent
 * @param endDate   last day of access (included)
 * @param reference the data permit or authorisation number
 */
public record ApprovalInput(String dataset, LocalDate startDate, LocalDate endDate, String reference) {
}
