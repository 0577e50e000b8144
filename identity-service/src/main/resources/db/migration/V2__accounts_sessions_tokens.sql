ALTER TABLE users
    ADD COLUMN locale          text,
    ADD COLUMN timezone        text,
    ADD COLUMN avatar_url      text,
    ADD COLUMN email_verified  boolean NOT NULL DEFAULT false,
    ADD COLUMN failed_logins   integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    timestamptz,
    ADD COLUMN updated_at      timestamptz;
UPDATE users SET email_verified = true WHERE system_admin;

-- every refresh token a session was given; a used one presented again is a reuse: the session is revoked
CREATE TABLE refresh_tokens (
    token_hash  text PRIMARY KEY,
    session_id  uuid NOT NULL REFERENCES sessions (id),
    created_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);
INSERT INTO refresh_tokens (token_hash, session_id, created_at)
    SELECT refresh_token_hash, id, created_at FROM sessions;
ALTER TABLE sessions DROP COLUMN refresh_token_hash;
ALTER TABLE sessions ADD COLUMN revoked_reason text;

-- single-use, expiring tokens sent by mail (verify e-mail, reset password); only their hashes are kept
CREATE TABLE one_time_tokens (
    token_hash  text PRIMARY KEY,
    user_id     text NOT NULL REFERENCES users (id),
    purpose     text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose);

-- org:provision tokens issued by a system admin; the token's sid is this id, so revoking it works
-- like revoking a session
CREATE TABLE provisioning_tokens (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    scope       text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
