CREATE TABLE fund (
    id             UUID         PRIMARY KEY,
    code           VARCHAR(20)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    description    TEXT,
    funding_source VARCHAR(40)  NOT NULL,
    ring_fenced    BOOLEAN      NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT fund_code_unique UNIQUE (code),
    CONSTRAINT fund_status_known CHECK (status IN ('OPEN', 'CLOSED'))
);

-- Append-only: money is never updated or deleted, only recorded again. A fund's budget for a
-- financial year is the sum of its BUDGET_SET entries for that year.
CREATE TABLE ledger_entry (
    id             UUID           PRIMARY KEY,
    fund_id        UUID           NOT NULL REFERENCES fund (id),
    financial_year VARCHAR(7)     NOT NULL,
    kind           VARCHAR(30)    NOT NULL,
    amount         NUMERIC(14, 2) NOT NULL,
    reason         TEXT,
    recorded_by    VARCHAR(200)   NOT NULL,
    recorded_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX ledger_entry_fund_year ON ledger_entry (fund_id, financial_year);
