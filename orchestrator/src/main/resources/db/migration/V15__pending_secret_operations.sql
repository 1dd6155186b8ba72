-- Vault work that failed once and is retried until it succeeds (docs/vault.md#pending-operations): revoking a
-- workspace's database lease at its stop or its project's suspension, destroying a project's paths at archive.
-- Never a secret's value: lease ids and paths only, and Vault's reason for the last failure.
CREATE TABLE pending_secret_operations (
    id               UUID         PRIMARY KEY,
    kind             VARCHAR(32)  NOT NULL CHECK (kind IN ('REVOKE_LEASE', 'DESTROY_PROJECT_SECRETS')),
    project          VARCHAR(40)  NOT NULL,
    workspace        VARCHAR(63),
    lease_id         TEXT,
    cause            TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    attempts         INTEGER      NOT NULL CHECK (attempts >= 1),
    last_error       TEXT         NOT NULL,
    last_attempt_at  TIMESTAMPTZ  NOT NULL,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    done_at          TIMESTAMPTZ,
    CHECK ((kind = 'REVOKE_LEASE') = (lease_id IS NOT NULL))
);
-- one open operation per lease, and per project for the destruction of its paths
CREATE UNIQUE INDEX pending_secret_operations_open ON pending_secret_operations (kind, project, COALESCE(lease_id, ''))
    WHERE done_at IS NULL;
CREATE INDEX pending_secret_operations_due ON pending_secret_operations (next_attempt_at) WHERE done_at IS NULL;
