-- meeting-service's own view of workspaces (fed by cognita.workspace): which org a workspace belongs to, who
-- sees it, and its members with their roles
CREATE TABLE workspace_view (
    workspace_id uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    visibility   text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE workspace_member_view (
    workspace_id uuid NOT NULL,
    user_id      text NOT NULL,
    role         text NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_member_view_user_idx ON workspace_member_view (user_id);

CREATE TABLE meetings (
    id               uuid PRIMARY KEY,
    workspace_id     uuid NOT NULL,
    org_id           uuid NOT NULL,
    title            text NOT NULL,
    status           text NOT NULL CHECK (status IN ('SCHEDULED', 'LIVE', 'ENDED')),
    scheduled_for    timestamptz,
    started_at       timestamptz,
    ended_at         timestamptz,
    host_user_id     text NOT NULL,
    created_at       timestamptz NOT NULL,
    transcript_state text NOT NULL DEFAULT 'NONE',
    version          integer NOT NULL DEFAULT 0
);
CREATE INDEX meetings_workspace_idx ON meetings (workspace_id, created_at DESC, id DESC);
CREATE INDEX meetings_org_idx ON meetings (org_id);

CREATE TABLE participants (
    meeting_id        uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    user_id           text NOT NULL,
    role              text NOT NULL CHECK (role IN ('HOST', 'PARTICIPANT')),
    joined_at         timestamptz NOT NULL,
    left_at           timestamptz,
    recording_consent boolean,
    PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE uploads (
    id            uuid PRIMARY KEY,
    meeting_id    uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id        uuid NOT NULL,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL,
    sha256        text NOT NULL,
    part_size     bigint NOT NULL,
    part_count    integer NOT NULL,
    object_key    text NOT NULL,
    store_ref     text,
    status        text NOT NULL CHECK (status IN ('OPEN', 'COMPLETING', 'COMPLETED')),
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX uploads_expiry_idx ON uploads (expires_at) WHERE status <> 'COMPLETED';

CREATE TABLE upload_parts (
    upload_id    uuid NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    part_number  integer NOT NULL,
    size_bytes   bigint NOT NULL,
    sha256       text NOT NULL,
    etag         text,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);

CREATE TABLE recordings (
    id            uuid PRIMARY KEY,
    meeting_id    uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id        uuid NOT NULL,
    upload_id     uuid NOT NULL UNIQUE,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL,
    sha256        text NOT NULL,
    location      text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX recordings_org_idx ON recordings (org_id, created_at);
