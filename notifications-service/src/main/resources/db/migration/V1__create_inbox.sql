-- Every event consumed, recorded in the same transaction as its effect, so a redelivery changes nothing.
CREATE TABLE processed_event (
    event_id     UUID         PRIMARY KEY,
    type         VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);
