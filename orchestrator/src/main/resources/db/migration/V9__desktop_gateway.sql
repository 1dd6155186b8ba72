-- Remote desktop settings per project (docs/gateway.md). A project without a row uses the defaults of
-- enclave.desktop.* (paste allowed, no recording, the configured session limits).
CREATE TABLE project_desktop_settings (
    project_id            UUID         PRIMARY KEY REFERENCES projects (id),
    paste_allowed         BOOLEAN      NOT NULL,
    recording_enabled     BOOLEAN      NOT NULL,
    max_session_minutes   INTEGER      NOT NULL CHECK (max_session_minutes BETWEEN 1 AND 1440),
    idle_timeout_minutes  INTEGER      NOT NULL CHECK (idle_timeout_minutes BETWEEN 1 AND 1440),
    updated_by            TEXT         NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);

-- One row per desktop session that reached guacd; the id is the tunnel's UUID. A recorded session names the
-- file guacd writes (recording_path/recording_name); the same location is in the desktop.connected audit entry.
CREATE TABLE desktop_sessions (
    id              UUID         PRIMARY KEY,
    project_id      UUID         NOT NULL REFERENCES projects (id),
    workspace_id    UUID         NOT NULL,
    workspace_name  TEXT         NOT NULL,
    username        TEXT         NOT NULL,
    opened_at       TIMESTAMPTZ  NOT NULL,
    closed_at       TIMESTAMPTZ,
    close_reason    TEXT,
    recording_path  TEXT,
    recording_name  TEXT
);
CREATE INDEX desktop_sessions_recorded ON desktop_sessions (project_id, opened_at) WHERE recording_name IS NOT NULL;
