-- A service's view of workspaces (fed by cognita.workspace): which org a workspace belongs to, who sees it, and its
-- members with their roles. Services that read it add classpath:db/workspaceview to their Flyway locations
-- (meeting-service created the same tables in its own V1 before this location existed).
CREATE TABLE IF NOT EXISTS workspace_view (
    workspace_id uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    visibility   text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS workspace_member_view (
    workspace_id uuid NOT NULL,
    user_id      text NOT NULL,
    role         text NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX IF NOT EXISTS workspace_member_view_user_idx ON workspace_member_view (user_id);
