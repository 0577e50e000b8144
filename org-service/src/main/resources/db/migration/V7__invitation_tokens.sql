-- An invitation is accepted by the invitee through a mailed link carrying a single-use token (only its hash
-- is kept); a new invitation of the same address replaces the token, so only the newest mail works.
ALTER TABLE invitations ADD COLUMN token_hash text;
CREATE UNIQUE INDEX invitations_token_idx ON invitations (token_hash);
