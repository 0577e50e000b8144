-- The plan catalog with its entitlements; prices in cents per month (and per extra minute).
CREATE TABLE plans (
    code                     text PRIMARY KEY CHECK (code IN ('FREE', 'PRO', 'ENTERPRISE', 'ENTERPRISE_EDU')),
    monthly_price_cents      integer NOT NULL,
    overage_cents_per_minute integer NOT NULL,
    currency                 text NOT NULL,
    entitlements             jsonb NOT NULL
);
INSERT INTO plans VALUES
('FREE', 0, 0, 'USD', '{"maxWorkspaces":1,"maxMembers":3,"transcriptionMinutesPerMonth":300,"translationLanguages":0,"features":[]}'),
('PRO', 1500, 2, 'USD', '{"maxWorkspaces":10,"maxMembers":50,"transcriptionMinutesPerMonth":3000,"translationLanguages":3,"features":["realTimeTranslation","breakoutRooms"]}'),
('ENTERPRISE', 50000, 1, 'USD', '{"maxWorkspaces":1000,"maxMembers":5000,"transcriptionMinutesPerMonth":100000,"translationLanguages":20,"features":["realTimeTranslation","roleAwareSummaries","meetingEnergyDashboard","breakoutRooms","aiAttendee"]}'),
('ENTERPRISE_EDU', 30000, 1, 'USD', '{"maxWorkspaces":1000,"maxMembers":20000,"transcriptionMinutesPerMonth":100000,"translationLanguages":20,"features":["realTimeTranslation","roleAwareSummaries","examGeneration","breakoutRooms"]}');

-- usage per org, period (YYYY-MM) and meter, fed idempotently by usage.recorded
CREATE TABLE usage_records (
    org_id   uuid NOT NULL,
    period   text NOT NULL,
    meter    text NOT NULL,
    quantity bigint NOT NULL,
    PRIMARY KEY (org_id, period, meter)
);

CREATE TABLE invoices (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL REFERENCES organizations (id),
    period       text NOT NULL,
    plan         text NOT NULL,
    lines        jsonb NOT NULL,
    total_cents  bigint NOT NULL,
    currency     text NOT NULL,
    issued_at    timestamptz NOT NULL,
    UNIQUE (org_id, period)
);

-- a reference to the payment provider's method; never a card number
CREATE TABLE payment_methods (
    org_id     uuid PRIMARY KEY REFERENCES organizations (id),
    reference  text NOT NULL,
    brand      text NOT NULL,
    last4      text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    updated_at timestamptz NOT NULL
);
