-- A partner organisation's callback URL for its notifications, with the secret that signs them.
CREATE TABLE webhook (
    id              UUID          PRIMARY KEY,
    organisation_id VARCHAR(100)  NOT NULL UNIQUE,
    url             VARCHAR(2000) NOT NULL,
    -- Kept as it is: signing needs the secret itself. It is shown to the partner only once.
    secret          VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(200)
);

-- The delivery of one notification on one channel, with its state and retries.
CREATE TABLE delivery (
    id              UUID          PRIMARY KEY,
    notification_id UUID          NOT NULL REFERENCES notification (id),
    organisation_id VARCHAR(100)  NOT NULL,
    channel         VARCHAR(20)   NOT NULL,
    target          VARCHAR(2000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      VARCHAR(1000),
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT delivery_once_per_channel UNIQUE (notification_id, channel)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX delivery_organisation ON delivery (organisation_id, created_at);
