-- Read model of grants-service's rounds: what reminders need to know of a deadline.
CREATE TABLE known_round (
    round_id   UUID         PRIMARY KEY,
    fund_id    UUID         NOT NULL,
    fund_name  VARCHAR(300) NOT NULL,
    name       VARCHAR(300) NOT NULL,
    closes_at  TIMESTAMPTZ  NOT NULL,
    spend_by   DATE,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Read model of grants-service's bids: which organisation has a draft in which round.
CREATE TABLE known_bid (
    bid_id          UUID         PRIMARY KEY,
    round_id        UUID         NOT NULL,
    organisation_id VARCHAR(100) NOT NULL,
    title           VARCHAR(300),
    status          VARCHAR(20)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX known_bid_round_status ON known_bid (round_id, status);

-- One reminder per occasion and recipient, ever: the unique key makes it fire at most once,
-- whatever the number of instances or restarts.
CREATE TABLE reminder (
    id              UUID         PRIMARY KEY,
    occasion        VARCHAR(200) NOT NULL,
    recipient       VARCHAR(100) NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    round_id        UUID,
    due_at          TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    reason          VARCHAR(300),
    sent_at         TIMESTAMPTZ,
    notification_id UUID,
    CONSTRAINT reminder_once UNIQUE (occasion, recipient)
);
CREATE INDEX reminder_due ON reminder (due_at) WHERE status = 'SCHEDULED';

-- A notification is made from an event or from a reminder falling due; each at most once.
ALTER TABLE notification ALTER COLUMN source_event_id DROP NOT NULL;
ALTER TABLE notification ADD COLUMN reminder_id UUID;
ALTER TABLE notification ADD CONSTRAINT notification_once_per_reminder UNIQUE (reminder_id);
