-- An OIDC sign-in is bound to the browser that started it (a cookie whose hash is kept here), and its
-- callback no longer returns tokens: it leaves a short-lived single-use login code that the same browser
-- exchanges with a POST.
ALTER TABLE oidc_states ADD COLUMN browser_hash text;
ALTER TABLE oidc_states ADD COLUMN login_code_hash text;
ALTER TABLE oidc_states ADD COLUMN user_id text;
ALTER TABLE oidc_states ADD COLUMN code_expires_at timestamptz;
ALTER TABLE oidc_states ADD COLUMN code_used_at timestamptz;
CREATE UNIQUE INDEX oidc_states_login_code_idx ON oidc_states (login_code_hash);
