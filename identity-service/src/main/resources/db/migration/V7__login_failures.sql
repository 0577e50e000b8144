-- Failed sign-ins per account and source address (the e-mail is stored hashed: unknown addresses are
-- counted too, so that they behave exactly like known ones). A source that failed too often for one
-- account is held back for that account only; the owner signing in from elsewhere is not.
CREATE TABLE login_failures (
    email_hash   text NOT NULL,
    source       text NOT NULL,
    failures     integer NOT NULL,
    locked_until timestamptz,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (email_hash, source)
);
CREATE INDEX login_failures_updated_idx ON login_failures (updated_at);

-- the account-wide lock (a stranger could lock anyone out) is gone
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
