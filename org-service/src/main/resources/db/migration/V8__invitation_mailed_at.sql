-- When the invitation mail last went out: inviting the same address again within a few minutes sends no new mail.
ALTER TABLE invitations ADD COLUMN mailed_at timestamptz;
