-- What the award request tells beyond the money: the round's spend-by date (payments dated after it
-- are flagged), the project's end and what the bid asked for (360Giving amountAppliedFor).
ALTER TABLE commitment ADD COLUMN spend_by DATE;
ALTER TABLE commitment ADD COLUMN project_end_date DATE;
ALTER TABLE commitment ADD COLUMN amount_requested NUMERIC(14, 2);
ALTER TABLE commitment ADD CONSTRAINT commitment_amount_requested_positive CHECK (amount_requested > 0);

-- A payment dated after its commitment's spend-by date is recorded, and flagged. Repayments never are.
ALTER TABLE payment ADD COLUMN after_spend_by BOOLEAN NOT NULL DEFAULT FALSE;

-- Running figures per commitment year, moved with each payment like paid and repaid, so that the
-- reconciliation report reads one row per award however many payments there are.
ALTER TABLE commitment_line ADD COLUMN last_paid_on DATE;
ALTER TABLE commitment_line ADD COLUMN paid_after_spend_by NUMERIC(14, 2) NOT NULL DEFAULT 0;
ALTER TABLE commitment_line ADD CONSTRAINT commitment_line_paid_after_spend_by_within_paid
    CHECK (paid_after_spend_by >= 0 AND paid_after_spend_by <= paid);
UPDATE commitment_line l SET last_paid_on = p.last_paid_on
FROM (SELECT commitment_id, financial_year, max(paid_on) AS last_paid_on FROM payment WHERE kind = 'PAYMENT'
      GROUP BY commitment_id, financial_year) p
WHERE p.commitment_id = l.commitment_id AND p.financial_year = l.financial_year;

-- The finance system's cost centre for a fund, if it books the fund's money under one: statements
-- may name either the fund code or the cost centre.
ALTER TABLE fund ADD COLUMN cost_centre_code VARCHAR(20);
ALTER TABLE fund ADD CONSTRAINT fund_cost_centre_code_unique UNIQUE (cost_centre_code);
