-- The event-fed list of ended sessions (read model of session.revoked from cognita.identity): a token whose
-- sid is here is refused until valid_until, when the token would have expired anyway.
CREATE TABLE revoked_sessions (
    session_id  text PRIMARY KEY,
    valid_until timestamptz NOT NULL,
    revoked_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revoked_sessions_valid_until_idx ON revoked_sessions (valid_until);
