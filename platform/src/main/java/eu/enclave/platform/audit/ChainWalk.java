package eu.enclave.platform.audit;

import eu.enclave.platform.audit.AuditVerification.Kind;
import eu.enclave.platform.audit.AuditVerification.Problem;

/**
 * Checks entries one by one in sequence order and keeps only what the next check needs, so that a chain
 * of any length is verified in constant memory. Once a broken link is seen it keeps reading only to tell a
 * reordering (the missing predecessor turns up later) from a deletion or a rewrite (it never does).
 */
final class ChainWalk {

    private final AuditHash hasher = new AuditHash();
    private long checked;
    private long lastSeq;
    private String lastHash = AuditHash.GENESIS;
    private Problem problem;
    private String missingHash;
    private long brokenAt;
    private long predecessorSeq;

    /** @return false once the outcome is known and the rest of the chain need not be read */
    boolean accept(AuditEntry entry) {
        if (missingHash != null) {
            if (entry.hash().equals(missingHash)) {
                problem = new Problem(Kind.REORDERED, brokenAt, "entry " + brokenAt + " is out of order: the entry"
                        + " it follows in the chain is stored later, at " + entry.seq());
                return false;
            }
            return true;
        }
        checked++;
        if (!hasher.of(entry).equals(entry.hash())) {
            problem = new Problem(Kind.ALTERED, entry.seq(), "entry " + entry.seq()
                    + " was altered: its content no longer matches its hash");
            return false;
        }
        if (!entry.prevHash().equals(lastHash)) {
            if (entry.seq() != lastSeq + 1) {
                long firstMissing = lastSeq + 1;
                problem = new Problem(Kind.DELETED, firstMissing, (entry.seq() - firstMissing == 1
                        ? "entry " + firstMissing + " was deleted"
                        : "entries " + firstMissing + " to " + (entry.seq() - 1) + " were deleted")
                        + ": the chain resumes at " + entry.seq());
                return false;
            }
            missingHash = entry.prevHash();
            brokenAt = entry.seq();
            predecessorSeq = lastSeq;
            return true;
        }
        if (entry.seq() != lastSeq + 1) {
            problem = new Problem(Kind.ALTERED, entry.seq(), "entry " + entry.seq()
                    + " has a changed sequence number: the chain is intact but numbers skip from " + lastSeq);
            return false;
        }
        lastSeq = entry.seq();
        lastHash = entry.hash();
        return true;
    }

    AuditVerification result() {
        if (problem == null && missingHash != null) {
            problem = predecessorSeq == 0
                    ? new Problem(Kind.DELETED, brokenAt, "the entries before " + brokenAt + " were deleted")
                    : new Problem(Kind.ALTERED, predecessorSeq, "entry " + predecessorSeq + " was rewritten, or"
                    + " entries after it were deleted and renumbered: entry " + brokenAt
                    + " records a different predecessor");
        }
        return problem == null
                ? new AuditVerification(true, checked, lastSeq, lastHash, null)
                : new AuditVerification(false, checked, lastSeq, lastHash, problem);
    }
}
