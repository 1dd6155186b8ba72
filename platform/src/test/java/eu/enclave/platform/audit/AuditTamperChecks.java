package eu.enclave.platform.audit;

import static eu.enclave.platform.audit.AuditFixture.quote;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.audit.AuditVerification.Kind;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DBA who can switch the append-only triggers off changes history; verify must say that the chain is
 * broken, where, and how. Run against each kind of server by the subclasses.
 */
abstract class AuditTamperChecks {

    static final int LENGTH = 10;

    private TestDatabase database;
    AuditFixture audit;
    List<AuditEntry> original;

    /** The server on which each check gets its fresh database. */
    abstract TestDatabases.Server server();

    @BeforeEach
    void chainOfTen() {
        database = server().createMigrated();
        audit = new AuditFixture(database);
        original = audit.appendSample(LENGTH);
        assertThat(audit.reader.verify().intact()).isTrue();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void alteredDetailsAreLocatedAtTheEntry() {
        audit.tamper("UPDATE platform.audit_log SET details = '{\"n\":5,\"title\":\"Nothing to see\"}' WHERE seq = 5");

        AuditVerification result = audit.reader.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.problem().kind()).isEqualTo(Kind.ALTERED);
        assertThat(result.problem().seq()).isEqualTo(5);
        assertThat(result.problem().detail()).contains("entry 5 was altered");
        assertThat(result.headSeq()).as("the last good entry").isEqualTo(4);
    }

    @Test
    void alteredActorOrTimeIsLocatedAtTheEntry() {
        audit.tamper("UPDATE platform.audit_log SET actor = 'bob' WHERE seq = 7");

        assertProblem(Kind.ALTERED, 7);

        audit.tamper("UPDATE platform.audit_log SET actor = 'alice' WHERE seq = 7",
                "UPDATE platform.audit_log SET occurred_at = occurred_at + interval '1 microsecond' WHERE seq = 3");

        assertProblem(Kind.ALTERED, 3);
    }

    @Test
    void aDeletedEntryIsLocatedAtItsSeq() {
        audit.tamper("DELETE FROM platform.audit_log WHERE seq = 5");

        AuditVerification result = assertProblem(Kind.DELETED, 5);
        assertThat(result.problem().detail()).contains("entry 5 was deleted").contains("resumes at 6");
    }

    @Test
    void severalDeletedEntriesAreReportedAsARange() {
        audit.tamper("DELETE FROM platform.audit_log WHERE seq BETWEEN 4 AND 6");

        AuditVerification result = assertProblem(Kind.DELETED, 4);
        assertThat(result.problem().detail()).contains("entries 4 to 6 were deleted");
    }

    @Test
    void theFirstEntryDeletedIsLocated() {
        audit.tamper("DELETE FROM platform.audit_log WHERE seq = 1");

        assertProblem(Kind.DELETED, 1);
    }

    @Test
    void swappedAdjacentEntriesAreReportedAsReordered() {
        // exchange the contents of 5 and 6 while the seq column stays 1..10 (the seq is the key, so move it twice)
        audit.tamper("UPDATE platform.audit_log SET seq = -6 WHERE seq = 6",
                "UPDATE platform.audit_log SET seq = 6 WHERE seq = 5",
                "UPDATE platform.audit_log SET seq = 5 WHERE seq = -6");
        List<AuditEntry> stored = audit.entries();
        assertThat(stored).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(stored.get(4).hash()).isEqualTo(original.get(5).hash());

        AuditVerification result = assertProblem(Kind.REORDERED, 5);
        assertThat(result.problem().detail()).contains("entry 5 is out of order").contains("stored later, at 6");
    }

    @Test
    void swappedLastTwoEntriesAreReportedAsReordered() {
        audit.tamper("UPDATE platform.audit_log SET seq = -10 WHERE seq = 10",
                "UPDATE platform.audit_log SET seq = 10 WHERE seq = 9",
                "UPDATE platform.audit_log SET seq = 9 WHERE seq = -10");

        assertProblem(Kind.REORDERED, 9);
    }

    @Test
    void anEntryRewrittenWithARecomputedHashIsCaughtByItsSuccessor() {
        AuditEntry five = original.get(4);
        String forgedDetails = "{\"n\":5,\"title\":\"Forged\"}";
        String forgedHash = new AuditHash().of(five.occurredAt(), five.actor(), five.action(), five.project(),
                five.target(), forgedDetails, five.prevHash());
        audit.tamper("UPDATE platform.audit_log SET details = " + quote(forgedDetails) + ", hash = " + quote(forgedHash)
                + " WHERE seq = 5");
        assertThat(new AuditHash().of(audit.entries().get(4))).as("entry 5 is self-consistent").isEqualTo(forgedHash);

        AuditVerification result = assertProblem(Kind.ALTERED, 5);
        assertThat(result.problem().detail()).contains("entry 5 was rewritten").contains("entry 6 records a different predecessor");
    }

    @Test
    void aRewrittenTailIsCaughtOnlyAgainstAPublishedHead() {
        AuditVerification published = audit.reader.verify();
        // the DBA deletes the last entry: what remains is a valid chain, but shorter than the one published
        audit.tamper("DELETE FROM platform.audit_log WHERE seq = " + LENGTH);

        AuditVerification now = audit.reader.verify();

        assertThat(now.intact()).isTrue();
        assertThat(now.headSeq()).isEqualTo(LENGTH - 1).isLessThan(published.headSeq());
        assertThat(now.headHash()).isNotEqualTo(published.headHash());
        assertThat(original).extracting(AuditEntry::hash).contains(published.headHash());
    }

    AuditVerification assertProblem(Kind kind, long seq) {
        AuditVerification result = audit.reader.verify();
        assertThat(result.intact()).as("intact").isFalse();
        assertThat(result.problem()).as("problem").isNotNull();
        assertThat(result.problem().kind()).as("kind of %s", result.problem()).isEqualTo(kind);
        assertThat(result.problem().seq()).as("seq of %s", result.problem()).isEqualTo(seq);
        return result;
    }
}
