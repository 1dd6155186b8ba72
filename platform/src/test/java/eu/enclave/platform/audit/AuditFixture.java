package eu.enclave.platform.audit;

import eu.enclave.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail wired by hand on a test database, with the tools a tampering DBA would use. */
final class AuditFixture {

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate transactions;
    final AuditTrail trail;
    final AuditReader reader;

    AuditFixture(TestDatabase database) {
        this.dataSource = database.dataSource();
        this.jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(manager);
        this.trail = new AuditTrail(jdbc, manager);
        this.reader = new AuditReader(jdbc, manager);
    }

    /** Appends {@code n} ordinary events, each in its own transaction, and returns them. */
    List<AuditEntry> appendSample(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(trail.record(new AuditEvent("alice", "project.updated", "cohort-" + (i % 3),
                    "project:cohort-" + (i % 3), Map.of("title", "Title " + i, "n", i))));
        }
        return entries;
    }

    List<AuditEntry> entries() {
        return jdbc.query("SELECT seq, occurred_at, actor, action, project, target, details, prev_hash, hash"
                + " FROM platform.audit_log ORDER BY seq", (rs, row) -> new AuditEntry(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9)));
    }

    /**
     * What a malicious DBA (the table's owner, or a superuser) can do: switch the append-only triggers off,
     * change history, and switch them on again, all in one transaction so that nobody sees the gap.
     */
    void tamper(String... statements) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE platform.audit_log DISABLE TRIGGER USER");
                for (String sql : statements) {
                    s.execute(sql);
                }
                s.execute("ALTER TABLE platform.audit_log ENABLE TRIGGER USER");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }
}
