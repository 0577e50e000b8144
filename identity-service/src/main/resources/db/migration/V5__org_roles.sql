-- identity's read model of org memberships (from org.member-added / org.member-removed), to authorize
-- an org admin's password-reset request for a member
CREATE TABLE org_roles (
    org_id  uuid NOT NULL,
    user_id text NOT NULL,
    role    text NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_roles_user_idx ON org_roles (user_id);
