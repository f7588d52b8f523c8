-- Who last changed a fund's details, and when (fund.updated / fund.closed).
ALTER TABLE fund ADD COLUMN updated_by VARCHAR(200);
ALTER TABLE fund ADD COLUMN updated_at TIMESTAMPTZ;

-- The running totals of one fund in one financial year, changed in the same transaction as each
-- ledger entry. The CHECKs are the invariants: whatever the interleaving of transactions, a row that
-- would over-commit the year (or lower its budget below what is committed) is never written.
--   available   = budget - committed + released
--   outstanding = committed - released - (paid - repaid)
CREATE TABLE fund_year_balance (
    fund_id        UUID           NOT NULL REFERENCES fund (id),
    financial_year VARCHAR(7)     NOT NULL,
    budget         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    committed      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    released       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid           NUMERIC(14, 2) NOT NULL DEFAULT 0,
    repaid         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (fund_id, financial_year),
    CONSTRAINT balance_not_negative CHECK (budget >= 0 AND committed >= 0 AND released >= 0 AND paid >= 0 AND repaid >= 0),
    CONSTRAINT balance_within_budget CHECK (committed - released <= budget),
    CONSTRAINT balance_released_within_committed CHECK (released <= committed),
    CONSTRAINT balance_paid_within_committed CHECK (paid - repaid <= committed - released AND repaid <= paid)
);

INSERT INTO fund_year_balance (fund_id, financial_year, budget)
SELECT fund_id, financial_year, SUM(amount) FROM ledger_entry WHERE kind = 'BUDGET_SET'
GROUP BY fund_id, financial_year;

-- Money reserved for one award (one bid), possibly profiled over several financial years.
CREATE TABLE commitment (
    id                UUID           PRIMARY KEY,
    bid_id            UUID           NOT NULL,
    fund_id           UUID           NOT NULL REFERENCES fund (id),
    round_id          UUID,
    round_name        VARCHAR(200),
    organisation_id   VARCHAR(200)   NOT NULL,
    organisation_name VARCHAR(200),
    title             VARCHAR(500),
    amount            NUMERIC(14, 2) NOT NULL,
    requested_by      VARCHAR(200)   NOT NULL,
    committed_at      TIMESTAMPTZ    NOT NULL,
    version           BIGINT         NOT NULL,
    -- one award per bid: a redelivered or repeated request can never commit twice
    CONSTRAINT commitment_bid_unique UNIQUE (bid_id)
);
CREATE INDEX commitment_fund ON commitment (fund_id);
CREATE INDEX commitment_organisation ON commitment (organisation_id);

-- A commitment's share of one financial year, with what has been released from it and paid against it.
CREATE TABLE commitment_line (
    id             UUID           PRIMARY KEY,
    commitment_id  UUID           NOT NULL REFERENCES commitment (id),
    financial_year VARCHAR(7)     NOT NULL,
    committed      NUMERIC(14, 2) NOT NULL,
    released       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid           NUMERIC(14, 2) NOT NULL DEFAULT 0,
    repaid         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    version        BIGINT         NOT NULL,
    CONSTRAINT commitment_line_year_unique UNIQUE (commitment_id, financial_year),
    CONSTRAINT commitment_line_not_negative CHECK (committed > 0 AND released >= 0 AND paid >= 0 AND repaid >= 0),
    CONSTRAINT commitment_line_released_within_committed CHECK (released <= committed),
    CONSTRAINT commitment_line_paid_within_committed CHECK (paid - repaid <= committed - released AND repaid <= paid)
);

-- Ledger entries about a commitment name it.
ALTER TABLE ledger_entry ADD COLUMN commitment_id UUID REFERENCES commitment (id);
CREATE INDEX ledger_entry_commitment ON ledger_entry (commitment_id) WHERE commitment_id IS NOT NULL;

-- Every event consumed, recorded in the same transaction as its effect, so a redelivery changes nothing.
CREATE TABLE processed_event (
    event_id     UUID         PRIMARY KEY,
    type         VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);
