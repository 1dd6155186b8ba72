package eu.enclave.orchestrator.secret;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LeaseRepository {

    private static final String COLUMNS =
            "lease_id, project, workspace, role, state, issued_at, expires_at, revoked_at";

    private final JdbcClient jdbc;

    LeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Lease lease) {
        jdbc.sql("INSERT INTO secret_leases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(lease.leaseId(), lease.project(), lease.workspace(), lease.role(), lease.state().name(),
                        Timestamp.from(lease.issuedAt()), Timestamp.from(lease.expiresAt()), null)
                .update();
    }

    Optional<Lease> find(String leaseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM secret_leases WHERE lease_id = ?").param(leaseId)
                .query(LeaseRepository::lease).optional();
    }

    /** The project's leases, newest first. */
    List<Lease> forProject(String project) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM secret_leases WHERE project = ? ORDER BY issued_at DESC,"
                + " lease_id").param(project).query(LeaseRepository::lease).list();
    }

    /** Leases not revoked yet, of one workspace or, with a null workspace, of the whole project. */
    List<Lease> active(String project, String workspace) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM secret_leases WHERE project = ? AND state = 'ACTIVE'"
                        + " AND (CAST(? AS VARCHAR) IS NULL OR workspace = ?) ORDER BY issued_at, lease_id")
                .params(project, workspace, workspace).query(LeaseRepository::lease).list();
    }

    void extend(String leaseId, Instant expiresAt) {
        jdbc.sql("UPDATE secret_leases SET expires_at = ? WHERE lease_id = ?")
                .params(Timestamp.from(expiresAt), leaseId).update();
    }

    void markRevoked(String leaseId, Instant at) {
        jdbc.sql("UPDATE secret_leases SET state = 'REVOKED', revoked_at = ? WHERE lease_id = ?")
                .params(Timestamp.from(at), leaseId).update();
    }

    private static Lease lease(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp(8);
        return new Lease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Lease.State.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
