-- The event-fed view of organization status that every service keeps (read model of cognita.org).
CREATE TABLE org_status (
    org_id     uuid PRIMARY KEY,
    status     text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
    reason     text,
    updated_at timestamptz NOT NULL DEFAULT now()
);
