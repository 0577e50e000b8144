-- Security-relevant changes to accounts that no user asked for through the account's own credentials
-- (e.g. an unverified account taken over by the provider-verified owner of its address).
CREATE TABLE security_audit (
    id         bigserial PRIMARY KEY,
    user_id    text NOT NULL,
    action     text NOT NULL,
    detail     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_audit_user_idx ON security_audit (user_id, created_at);
