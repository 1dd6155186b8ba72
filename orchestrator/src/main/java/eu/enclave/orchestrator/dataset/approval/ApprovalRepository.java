package eu.enclave.orchestrator.dataset.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dataset approvals in PostgreSQL, each read with its dataset's name. */
@Repository
public class ApprovalRepository {

    private static final String SELECT = "SELECT a.id, a.dataset_id, d.name, a.project_id, a.start_date, a.end_date,"
            + " a.reference, a.approved_by, a.approved_at, a.revoked_by, a.revoked_at, a.revoke_reason"
            + " FROM dataset_approvals a JOIN datasets d ON d.id = a.dataset_id";

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every approval of the project, newest decision first. */
    public List<Approval> findByProject(UUID projectId) {
        return jdbc.sql(SELECT + " WHERE a.project_id = ? ORDER BY a.approved_at DESC, d.name")
                .param(projectId).query(ApprovalRepository::map).list();
    }

    /** The project's approvals that count on {@code day}: started, not ended, not revoked. */
    public List<Approval> findCurrent(UUID projectId, LocalDate day) {
        return jdbc.sql(SELECT + " WHERE a.project_id = ? AND a.revoked_at IS NULL AND a.start_date <= ?"
                        + " AND a.end_date >= ? ORDER BY d.name")
                .params(projectId, day, day).query(ApprovalRepository::map).list();
    }

    /** The dataset's approvals, for any project, that are not revoked and share a day with the period. */
    List<Approval> findOverlapping(UUID datasetId, LocalDate start, LocalDate end) {
        return jdbc.sql(SELECT + " WHERE a.dataset_id = ? AND a.revoked_at IS NULL AND a.start_date <= ?"
                        + " AND a.end_date >= ? ORDER BY a.start_date")
                .params(datasetId, end, start).query(ApprovalRepository::map).list();
    }

    /** Locks the approval's row until commit, so that two revocations never both apply. */
    Optional<Approval> lock(UUID projectId, UUID id) {
        return jdbc.sql(SELECT + " WHERE a.project_id = ? AND a.id = ? FOR UPDATE OF a").params(projectId, id)
                .query(ApprovalRepository::map).optional();
    }

    void insert(Approval a) {
        jdbc.sql("INSERT INTO dataset_approvals (id, dataset_id, project_id, start_date, end_date, reference,"
                        + " approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.datasetId(), a.projectId(), a.startDate(), a.endDate(), a.reference(),
                        a.approvedBy(), Timestamp.from(a.approvedAt()))
                .update();
    }

    boolean revoke(UUID id, String by, Timestamp at, String reason) {
        return jdbc.sql("UPDATE dataset_approvals SET revoked_by = ?, revoked_at = ?, revoke_reason = ?"
                        + " WHERE id = ? AND revoked_at IS NULL")
                .params(by, at, reason, id).update() == 1;
    }

    /**
     * Marks every approval whose end date is before {@code day} as recorded, and returns those it marked: each
     * exactly once, even with several replicas running this at the same moment.
     */
    List<Expired> markExpired(LocalDate day) {
        return jdbc.sql("UPDATE dataset_approvals a SET expiry_recorded = TRUE FROM datasets d, projects p"
                        + " WHERE d.id = a.dataset_id AND p.id = a.project_id AND a.end_date < ?"
                        + " AND NOT a.expiry_recorded AND a.revoked_at IS NULL"
                        + " RETURNING a.id, d.name, p.id, p.slug, a.end_date, a.reference")
                .param(day)
                .query((rs, row) -> new Expired(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getString(6)))
                .list();
    }

    record Expired(UUID id, String dataset, UUID projectId, String projectSlug, LocalDate endDate, String reference) {
    }

    private static Approval map(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp(11);
        return new Approval(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString(12));
    }
}
