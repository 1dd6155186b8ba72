-- Output requests made from inside a workspace (intake), their file groups, every version of their files, the
-- comments on them and the idempotency keys of their creation. Who may do what is ReviewAccessPolicy's; which
-- state may follow which is RequestTransitions' (docs/request-states.md). People are named by their identity
-- provider's issuer and subject (as the orchestrator knows them), never by a user id of either database.
CREATE TABLE requests (
    id                      UUID         PRIMARY KEY,
    -- project, workspace and requester come from the egress token's introspection, never from a request body
    project_slug            VARCHAR(63)  NOT NULL,
    project_id              UUID         NOT NULL,
    workspace_id            UUID         NOT NULL,
    workspace_name          VARCHAR(63)  NOT NULL,
    requester_issuer        TEXT         NOT NULL,
    requester_subject       TEXT         NOT NULL,
    requester_username      TEXT         NOT NULL,
    requester_display_name  TEXT         NOT NULL,
    title                   TEXT         NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    purpose                 TEXT         NOT NULL DEFAULT '' CHECK (char_length(purpose) <= 4000),
    status                  VARCHAR(20)  NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review', 'returned',
                                'approved', 'partially_approved', 'rejected', 'released', 'withdrawn', 'revoked',
                                'expired')),
    -- frozen at each submission: the disclosure policy's canonical text and hash (PolicyText) and the number of
    -- distinct approvals each file needs (before the +1 of a verified direct identifier)
    policy_text             TEXT,
    policy_hash             VARCHAR(71)  CHECK (policy_hash ~ '^sha256:[0-9a-f]{64}$'),
    reviewers_required      INTEGER      CHECK (reviewers_required BETWEEN 1 AND 3),
    -- 0 while a draft; 1 at the first submission, +1 at each resubmission of a returned request
    submissions             INTEGER      NOT NULL DEFAULT 0 CHECK (submissions >= 0),
    -- why the request is in its state, when someone gave a reason (revocation, withdrawal); empty otherwise
    status_reason           TEXT         NOT NULL DEFAULT '' CHECK (char_length(status_reason) <= 4000),
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    submitted_at            TIMESTAMPTZ,
    decided_at              TIMESTAMPTZ,
    CHECK ((policy_text IS NULL) = (policy_hash IS NULL) AND (policy_hash IS NULL) = (reviewers_required IS NULL)),
    CHECK ((submissions = 0) = (policy_hash IS NULL)),
    CHECK (submissions > 0 OR status IN ('draft', 'withdrawn'))
);

CREATE INDEX requests_project ON requests (project_slug, status);
CREATE INDEX requests_requester ON requests (requester_issuer, requester_subject, project_slug, created_at DESC);

-- File groups: each with the context a reviewer needs and the disclosure controls applied, both required
-- (non-blank) before submission.
CREATE TABLE request_groups (
    request_id  UUID         NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    name        VARCHAR(64)  NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    context     TEXT         NOT NULL DEFAULT '' CHECK (char_length(context) <= 4000),
    controls    TEXT         NOT NULL DEFAULT '' CHECK (char_length(controls) <= 4000),
    position    INTEGER      NOT NULL,
    PRIMARY KEY (request_id, name)
);

-- Every version of every file. A row is written only after its blob is durable in the blob store, and its
-- content (hash, size, blob) never changes: a new version is a new row linked to the one it replaces.
CREATE TABLE request_files (
    id               UUID         PRIMARY KEY,
    request_id       UUID         NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    group_name       VARCHAR(64)  NOT NULL,
    -- the name as normalised (NFC); name_key is its case-folded form, unique among a request's current files
    name             TEXT         NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 255),
    name_key         TEXT         NOT NULL,
    description      TEXT         NOT NULL DEFAULT '' CHECK (char_length(description) <= 4000),
    -- shown to reviewers, never released
    supporting       BOOLEAN      NOT NULL DEFAULT FALSE,
    version          INTEGER      NOT NULL DEFAULT 1 CHECK (version >= 1),
    previous_id      UUID         REFERENCES request_files (id),
    previous_sha256  CHAR(64),
    -- the submission that first carried this version (null while not yet submitted): votes restart only for
    -- files whose version changed
    submission       INTEGER,
    sha256           CHAR(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size             BIGINT       NOT NULL CHECK (size >= 0),
    -- from the content's first bytes at upload (OutputChecker.detectType); the checks detect again
    detected_type    VARCHAR(32)  NOT NULL,
    blob_store       VARCHAR(32)  NOT NULL,
    blob_locator     TEXT         NOT NULL,
    uploaded_at      TIMESTAMPTZ  NOT NULL,
    -- set when a new version replaces this one; null for the current version
    superseded_at    TIMESTAMPTZ,
    -- set when retention removed the blob; hash, size and audit stay
    purged_at        TIMESTAMPTZ,
    FOREIGN KEY (request_id, group_name) REFERENCES request_groups (request_id, name),
    CHECK ((version = 1) = (previous_id IS NULL) AND (previous_id IS NULL) = (previous_sha256 IS NULL))
);

CREATE UNIQUE INDEX request_files_current_name ON request_files (request_id, name_key) WHERE superseded_at IS NULL;
CREATE INDEX request_files_request ON request_files (request_id, uploaded_at);
CREATE INDEX request_files_blob ON request_files (blob_locator);
CREATE INDEX request_files_uploaded ON request_files (uploaded_at);

-- What a file is, once stored, is never rewritten: only its supersession and its purge are recorded later.
CREATE FUNCTION request_files_content_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.request_id <> OLD.request_id OR NEW.name <> OLD.name OR NEW.sha256 <> OLD.sha256
            OR NEW.size <> OLD.size OR NEW.blob_store <> OLD.blob_store OR NEW.blob_locator <> OLD.blob_locator
            OR NEW.version <> OLD.version OR NEW.previous_id IS DISTINCT FROM OLD.previous_id
            OR NEW.uploaded_at <> OLD.uploaded_at THEN
        RAISE EXCEPTION 'the content of a stored file (%) cannot be changed; add a new version', OLD.id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER request_files_immutable BEFORE UPDATE ON request_files
    FOR EACH ROW EXECUTE FUNCTION request_files_content_is_immutable();

-- Questions, answers and comments on a request or one of its files. Private comments are for reviewers only;
-- public ones are shown to the requester (questions at once, the rest once the request is returned or decided).
-- Intake writes the requester's answers and comments; review writes reviewers' questions and comments.
CREATE TABLE request_comments (
    id              UUID         PRIMARY KEY,
    request_id      UUID         NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    file_id         UUID         REFERENCES request_files (id) ON DELETE CASCADE,
    author_issuer   TEXT         NOT NULL,
    author_subject  TEXT         NOT NULL,
    author_username TEXT         NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('question', 'answer', 'comment')),
    visibility      VARCHAR(16)  NOT NULL CHECK (visibility IN ('private', 'public')),
    body            TEXT         NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    in_reply_to     UUID         REFERENCES request_comments (id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ  NOT NULL,
    CHECK (kind <> 'answer' OR in_reply_to IS NOT NULL)
);

CREATE INDEX request_comments_request ON request_comments (request_id, created_at);

-- A retried creation with the same Idempotency-Key makes one request: the key is kept per token owner for 24 h
-- with a hash of the content it came with (the same key with other content is refused).
CREATE TABLE intake_idempotency_keys (
    owner_issuer   TEXT          NOT NULL,
    owner_subject  TEXT          NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    content_hash   CHAR(64)      NOT NULL,
    request_id     UUID          NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (owner_issuer, owner_subject, idempotency_key)
);

CREATE INDEX intake_idempotency_keys_age ON intake_idempotency_keys (created_at);
