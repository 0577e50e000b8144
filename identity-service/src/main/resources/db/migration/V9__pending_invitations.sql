-- identity's read model of open org invitations (org.member-invited / org.invitation-revoked / org.member-added),
-- listed in the invitee's profile.
CREATE TABLE pending_invitations (
    invitation_id uuid PRIMARY KEY,
    org_id        uuid NOT NULL,
    org_name      text,
    email         text NOT NULL,
    role          text NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX pending_invitations_email_idx ON pending_invitations (email);
