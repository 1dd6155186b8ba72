package eu.enclave.platform.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Reads the chain back: verification walks all of it, export streams a time range as JSON Lines. */
public class AuditReader {

    private static final int FETCH_SIZE = 5_000;
    private static final String COLUMNS =
            "seq, occurred_at, actor, action, project, target, details, prev_hash, hash";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public AuditReader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public AuditVerification verify() {
        ChainWalk walk = new ChainWalk();
        stream("SELECT " + COLUMNS + " FROM platform.audit_log ORDER BY seq", walk::accept);
        return walk.result();
    }

    /** Writes every entry with {@code from <= occurredAt < to}, one JSON object a line, in chain order. */
    public long export(Instant from, Instant to, OutputStream out) {
        long[] written = {0};
        stream("SELECT " + COLUMNS + " FROM platform.audit_log WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq",
                entry -> {
                    writeLine(entry, out);
                    written[0]++;
                    return true;
                }, Timestamp.from(from), Timestamp.from(to));
        return written[0];
    }

    /** Postgres streams with a cursor only inside a transaction; otherwise it would load the whole table. */
    private void stream(String sql, Predicate<AuditEntry> consumer, Object... args) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, (ResultSetExtractor<Void>) rs -> {
            while (rs.next() && consumer.test(entry(rs))) {
                // consumer decides whether to go on
            }
            return null;
        }, args));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static void writeLine(AuditEntry e, OutputStream out) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", e.seq());
        line.put("occurredAt", e.occurredAt().toString());
        line.put("actor", e.actor());
        line.put("action", e.action());
        line.put("project", e.project());
        line.put("target", e.target());
        line.put("details", e.details());
        line.put("prevHash", e.prevHash());
        line.put("hash", e.hash());
        try {
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
