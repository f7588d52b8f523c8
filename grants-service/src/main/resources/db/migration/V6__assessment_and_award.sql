-- The criteria a round's bids are scored against, each with a weight.
ALTER TABLE round ADD COLUMN criteria JSONB NOT NULL DEFAULT '[]'::jsonb;

-- The award decided for a bid (amount and yearly profile) and the commitment funds-service made for it.
ALTER TABLE bid
    ADD COLUMN assessment_score NUMERIC(5, 2),
    ADD COLUMN award_amount     NUMERIC(14, 2) CHECK (award_amount > 0),
    ADD COLUMN award_profile    JSONB          NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN commitment_id    UUID;

-- One assessor's scores for one bid; scoring again replaces them.
CREATE TABLE assessment (
    id             UUID         PRIMARY KEY,
    bid_id         UUID         NOT NULL REFERENCES bid (id),
    assessor       VARCHAR(200) NOT NULL,
    scores         JSONB        NOT NULL,
    weighted_score NUMERIC(5, 2) NOT NULL,
    comment        TEXT,
    assessed_at    TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT assessment_once_per_assessor UNIQUE (bid_id, assessor)
);
