-- Money paid to a recipient against one year of a commitment, or paid back by it. Appended, never
-- changed; the commitment line and the fund-year balance move in the same transaction.
CREATE TABLE payment (
    id                UUID           PRIMARY KEY,
    commitment_id     UUID           NOT NULL REFERENCES commitment (id),
    fund_id           UUID           NOT NULL REFERENCES fund (id),
    organisation_id   VARCHAR(200)   NOT NULL,
    financial_year    VARCHAR(7)     NOT NULL,
    kind              VARCHAR(20)    NOT NULL,
    amount            NUMERIC(14, 2) NOT NULL,
    paid_on           DATE           NOT NULL,
    finance_reference VARCHAR(100)   NOT NULL,
    invoice_reference VARCHAR(100),
    timing            VARCHAR(20),
    recorded_by       VARCHAR(200)   NOT NULL,
    recorded_at       TIMESTAMPTZ    NOT NULL,
    -- the finance system's reference identifies one payment: statements are matched on it
    CONSTRAINT payment_finance_reference_unique UNIQUE (finance_reference),
    CONSTRAINT payment_amount_positive CHECK (amount > 0),
    CONSTRAINT payment_kind_known CHECK (kind IN ('PAYMENT', 'REPAYMENT')),
    CONSTRAINT payment_timing_known CHECK (timing IN ('ARREARS', 'ADVANCE'))
);
CREATE INDEX payment_commitment ON payment (commitment_id);
CREATE INDEX payment_fund_year ON payment (fund_id, financial_year);
CREATE INDEX payment_organisation ON payment (organisation_id);

-- The first answer to each creating POST sent with an Idempotency-Key, per caller: a retry with the
-- same key and body gets it again and creates nothing; the same key with another body is refused.
CREATE TABLE idempotency_key (
    caller          VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
