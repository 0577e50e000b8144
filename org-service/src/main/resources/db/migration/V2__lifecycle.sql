ALTER TABLE organizations ADD COLUMN deleted_at timestamptz;
CREATE INDEX audit_log_actor_idx ON audit_log (org_id, actor, at);
