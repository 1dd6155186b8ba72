package eu.enclave.platform.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the hash chain. Joins the caller's transaction, so that an event is stored exactly
 * when the change it describes is. Appends are serialised by a transaction-scoped advisory lock (held
 * until commit), which is what keeps the chain linear: callers should record their event last.
 *
 * <p>Every append waits for the one before it to commit, so the time between taking the lock and committing
 * bounds the rate of appends: that is why the lock and the read of the chain's head travel to the database
 * together, as two statements in one round trip.
 */
public class AuditTrail {

    private static final long CHAIN_LOCK = 0x656e636c61766531L; // "enclave1"
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Two statements, not one: under READ COMMITTED each statement reads a snapshot taken when it starts, so
     * the head is read after the lock is granted and sees the previous append's commit. (A single statement
     * that both locked and read would read a snapshot taken before the lock, and could miss that commit.)
     */
    private static final String LOCK_THEN_READ_HEAD = "SELECT pg_advisory_xact_lock(?);"
            + " SELECT seq, hash FROM platform.audit_log ORDER BY seq DESC LIMIT 1";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public AuditEntry record(AuditEvent event) {
        String details = JSON.writeValueAsString(new TreeMap<>((Map<String, ?>) event.details()));
        return transactions.execute(status -> append(event, details));
    }

    private AuditEntry append(AuditEvent event, String details) {
        Head head = lockAndReadHead();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = new AuditHash().of(now, event.actor(), event.action(), event.project(), event.target(),
                details, head.hash());
        long seq = head.seq() + 1;
        jdbc.update("""
                INSERT INTO platform.audit_log (seq, occurred_at, actor, action, project, target, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                seq, Timestamp.from(now), event.actor(), event.action(), event.project(), event.target(),
                details, head.hash(), hash);
        return new AuditEntry(seq, now, event.actor(), event.action(), event.project(), event.target(), details,
                head.hash(), hash);
    }

    private Head lockAndReadHead() {
        return jdbc.execute(LOCK_THEN_READ_HEAD, (PreparedStatement statement) -> {
            statement.setLong(1, CHAIN_LOCK);
            statement.execute(); // the lock's result
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("the database returned no chain head after the lock");
            }
            try (ResultSet rs = statement.getResultSet()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, AuditHash.GENESIS);
            }
        });
    }

    private record Head(long seq, String hash) {
    }
}
