-- The audit trail: append-only, hash-chained. Each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_log (
    seq          BIGINT       PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        TEXT         NOT NULL,
    action       TEXT         NOT NULL,
    project      TEXT,
    target       TEXT,
    details      TEXT         NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL UNIQUE
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX audit_log_project ON audit_log (project, seq);

-- The database itself refuses to change or remove history, whatever role the application connects with.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
