package eu.enclave.orchestrator.secret;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PendingOperationRepository {

    private static final String COLUMNS = "id, kind, project, workspace, lease_id, cause, created_at, attempts,"
            + " last_error, last_attempt_at, next_attempt_at";

    private final JdbcClient jdbc;

    PendingOperationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the operation unless the same one is open already; returns whether it was recorded. */
    boolean insertIfAbsent(PendingOperation operation) {
        return jdbc.sql("INSERT INTO pending_secret_operations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(operation.id(), operation.kind().name(), operation.project(), operation.workspace(),
                        operation.leaseId(), operation.cause(), Timestamp.from(operation.createdAt()),
                        operation.attempts(), operation.lastError(), Timestamp.from(operation.lastAttemptAt()),
                        Timestamp.from(operation.nextAttemptAt()))
                .update() == 1;
    }

    /** Open operations due at {@code at}, oldest first. */
    List<PendingOperation> due(Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pending_secret_operations WHERE done_at IS NULL"
                        + " AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at")
                .param(Timestamp.from(at)).query(PendingOperationRepository::map).list();
    }

    /** The project's open operations, oldest first. */
    List<PendingOperation> openFor(String project) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pending_secret_operations WHERE done_at IS NULL AND project = ?"
                        + " ORDER BY created_at, id")
                .param(project).query(PendingOperationRepository::map).list();
    }

    void failedAgain(UUID id, String error, Instant at, Instant next) {
        jdbc.sql("UPDATE pending_secret_operations SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?,"
                        + " next_attempt_at = ? WHERE id = ?")
                .params(error, Timestamp.from(at), Timestamp.from(next), id).update();
    }

    void done(UUID id, Instant at) {
        jdbc.sql("UPDATE pending_secret_operations SET done_at = ? WHERE id = ? AND done_at IS NULL")
                .params(Timestamp.from(at), id).update();
    }

    private static PendingOperation map(ResultSet rs, int row) throws SQLException {
        return new PendingOperation(rs.getObject(1, UUID.class), PendingOperation.Kind.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant());
    }
}
