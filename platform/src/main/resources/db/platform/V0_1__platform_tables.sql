-- Platform tables every service keeps in its own schema: the transactional outbox, the consumer inbox
-- and the idempotency keys. Platform migrations are numbered 0.x so they sort before a service's own.
CREATE TABLE outbox (
    id          uuid PRIMARY KEY,
    seq         bigserial NOT NULL,
    topic       text NOT NULL,
    msg_key     text NOT NULL,
    type        text NOT NULL,
    payload     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_seq_idx ON outbox (seq);

CREATE TABLE inbox (
    consumer     text NOT NULL,
    event_id     text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE idempotency_keys (
    caller          text NOT NULL,
    idem_key        text NOT NULL,
    request_hash    text NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
