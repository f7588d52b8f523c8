-- The first answer to each creating POST sent with an Idempotency-Key, per caller. Written in the
-- same transaction as the creation; the primary key makes a concurrent duplicate wait and then replay.
CREATE TABLE idempotency_key (
    caller          VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    status          INTEGER,
    response        TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
