-- The dataset catalogue (admins) and the approvals of projects' access to datasets (data stewards).
-- The checks repeat the API's rules as a last line, so that nothing written around the service can store what the
-- reconciler would choke on.
CREATE TABLE datasets (
    id                   UUID          PRIMARY KEY,
    -- immutable: it names the claim ds-<name> and the mount point /data/<name>
    name                 VARCHAR(40)   NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'),
    description          VARCHAR(4000) NOT NULL DEFAULT '',
    owner                VARCHAR(200)  NOT NULL,
    tier                 VARCHAR(32)   NOT NULL CHECK (tier IN ('anonymised', 'pseudonymised', 'highly_sensitive')),
    min_cell_count       INTEGER       NOT NULL CHECK (min_cell_count BETWEEN 1 AND 1000),
    -- percent of a cell's total that its largest contributor may hold; NULL: not checked
    dominance_percent    INTEGER       CHECK (dominance_percent BETWEEN 50 AND 100),
    source_kind          VARCHAR(24)   NOT NULL CHECK (source_kind IN ('persistent-volume', 'nfs', 'csi')),
    volume_name          VARCHAR(253),
    storage_class        VARCHAR(253),
    nfs_server           VARCHAR(253),
    nfs_path             VARCHAR(1024),
    csi_driver           VARCHAR(63),
    csi_volume_handle    VARCHAR(1024),
    -- JSON object of string to string
    csi_attributes       TEXT,
    status               VARCHAR(16)   NOT NULL CHECK (status IN ('active', 'retired')),
    created_by           TEXT          NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    CHECK (CASE source_kind
        WHEN 'persistent-volume' THEN volume_name IS NOT NULL AND storage_class IS NOT NULL
        WHEN 'nfs' THEN nfs_server IS NOT NULL AND nfs_path IS NOT NULL
        ELSE csi_driver IS NOT NULL AND csi_volume_handle IS NOT NULL END)
);

CREATE TABLE dataset_approvals (
    id                UUID          PRIMARY KEY,
    dataset_id        UUID          NOT NULL REFERENCES datasets (id),
    project_id        UUID          NOT NULL REFERENCES projects (id),
    -- both days included
    start_date        DATE          NOT NULL,
    end_date          DATE          NOT NULL CHECK (end_date >= start_date),
    -- the data permit or authorisation number
    reference         VARCHAR(200)  NOT NULL,
    approved_by       TEXT          NOT NULL,
    approved_at       TIMESTAMPTZ   NOT NULL,
    revoked_by        TEXT,
    revoked_at        TIMESTAMPTZ,
    revoke_reason     VARCHAR(500),
    -- set once the end has been put on the audit trail, so that it is recorded exactly once
    expiry_recorded   BOOLEAN       NOT NULL DEFAULT FALSE,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX dataset_approvals_project ON dataset_approvals (project_id, start_date, end_date);
CREATE INDEX dataset_approvals_dataset ON dataset_approvals (dataset_id);
CREATE INDEX dataset_approvals_pending_expiry ON dataset_approvals (end_date)
    WHERE NOT expiry_recorded AND revoked_at IS NULL;
