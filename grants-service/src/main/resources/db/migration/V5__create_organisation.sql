-- Applicant organisations. The id is what a partner token carries in its 'org' claim.
CREATE TABLE organisation (
    id             VARCHAR(100) PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    charity_number VARCHAR(20),
    company_number VARCHAR(8),
    postcode       VARCHAR(8),
    contact_emails JSONB        NOT NULL DEFAULT '[]'::jsonb,
    memberships    JSONB        NOT NULL DEFAULT '[]'::jsonb,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL
);
CREATE INDEX organisation_type ON organisation (type);
