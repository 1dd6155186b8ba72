-- Leases of dynamic database credentials issued by Vault for workspaces, so that they can be listed and revoked
-- when the workspace stops or the project is suspended. Never the username or the password: Vault has them,
-- the workspace's Kubernetes Secret carries them, nothing else does.
CREATE TABLE secret_leases (
    lease_id    TEXT         PRIMARY KEY,
    project     VARCHAR(40)  NOT NULL,
    workspace   VARCHAR(63)  NOT NULL,
    role        VARCHAR(128) NOT NULL,
    state       VARCHAR(16)  NOT NULL CHECK (state IN ('ACTIVE', 'REVOKED')),
    issued_at   TIMESTAMPTZ  NOT NULL,
    -- as last granted by Vault (issue or renewal); an ACTIVE lease past it is reported EXPIRED
    expires_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX secret_leases_by_project ON secret_leases (project, workspace) WHERE state = 'ACTIVE';
