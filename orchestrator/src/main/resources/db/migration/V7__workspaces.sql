-- Researchers' workspaces. The desktop password is never stored here: only in the cluster's Secret.
CREATE TABLE workspaces (
    id              UUID          PRIMARY KEY,
    project_id      UUID          NOT NULL REFERENCES projects (id),
    name            VARCHAR(30)   NOT NULL CHECK (name ~ '^[a-z]([-a-z0-9]*[a-z0-9])?$'),
    owner_id        UUID          NOT NULL REFERENCES platform.users (id),
    template        VARCHAR(63)   NOT NULL,
    cpu             VARCHAR(32)   NOT NULL,
    memory          VARCHAR(32)   NOT NULL,
    gpus            INTEGER       NOT NULL CHECK (gpus >= 0),
    status          VARCHAR(16)   NOT NULL
                    CHECK (status IN ('pending', 'starting', 'running', 'stopping', 'stopped', 'failed')),
    -- why it failed or was stopped by the platform (idle, project suspended); empty otherwise
    reason          TEXT          NOT NULL DEFAULT '',
    -- last start or last desktop session closed: where the idle timer starts
    active_since    TIMESTAMPTZ   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    UNIQUE (project_id, name)
);

CREATE INDEX workspaces_running ON workspaces (status) WHERE status IN ('pending', 'starting', 'running');
