CREATE TABLE users (
    id            text PRIMARY KEY,
    email         text NOT NULL,
    password_hash text,
    display_name  text NOT NULL,
    system_admin  boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_idx ON users (email);

CREATE TABLE sessions (
    id                 uuid PRIMARY KEY,
    user_id            text NOT NULL REFERENCES users (id),
    refresh_token_hash text NOT NULL,
    created_at         timestamptz NOT NULL,
    last_seen_at       timestamptz NOT NULL,
    revoked_at         timestamptz,
    user_agent         text,
    ip                 text,
    platform           text,
    device_name        text
);
CREATE UNIQUE INDEX sessions_refresh_idx ON sessions (refresh_token_hash);
CREATE INDEX sessions_user_idx ON sessions (user_id);
