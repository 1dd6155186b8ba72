-- The data-warehouse role (in Vault's database secrets engine) a project's workspaces lease credentials for, as an
-- admin linked it. At most one per project; no row: no database credentials. Names only: never credentials.
CREATE TABLE project_database_roles (
    project_id  UUID         PRIMARY KEY REFERENCES projects (id),
    role        TEXT         NOT NULL,
    linked_by   TEXT         NOT NULL,
    linked_at   TIMESTAMPTZ  NOT NULL
);
