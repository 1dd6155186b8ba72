-- Open desktop sessions counted across replicas (docs/gateway.md): the replica that relays a session renews
-- last_seen_at while it is open, so that a session of a replica that died stops counting once it is stale, and the
-- leader's idle stop never ends a desktop that is open on another replica.
ALTER TABLE desktop_sessions ADD COLUMN replica TEXT;
ALTER TABLE desktop_sessions ADD COLUMN last_seen_at TIMESTAMPTZ;
UPDATE desktop_sessions SET last_seen_at = COALESCE(closed_at, opened_at);
ALTER TABLE desktop_sessions ALTER COLUMN last_seen_at SET NOT NULL;
CREATE INDEX desktop_sessions_open ON desktop_sessions (workspace_id, last_seen_at) WHERE closed_at IS NULL;
