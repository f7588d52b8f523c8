-- The funds this service may open rounds for, learnt from funds-service's events.
CREATE TABLE fund (
    id         UUID         PRIMARY KEY,
    code       VARCHAR(20)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE round (
    id             UUID         PRIMARY KEY,
    fund_id        UUID         NOT NULL REFERENCES fund (id),
    name           VARCHAR(200) NOT NULL,
    financial_year VARCHAR(7)   NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    opens_at       TIMESTAMPTZ  NOT NULL,
    closes_at      TIMESTAMPTZ  NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT round_closes_after_opening CHECK (closes_at > opens_at)
);
CREATE INDEX round_fund ON round (fund_id);

CREATE TABLE bid (
    id                 UUID           PRIMARY KEY,
    round_id           UUID           NOT NULL REFERENCES round (id),
    organisation_id    VARCHAR(100)   NOT NULL,
    title              VARCHAR(200)   NOT NULL,
    summary            TEXT,
    amount_requested   NUMERIC(14, 2) NOT NULL CHECK (amount_requested > 0),
    total_project_cost NUMERIC(14, 2) CHECK (total_project_cost > 0),
    status             VARCHAR(30)    NOT NULL,
    created_by         VARCHAR(200)   NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    submitted_at       TIMESTAMPTZ,
    version            BIGINT         NOT NULL
);
CREATE INDEX bid_round ON bid (round_id);
CREATE INDEX bid_organisation ON bid (organisation_id);
