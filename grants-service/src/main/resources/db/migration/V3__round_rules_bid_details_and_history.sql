-- A round's eligibility rules (the RoundRules record as JSON) and the terms that go with them.
ALTER TABLE round
    ADD COLUMN rules                JSONB          NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN financial_years      JSONB          NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN pot                  NUMERIC(14, 2) CHECK (pot > 0),
    ADD COLUMN spend_by             DATE,
    ADD COLUMN grace_period_seconds BIGINT         NOT NULL DEFAULT 0 CHECK (grace_period_seconds >= 0);

-- What the rules need to know of a bid, and why it was found ineligible.
ALTER TABLE bid
    ADD COLUMN match_funding          JSONB   NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN profile                JSONB   NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN project_end_date       DATE,
    ADD COLUMN sub_funding            BOOLEAN,
    ADD COLUMN board_endorsement      BOOLEAN,
    ADD COLUMN plan_priorities        JSONB   NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN evaluation_plan        TEXT,
    ADD COLUMN sustainability_plan    TEXT,
    ADD COLUMN eligibility_violations JSONB   NOT NULL DEFAULT '[]'::jsonb;
CREATE INDEX bid_status ON bid (status);

-- Every change of a bid's status: the audit trail behind GET /api/v1/bids/{id}/history.
-- Ids come from a sequence so that the change is inserted with the bid at flush, not before it.
CREATE SEQUENCE bid_status_change_seq INCREMENT BY 50;
CREATE TABLE bid_status_change (
    id          BIGINT       PRIMARY KEY,
    bid_id      UUID         NOT NULL REFERENCES bid (id),
    from_status VARCHAR(30),
    to_status   VARCHAR(30)  NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    reason      TEXT
);
CREATE INDEX bid_status_change_bid ON bid_status_change (bid_id, changed_at, id);
