package eu.enclave.orchestrator.gateway;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Desktop sessions that reached guacd, with their recording's location when recorded. An open one is renewed
 * ({@code last_seen_at}, the database's clock) by the replica that relays it; one not renewed for
 * {@link #STALE_AFTER} belongs to a replica that died and no longer counts as open.
 */
@Repository
class DesktopSessionRepository {

    private final JdbcClient jdbc;

    DesktopSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    void opened(Admission admission, String username, Instant at, String replica) {
        Recording recording = admission.recording();
        jdbc.sql("INSERT INTO desktop_sessions (id, project_id, workspace_id, workspace_name, username, opened_at,"
                        + " recording_path, recording_name, replica, last_seen_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())")
                .params(admission.sessionId(), admission.projectId(), admission.workspace().id(),
                        admission.workspace().name(), username, Timestamp.from(at),
                        recording == null ? null : recording.path(), recording == null ? null : recording.name(),
                        replica)
                .update();
    }

    /** The sessions this replica still relays are alive. */
    void stillOpen(Collection<UUID> sessionIds) {
        if (!sessionIds.isEmpty()) {
            jdbc.sql("UPDATE desktop_sessions SET last_seen_at = now() WHERE closed_at IS NULL AND id = ANY(?)")
                    .param(sessionIds.toArray(UUID[]::new)).update();
        }
    }

    /** Workspaces with a session open on any replica, renewed within {@link #STALE_AFTER}. */
    Set<UUID> workspacesInUse() {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT workspace_id FROM desktop_sessions WHERE closed_at IS NULL"
                        + " AND last_seen_at > now() - make_interval(secs => ?)")
                .param(STALE_AFTER.toSeconds()).query(UUID.class).list());
    }

    void closed(UUID sessionId, String reason, Instant at) {
        jdbc.sql("UPDATE desktop_sessions SET closed_at = ?, close_reason = ? WHERE id = ? AND closed_at IS NULL")
                .params(Timestamp.from(at), reason, sessionId).update();
    }

    List<RecordedSession> recorded(UUID projectId) {
        return jdbc.sql("SELECT id, workspace_name, username, opened_at, closed_at, close_reason, recording_path,"
                        + " recording_name FROM desktop_sessions WHERE project_id = ? AND recording_name IS NOT NULL"
                        + " ORDER BY opened_at DESC")
                .param(projectId)
                .query((rs, n) -> new RecordedSession(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }
}
