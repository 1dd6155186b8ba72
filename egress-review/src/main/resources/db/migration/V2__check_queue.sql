-- The automated checks: a queue in PostgreSQL (taken with FOR UPDATE SKIP LOCKED by any replica, under a lease
-- that a crashed worker lets expire, so that another replica runs the job again), and the results, recorded with
-- the policy hash and the engine version and never altered: a later run makes new rows.
CREATE TABLE check_jobs (
    id           UUID         PRIMARY KEY,
    request_id   UUID         NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    submission   INTEGER      NOT NULL CHECK (submission >= 1),
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts     INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    leased_by    TEXT,
    lease_until  TIMESTAMPTZ,
    last_error   TEXT         NOT NULL DEFAULT '',
    enqueued_at  TIMESTAMPTZ  NOT NULL,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    UNIQUE (request_id, submission)
);

CREATE INDEX check_jobs_pending ON check_jobs (enqueued_at) WHERE status IN ('queued', 'running');

-- One file's result from one run: at a submission (by the queue), or just before the release package is built
-- (pre_release, on the policy recorded on the request).
CREATE TABLE check_results (
    id                          UUID         PRIMARY KEY,
    request_id                  UUID         NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    file_id                     UUID         NOT NULL REFERENCES request_files (id) ON DELETE CASCADE,
    job_id                      UUID         REFERENCES check_jobs (id) ON DELETE SET NULL,
    purpose                     VARCHAR(16)  NOT NULL CHECK (purpose IN ('submission', 'pre_release')),
    status                      VARCHAR(8)   NOT NULL CHECK (status IN ('pass', 'review', 'fail')),
    detected_type               VARCHAR(32)  NOT NULL,
    -- JSON array of rule ids
    rules_run                   TEXT         NOT NULL,
    engine_version              TEXT         NOT NULL,
    policy_hash                 VARCHAR(71)  NOT NULL CHECK (policy_hash ~ '^sha256:[0-9a-f]{64}$'),
    verified_direct_identifier  BOOLEAN      NOT NULL,
    checked_at                  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX check_results_file ON check_results (file_id, checked_at DESC);
CREATE INDEX check_results_request ON check_results (request_id, purpose);

-- Findings with their location; values only masked, or as a keyed digest, never in clear (checks.Finding).
CREATE TABLE check_findings (
    result_id     UUID         NOT NULL REFERENCES check_results (id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,
    rule_id       VARCHAR(100) NOT NULL,
    status        VARCHAR(8)   NOT NULL CHECK (status IN ('pass', 'review', 'fail')),
    member        TEXT,
    sheet         TEXT,
    row_number    BIGINT,
    column_name   TEXT,
    line_number   BIGINT,
    page          INTEGER,
    masked_value  TEXT,
    value_digest  TEXT,
    message_en    TEXT         NOT NULL,
    message_fr    TEXT         NOT NULL,
    PRIMARY KEY (result_id, position)
);

CREATE FUNCTION check_results_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a recorded check result is never altered; record a new run instead';
END $$;

CREATE TRIGGER check_results_immutable BEFORE UPDATE ON check_results
    FOR EACH ROW EXECUTE FUNCTION check_results_are_immutable();
CREATE TRIGGER check_findings_immutable BEFORE UPDATE ON check_findings
    FOR EACH ROW EXECUTE FUNCTION check_results_are_immutable();
