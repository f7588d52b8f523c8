-- Organisations that asked to hear of a fund's rounds: round-opened notices and closing reminders.
CREATE TABLE fund_subscription (
    fund_id         UUID         NOT NULL,
    organisation_id VARCHAR(100) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(200),
    PRIMARY KEY (fund_id, organisation_id)
);
CREATE INDEX fund_subscription_organisation ON fund_subscription (organisation_id);

-- Rolling rounds have several closing dates; an ordinary round has one (its closes_at).
ALTER TABLE known_round ADD COLUMN rolling BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE known_round ADD COLUMN grace_period_seconds INTEGER NOT NULL DEFAULT 0;
-- Set by round.closed: no reminder for the round is sent after it.
ALTER TABLE known_round ADD COLUMN closed_at TIMESTAMPTZ;
CREATE INDEX known_round_fund ON known_round (fund_id);

CREATE TABLE known_round_closing (
    round_id  UUID        NOT NULL REFERENCES known_round (round_id),
    closes_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (round_id, closes_at)
);

-- Read model of awards (bid.awarded, commitment.made, commitment.released) and their payments
-- (payment.recorded), for the spend-by and evaluation reminders. Payments are kept apart so that
-- they count whichever topic's event arrives first.
CREATE TABLE known_award (
    bid_id              UUID          PRIMARY KEY,
    organisation_id     VARCHAR(100)  NOT NULL,
    round_id            UUID,
    commitment_id       UUID,
    title               VARCHAR(300),
    amount              NUMERIC(14, 2),
    released            NUMERIC(14, 2) NOT NULL DEFAULT 0,
    spend_by            DATE,
    project_end_date    DATE,
    evaluation_required BOOLEAN       NOT NULL DEFAULT FALSE,
    updated_at          TIMESTAMPTZ   NOT NULL
);

CREATE TABLE known_payment (
    payment_id UUID           PRIMARY KEY,
    bid_id     UUID           NOT NULL,
    kind       VARCHAR(20)    NOT NULL,
    amount     NUMERIC(14, 2) NOT NULL,
    paid_on    DATE           NOT NULL
);
CREATE INDEX known_payment_bid ON known_payment (bid_id);

-- Reminders about an award name its bid; which instance sent a reminder is kept for operators.
ALTER TABLE reminder ADD COLUMN bid_id UUID;
ALTER TABLE reminder ADD COLUMN sent_by VARCHAR(200);
CREATE INDEX reminder_round ON reminder (round_id) WHERE round_id IS NOT NULL;
CREATE INDEX reminder_bid ON reminder (bid_id) WHERE bid_id IS NOT NULL;

-- The type of the event a notification was made from, and the state of its deliveries as a whole.
ALTER TABLE notification ADD COLUMN event_type VARCHAR(200);
ALTER TABLE notification ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'RECORDED';
CREATE INDEX notification_status ON notification (status) WHERE status IN ('FAILED', 'DEAD');
CREATE INDEX notification_event_type ON notification (event_type, created_at);
