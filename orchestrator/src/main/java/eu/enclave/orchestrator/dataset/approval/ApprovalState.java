package eu.enclave.orchestrator.dataset.approval;

import java.util.Locale;

/** Where an approval stands on a given day. Only a {@link #CURRENT} approval mounts its dataset. */
public enum ApprovalState {
    /** Its start date is still to come. */
    PENDING,
    /** From its start date to its end date, both included, and not revoked. */
    CURRENT,
    /** Its end date has passed. */
    ENDED,
    /** A data steward withdrew it. */
    REVOKED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
