-- allowed e-mail domains with their verification state (DNS TXT _cognita.<domain>)
CREATE TABLE org_domains (
    org_id             uuid NOT NULL REFERENCES organizations (id),
    domain             text NOT NULL,
    state              text NOT NULL CHECK (state IN ('PENDING', 'VERIFIED', 'FAILED')),
    verification_token text NOT NULL,
    last_checked_at    timestamptz,
    verified_at        timestamptz,
    created_at         timestamptz NOT NULL,
    PRIMARY KEY (org_id, domain)
);
CREATE INDEX org_domains_verified_idx ON org_domains (domain) WHERE state = 'VERIFIED';
INSERT INTO org_domains (org_id, domain, state, verification_token, created_at)
    SELECT o.id, d.value, 'PENDING', md5(random()::text || o.id::text || d.value), now()
    FROM organizations o, jsonb_array_elements_text(o.allowed_domains) AS d(value);
