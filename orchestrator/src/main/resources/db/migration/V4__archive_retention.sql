-- When a project was archived: its namespace's retention starts then. Set by the archive transition.
ALTER TABLE projects ADD COLUMN archived_at TIMESTAMPTZ;
-- Projects archived before this column existed. Their last status change was the archive, and nothing else moves
-- an archived project's updated_at (it can no longer be edited), so updated_at is the archive time; were it ever
-- later, retention would only end later, never earlier.
UPDATE projects SET archived_at = updated_at WHERE status = 'archived' AND archived_at IS NULL;
CREATE INDEX projects_archived_at ON projects (archived_at) WHERE status = 'archived';

-- The proof of deletion of each archived project's namespace: one row per project whose retention ended, kept
-- after the namespace is gone. Its audit entries (cluster.namespace_deleted, ...deletion_confirmed) say the same.
CREATE TABLE project_deletions (
    project_id       UUID         PRIMARY KEY REFERENCES projects (id),
    slug             VARCHAR(40)  NOT NULL,
    namespace        VARCHAR(63)  NOT NULL,
    archived_at      TIMESTAMPTZ  NOT NULL,
    -- DELETING: asked for, the cluster is still emptying the namespace; DELETED: gone; ABSENT: there was none;
    -- REFUSED: the namespace is not this project's and is left alone; FAILED: the cluster call failed, retried
    result           VARCHAR(16)  NOT NULL CHECK (result IN ('DELETING', 'DELETED', 'ABSENT', 'REFUSED', 'FAILED')),
    -- why it was refused or failed; empty otherwise
    reason           TEXT         NOT NULL DEFAULT '',
    -- when the deletion was asked of the cluster, and when the namespace was seen gone
    requested_at     TIMESTAMPTZ,
    confirmed_at     TIMESTAMPTZ,
    -- JSON array of "Kind namespace/name": the project's own objects in the namespace when deletion was asked for
    objects          JSONB        NOT NULL DEFAULT '[]',
    attempts         INTEGER      NOT NULL CHECK (attempts >= 1),
    last_attempt_at  TIMESTAMPTZ  NOT NULL,
    CHECK (result NOT IN ('DELETED', 'ABSENT') OR confirmed_at IS NOT NULL),
    CHECK (result NOT IN ('DELETING', 'DELETED') OR requested_at IS NOT NULL)
);
