-- The event-fed view of organizations that services deciding on an org's behalf keep (read model of
-- cognita.org, switched on with cognita.org-view.enabled): who belongs to which org in which role, and the
-- org's settings, retention policy, plan entitlements and feature flags as org-service last announced them.
CREATE TABLE org_memberships (
    org_id     uuid NOT NULL,
    user_id    text NOT NULL,
    role       text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_memberships_user_idx ON org_memberships (user_id);

CREATE TABLE org_profiles (
    org_id         uuid PRIMARY KEY,
    settings       jsonb,
    retention      jsonb,
    entitlements   jsonb,
    feature_flags  jsonb,
    deleted_at     timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_profiles_deleted_idx ON org_profiles (deleted_at) WHERE deleted_at IS NOT NULL;
