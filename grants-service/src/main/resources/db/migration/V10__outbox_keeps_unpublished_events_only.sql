-- The relay deletes an event once the broker has acknowledged it (Kafka keeps what was published), instead of
-- rewriting the whole row to mark it: the outbox holds only what is still to be sent.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
ALTER TABLE outbox_event DROP COLUMN published_at;
