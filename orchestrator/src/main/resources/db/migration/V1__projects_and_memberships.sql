CREATE TABLE projects (
    id                   UUID         PRIMARY KEY,
    slug                 VARCHAR(40)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'),
    title                VARCHAR(200) NOT NULL,
    description          VARCHAR(4000) NOT NULL DEFAULT '',
    legal_basis          VARCHAR(200) NOT NULL,
    impact_assessment    VARCHAR(200) NOT NULL DEFAULT '',
    start_date           DATE         NOT NULL,
    end_date             DATE         NOT NULL CHECK (end_date >= start_date),
    status               VARCHAR(16)  NOT NULL CHECK (status IN ('draft', 'active', 'suspended', 'archived')),
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX projects_status_end ON projects (status, end_date);

CREATE TABLE memberships (
    project_id       UUID         NOT NULL REFERENCES projects (id),
    user_id          UUID         NOT NULL REFERENCES platform.users (id),
    role             VARCHAR(16)  NOT NULL CHECK (role IN ('pi', 'researcher', 'reviewer')),
    start_date       DATE         NOT NULL,
    end_date         DATE         CHECK (end_date IS NULL OR end_date >= start_date),
    added_by         TEXT         NOT NULL,
    added_at         TIMESTAMPTZ  NOT NULL,
    -- set once the expiry has been put on the audit trail, so that it is recorded exactly once
    expiry_recorded  BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);
CREATE INDEX memberships_pending_expiry ON memberships (end_date) WHERE NOT expiry_recorded;
