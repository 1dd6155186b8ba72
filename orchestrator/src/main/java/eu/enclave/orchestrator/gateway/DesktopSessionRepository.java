package eu.enclave.orchestrator.gateway;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Desktop sessions that reached guacd, with their recording's location when recorded. */
@Repository
class DesktopSessionRepository {

    private final JdbcClient jdbc;

    DesktopSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void opened(Admission admission, String username, Instant at) {
        Recording recording = admission.recording();
        jdbc.sql("INSERT INTO desktop_sessions (id, project_id, workspace_id, workspace_name, username, opened_at,"
                        + " recording_path, recording_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(admission.sessionId(), admission.projectId(), admission.workspace().id(),
                        admission.workspace().name(), username, Timestamp.from(at),
                        recording == null ? null : recording.path(), recording == null ? null : recording.name())
                .update();
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
