-- Each channel's dispatcher claims its due deliveries soonest first. With the channel ahead of the
-- due time, a claim reads only the batch it takes, in index order; the index it replaces made the
-- planner (which may know nothing of the table's contents) fetch and sort every due delivery of
-- every channel for each claim, a cost that grew with the backlog.
CREATE INDEX delivery_due_by_channel ON delivery (channel, next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
DROP INDEX delivery_due;
