package eu.enclave.platform.audit;

/**
 * Outcome of walking the chain. When intact, {@code headSeq} and {@code headHash} identify the newest entry:
 * publishing them elsewhere (a ticket, a signed e-mail) is what lets a later check also detect a truncated tail.
 */
public record AuditVerification(boolean intact, long entriesChecked, long headSeq, String headHash, Problem problem) {

    public enum Kind { ALTERED, DELETED, REORDERED }

    /** The first place where the chain stops holding, and what most likely happened there. */
    public record Problem(Kind kind, long seq, String detail) {
    }
}
