-- Revoked sessions and org statuses are read from memory; each replica refreshes its copy with the rows changed since
-- its last look (platform RefreshedView), found by these columns. clock_timestamp(): the moment of the write, not the
-- start of its transaction, so a row's time is close to its commit.
ALTER TABLE revoked_sessions ADD COLUMN changed_at timestamptz NOT NULL DEFAULT clock_timestamp();
CREATE INDEX revoked_sessions_changed_at_idx ON revoked_sessions (changed_at);
ALTER TABLE org_status ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
CREATE INDEX org_status_updated_at_idx ON org_status (updated_at);
