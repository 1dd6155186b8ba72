-- The checks' index of earlier tables (differencing, docs/checks.md): the shapes (dimensions, count columns,
-- counts by category) of the tables of checked files. A shape is compared with new tables once its file is part
-- of a submitted request ('in_review') and, once approved, for good ('released'), under every dataset the
-- project had approved; shapes of files never submitted ('checked': pre-checks from a workspace) are not compared.
CREATE TABLE check_table_index (
    id          BIGSERIAL PRIMARY KEY,
    file_id     TEXT NOT NULL,
    table_ref   TEXT NOT NULL,
    project     TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('checked', 'in_review', 'released')),
    dimensions  TEXT NOT NULL,
    shape       JSONB NOT NULL,
    indexed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    released_at TIMESTAMPTZ,
    UNIQUE (file_id, table_ref)
);

CREATE TABLE check_table_index_scope (
    table_id BIGINT NOT NULL REFERENCES check_table_index (id) ON DELETE CASCADE,
    scope    TEXT NOT NULL, -- a dataset's name, or 'project:<slug>'
    PRIMARY KEY (table_id, scope)
);
CREATE INDEX check_table_index_scope_by_scope ON check_table_index_scope (scope);

-- Which request a file belongs to (from RequestSubmitted), so that a request's own versions are not compared
-- with each other and a resubmission drops the shapes of the versions it replaced.
CREATE TABLE check_request_files (
    request_id UUID NOT NULL,
    file_id    TEXT NOT NULL,
    PRIMARY KEY (request_id, file_id)
);
CREATE INDEX check_request_files_by_file ON check_request_files (file_id);
