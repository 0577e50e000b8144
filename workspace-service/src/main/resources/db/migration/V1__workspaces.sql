CREATE TABLE workspaces (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    name         text NOT NULL,
    description  text,
    visibility   text NOT NULL CHECK (visibility IN ('ORG', 'PRIVATE')),
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      integer NOT NULL DEFAULT 0
);
CREATE INDEX workspaces_org_idx ON workspaces (org_id, created_at DESC, id DESC);

CREATE TABLE workspace_members (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      text NOT NULL,
    role         text NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
    added_by     text NOT NULL,
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_members_user_idx ON workspace_members (user_id);

-- one row per org, locked while a create counts the org's workspaces against its limit
CREATE TABLE org_workspace_quota (
    org_id uuid PRIMARY KEY
);
