-- Rounds are drafted, edited, then opened by an officer; they close at their last deadline or by hand.
-- A draft may name the time it opens; it has none until then.
ALTER TABLE round ALTER COLUMN opens_at DROP NOT NULL;
ALTER TABLE round
    ADD COLUMN closing_dates JSONB NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN closed_at     TIMESTAMPTZ,
    ADD COLUMN closed_by     VARCHAR(200),
    ADD COLUMN close_note    VARCHAR(1000),
    ADD CONSTRAINT round_status CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    ADD CONSTRAINT round_closed_has_time CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL));
-- The closer looks for open rounds whose last deadline has passed.
CREATE INDEX round_open_deadline ON round (closes_at) WHERE status = 'OPEN';
