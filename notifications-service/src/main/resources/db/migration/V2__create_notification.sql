-- A message for one audience of one organisation, made from an event of another service.
CREATE TABLE notification (
    id              UUID         PRIMARY KEY,
    organisation_id VARCHAR(100) NOT NULL,
    audience        VARCHAR(20)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    subject         VARCHAR(300),
    body            TEXT,
    bid_id          UUID,
    round_id        UUID,
    source_event_id UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    -- A second guard, behind the inbox, against notifying twice for one event.
    CONSTRAINT notification_once_per_event UNIQUE (source_event_id, audience, organisation_id)
);
CREATE INDEX notification_organisation_created ON notification (organisation_id, created_at);
