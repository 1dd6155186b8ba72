-- The outcome of the last reconcile of each project's namespace bundle: what the status endpoint shows.
-- One row per project that was ever reconciled; a project without a row has not been reconciled yet.
CREATE TABLE cluster_status (
    project_id     UUID         PRIMARY KEY REFERENCES projects (id),
    state          VARCHAR(16)  NOT NULL CHECK (state IN ('READY', 'PROGRESSING', 'FAILED')),
    -- why it is not READY; empty when READY
    reason         TEXT         NOT NULL DEFAULT '',
    reconciled_at  TIMESTAMPTZ  NOT NULL,
    -- JSON array of {kind, namespace, name, action, reason}: every desired object and every pruned one
    objects        TEXT         NOT NULL DEFAULT '[]'
);
