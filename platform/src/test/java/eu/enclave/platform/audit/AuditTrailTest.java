package eu.enclave.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;

/** Appending to the chain on a real PostgreSQL: linked, linear under concurrency, transactional, append-only. */
class AuditTrailTest {

    private TestDatabase database;
    private AuditFixture audit;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.createMigrated();
        audit = new AuditFixture(database);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void anEmptyTrailIsIntact() {
        AuditVerification result = audit.reader.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isZero();
        assertThat(result.headHash()).isEqualTo(AuditHash.GENESIS);
    }

    @Test
    void appendedEntriesVerifyIntactAndTheHeadIsTheLastEntry() {
        List<AuditEntry> appended = audit.appendSample(5);

        AuditVerification result = audit.reader.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.problem()).isNull();
        assertThat(result.entriesChecked()).isEqualTo(5);
        assertThat(result.headSeq()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(appended.get(4).hash());
        assertThat(audit.entries()).containsExactlyElementsOf(appended);
    }

    @Test
    void seqIsContiguousAndEachEntryLinksToItsPredecessor() {
        audit.trail.record(AuditEvent.of("system", "platform.started", null, null));
        audit.trail.record(new AuditEvent("Rémi", "file.viewed", "cohort", "file:a b\nc.csv", Map.of("size", 12)));
        audit.appendSample(3);

        List<AuditEntry> entries = audit.entries();
        AuditHash hash = new AuditHash();
        String previous = AuditHash.GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            assertThat(e.seq()).isEqualTo(i + 1);
            assertThat(e.prevHash()).isEqualTo(previous);
            assertThat(e.hash()).isEqualTo(hash.of(e)).matches("[0-9a-f]{64}");
            previous = e.hash();
        }
    }

    @Test
    void concurrentAppendsKeepTheChainLinearAndIntact() throws Exception {
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "writer-" + t;
            results.add(pool.submit(() -> {
                start.await();
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    seqs.add(audit.trail.record(new AuditEvent(actor, "file.viewed", "p", "file:" + i,
                            Map.of("i", i))).seq());
                }
                return seqs;
            }));
        }
        start.countDown();
        Map<String, List<Long>> seqsByWriter = new HashMap<>();
        for (int t = 0; t < threads; t++) {
            seqsByWriter.put("writer-" + t, results.get(t).get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<AuditEntry> entries = audit.entries();
        assertThat(entries).hasSize(threads * perThread);
        assertThat(entries).extracting(AuditEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).as("link at seq %d", i + 1).isEqualTo(entries.get(i - 1).hash());
        }
        // each writer's events are in the chain in the order it wrote them
        seqsByWriter.values().forEach(seqs -> assertThat(seqs).isSorted().doesNotHaveDuplicates());
        AuditVerification result = audit.reader.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(threads * perThread);
    }

    @Test
    void anEventRecordedInATransactionThatRollsBackLeavesNoEntry() {
        audit.appendSample(2);

        audit.transactions.executeWithoutResult(status -> {
            audit.jdbc.execute("CREATE TABLE public.change (x int)");
            audit.trail.record(AuditEvent.of("alice", "project.created", "doomed", "project:doomed"));
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> audit.transactions.executeWithoutResult(status -> {
            audit.trail.record(AuditEvent.of("alice", "project.created", "doomed", "project:doomed"));
            throw new IllegalStateException("the change failed after its event was recorded");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(audit.entries()).hasSize(2).noneMatch(e -> "doomed".equals(e.project()));
        assertThat(audit.jdbc.queryForObject("SELECT to_regclass('public.change') IS NULL", Boolean.class)).isTrue();
        AuditEntry next = audit.trail.record(AuditEvent.of("alice", "project.created", "kept", "project:kept"));
        assertThat(next.seq()).isEqualTo(3);
        assertThat(audit.reader.verify().intact()).isTrue();
    }

    @Test
    void anEventJoinsTheCallersTransactionAndCommitsWithIt() {
        audit.transactions.executeWithoutResult(status -> {
            audit.trail.record(AuditEvent.of("alice", "project.created", "one", "project:one"));
            audit.trail.record(AuditEvent.of("alice", "project.activated", "one", "project:one"));
        });

        assertThat(audit.entries()).extracting(AuditEntry::action).containsExactly("project.created", "project.activated");
        assertThat(audit.reader.verify().intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE platform.audit_log SET details = '{}' WHERE seq = 1",
        "UPDATE platform.audit_log SET seq = 99 WHERE seq = 2",
        "DELETE FROM platform.audit_log WHERE seq = 1",
        "DELETE FROM platform.audit_log",
        "TRUNCATE platform.audit_log",
        "TRUNCATE platform.audit_log CASCADE"})
    void theDatabaseRefusesToChangeOrRemoveHistory(String sql) {
        audit.appendSample(2);
        String operation = sql.split(" ")[0];

        assertThatThrownBy(() -> audit.jdbc.execute(sql))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> {
                    SQLException cause = (SQLException) ((DataAccessException) e).getMostSpecificCause();
                    assertThat(cause.getSQLState()).isEqualTo("42501"); // insufficient_privilege
                    assertThat(cause.getMessage()).contains("audit_log is append-only: " + operation + " refused");
                });

        assertThat(audit.entries()).hasSize(2);
        assertThat(audit.reader.verify().intact()).isTrue();
    }
}
