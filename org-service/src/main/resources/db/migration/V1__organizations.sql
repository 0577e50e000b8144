CREATE TABLE tenant_defaults (
    org_type         text PRIMARY KEY CHECK (org_type IN ('EDUCATION', 'ENTERPRISE', 'GOVERNMENT', 'NONPROFIT')),
    billing_plan     text NOT NULL CHECK (billing_plan IN ('FREE', 'PRO', 'ENTERPRISE', 'ENTERPRISE_EDU')),
    trial_months     integer NOT NULL CHECK (trial_months >= 0),
    settings         jsonb NOT NULL,
    feature_flags    jsonb NOT NULL,
    retention_policy jsonb NOT NULL
);

CREATE TABLE organizations (
    id                 uuid PRIMARY KEY,
    name               text NOT NULL,
    org_type           text NOT NULL REFERENCES tenant_defaults (org_type),
    billing_account_id text,
    payer_user_id      text,
    billing_plan       text NOT NULL,
    trial_end_date     timestamptz,
    is_suspended       boolean NOT NULL DEFAULT false,
    suspension_reason  text,
    suspension_date    timestamptz,
    settings           jsonb NOT NULL,
    feature_flags      jsonb NOT NULL,
    retention_policy   jsonb NOT NULL,
    allowed_domains    jsonb NOT NULL DEFAULT '[]',
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint NOT NULL DEFAULT 0
);
CREATE INDEX organizations_page_idx ON organizations (created_at, id);

CREATE TABLE org_members (
    org_id     uuid NOT NULL REFERENCES organizations (id),
    user_id    text NOT NULL,
    role       text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_members_user_idx ON org_members (user_id, org_id);

CREATE TABLE audit_log (
    id         uuid PRIMARY KEY,
    org_id     uuid NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    target     text NOT NULL,
    before     jsonb,
    after      jsonb,
    request_id text,
    at         timestamptz NOT NULL
);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, at, id);

-- The tenant defaults a new organization starts with, per orgType (changed later through
-- PUT /api/config/tenant-defaults). An education org gets enterprise_edu with a three-month trial.
INSERT INTO tenant_defaults (org_type, billing_plan, trial_months, settings, feature_flags, retention_policy) VALUES
('EDUCATION', 'ENTERPRISE_EDU', 3,
 '{"timezone":"UTC","defaultLanguage":"en-US","complianceMode":"ferpa","recordingConsent":"required","aiSummaries":"basic","educationMode":true,"dlpEnabled":true,"translationEnabled":true,"realTimeSummaries":false,"lmsIntegration":"none","retentionAlerts":true}',
 '{"realTimeTranslation":false,"roleAwareSummaries":false,"examGeneration":true,"meetingEnergyDashboard":false,"breakoutRooms":true,"aiAttendee":false}',
 '{"transcripts":"730d","recordings":"365d","chatLogs":"365d","userData":"1825d","examData":"3650d"}'),
('ENTERPRISE', 'ENTERPRISE', 1,
 '{"timezone":"UTC","defaultLanguage":"en-US","complianceMode":"none","recordingConsent":"optional","aiSummaries":"basic","educationMode":false,"dlpEnabled":false,"translationEnabled":true,"realTimeSummaries":false,"lmsIntegration":"none","retentionAlerts":true}',
 '{"realTimeTranslation":false,"roleAwareSummaries":true,"examGeneration":false,"meetingEnergyDashboard":true,"breakoutRooms":true,"aiAttendee":false}',
 '{"transcripts":"365d","recordings":"180d","chatLogs":"365d","userData":"1825d","examData":"365d"}'),
('GOVERNMENT', 'ENTERPRISE', 1,
 '{"timezone":"UTC","defaultLanguage":"en-US","complianceMode":"none","recordingConsent":"required","aiSummaries":"disabled","educationMode":false,"dlpEnabled":true,"translationEnabled":false,"realTimeSummaries":false,"lmsIntegration":"none","retentionAlerts":true}',
 '{"realTimeTranslation":false,"roleAwareSummaries":false,"examGeneration":false,"meetingEnergyDashboard":false,"breakoutRooms":true,"aiAttendee":false}',
 '{"transcripts":"indefinite","recordings":"indefinite","chatLogs":"indefinite","userData":"indefinite","examData":"indefinite"}'),
('NONPROFIT', 'PRO', 1,
 '{"timezone":"UTC","defaultLanguage":"en-US","complianceMode":"none","recordingConsent":"optional","aiSummaries":"basic","educationMode":false,"dlpEnabled":false,"translationEnabled":true,"realTimeSummaries":false,"lmsIntegration":"none","retentionAlerts":false}',
 '{"realTimeTranslation":false,"roleAwareSummaries":false,"examGeneration":false,"meetingEnergyDashboard":false,"breakoutRooms":true,"aiAttendee":false}',
 '{"transcripts":"365d","recordings":"90d","chatLogs":"365d","userData":"730d","examData":"365d"}');
