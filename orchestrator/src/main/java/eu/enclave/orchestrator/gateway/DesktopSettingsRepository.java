package eu.enclave.orchestrator.gateway;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each project's desktop settings, in PostgreSQL; absent until an admin sets them. */
@Repository
class DesktopSettingsRepository {

    private final JdbcClient jdbc;

    DesktopSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DesktopSettings> find(UUID projectId) {
        return jdbc.sql("SELECT paste_allowed, recording_enabled, max_session_minutes, idle_timeout_minutes"
                        + " FROM project_desktop_settings WHERE project_id = ?")
                .param(projectId)
                .query((rs, n) -> new DesktopSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4)))
                .optional();
    }

    void save(UUID projectId, DesktopSettings settings, String by, Timestamp at) {
        jdbc.sql("""
                INSERT INTO project_desktop_settings (project_id, paste_allowed, recording_enabled, max_session_minutes,
                    idle_timeout_minutes, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET paste_allowed = EXCLUDED.paste_allowed,
                    recording_enabled = EXCLUDED.recording_enabled, max_session_minutes = EXCLUDED.max_session_minutes,
                    idle_timeout_minutes = EXCLUDED.idle_timeout_minutes, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""")
                .params(projectId, settings.pasteAllowed(), settings.recordingEnabled(), settings.maxSessionMinutes(),
                        settings.idleTimeoutMinutes(), by, at)
                .update();
    }
}
