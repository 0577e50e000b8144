-- org-service's read model of identity's users (from user.* events): who exists, by which address
CREATE TABLE known_users (
    user_id        text PRIMARY KEY,
    email          text NOT NULL,
    email_verified boolean NOT NULL DEFAULT false,
    deleted        boolean NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX known_users_email_idx ON known_users (email);

-- an invitation to an address that has no verified account yet; accepted when it is verified
CREATE TABLE invitations (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES organizations (id),
    email       text NOT NULL,
    role        text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    invited_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    UNIQUE (org_id, email)
);
CREATE INDEX invitations_email_idx ON invitations (email) WHERE accepted_at IS NULL;
