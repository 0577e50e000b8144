-- one pending OIDC authorization-code flow: single-use, expiring, with its PKCE verifier and nonce
CREATE TABLE oidc_states (
    state_hash    text PRIMARY KEY,
    provider      text NOT NULL,
    nonce         text NOT NULL,
    code_verifier text NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);
