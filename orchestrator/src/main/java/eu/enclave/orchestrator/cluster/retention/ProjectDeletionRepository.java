package eu.enclave.orchestrator.cluster.retention;

import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Deletion records in PostgreSQL, and the archived projects that need one. */
@Repository
class ProjectDeletionRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "d.project_id, d.slug, d.namespace, d.archived_at, d.result, d.reason,"
            + " d.requested_at, d.confirmed_at, d.objects::text, d.attempts, d.last_attempt_at";

    private final JdbcClient jdbc;

    ProjectDeletionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An archived project with work left, and its record so far (null before the first run). */
    record Pending(DeletionRecords.Archived project, ProjectDeletion previous) {
    }

    /**
     * Archived projects archived at or before {@code archivedUpTo} whose namespace is not known to be gone, and
     * those whose deletion is under way whatever the retention now says, oldest first.
     */
    List<Pending> findPending(Instant archivedUpTo) {
        return jdbc.sql("SELECT p.id, p.slug, p.archived_at, " + COLUMNS + " FROM projects p"
                        + " LEFT JOIN project_deletions d ON d.project_id = p.id"
                        + " WHERE p.status = 'archived' AND p.archived_at IS NOT NULL"
                        + " AND (p.archived_at <= ? OR d.result = 'DELETING')"
                        + " AND (d.result IS NULL OR d.result NOT IN ('DELETED', 'ABSENT'))"
                        + " ORDER BY p.archived_at, p.slug")
                .param(Timestamp.from(archivedUpTo))
                .query((rs, row) -> new Pending(new DeletionRecords.Archived(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getTimestamp(3).toInstant()),
                        rs.getObject(4) == null ? null : map(rs, 4)))
                .list();
    }

    Optional<ProjectDeletion> find(UUID projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_deletions d WHERE d.project_id = ?").param(projectId)
                .query((rs, row) -> map(rs, 1)).optional();
    }

    void save(ProjectDeletion d) {
        jdbc.sql("""
                        INSERT INTO project_deletions (project_id, slug, namespace, archived_at, result, reason,
                            requested_at, confirmed_at, objects, attempts, last_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET result = EXCLUDED.result, reason = EXCLUDED.reason,
                            requested_at = EXCLUDED.requested_at, confirmed_at = EXCLUDED.confirmed_at,
                            objects = EXCLUDED.objects, attempts = EXCLUDED.attempts,
                            last_attempt_at = EXCLUDED.last_attempt_at""")
                .params(d.projectId(), d.slug(), d.namespace(), Timestamp.from(d.archivedAt()), d.result().name(),
                        d.reason(), timestamp(d.requestedAt()), timestamp(d.confirmedAt()),
                        JSON.writeValueAsString(d.objects()), d.attempts(), Timestamp.from(d.lastAttemptAt()))
                .update();
    }

    private static ProjectDeletion map(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new ProjectDeletion(rs.getObject(i, UUID.class), rs.getString(i + 1), rs.getString(i + 2),
                rs.getTimestamp(i + 3).toInstant(), Result.valueOf(rs.getString(i + 4)), rs.getString(i + 5),
                instant(rs.getTimestamp(i + 6)), instant(rs.getTimestamp(i + 7)),
                JSON.readValue(rs.getString(i + 8), STRINGS), rs.getInt(i + 9), rs.getTimestamp(i + 10).toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
