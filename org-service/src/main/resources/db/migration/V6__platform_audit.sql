-- Changes to the platform's configuration (tenant defaults) belong to no organization: their audit
-- entries have no org_id and are read by system admins at GET /api/config/audit-logs.
ALTER TABLE audit_log ALTER COLUMN org_id DROP NOT NULL;
CREATE INDEX audit_log_platform_idx ON audit_log (at, id) WHERE org_id IS NULL;
