-- Applicant organisations' contact addresses, as the latest bid event that carried them said.
CREATE TABLE organisation_contact (
    organisation_id VARCHAR(100) PRIMARY KEY,
    emails          TEXT         NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
