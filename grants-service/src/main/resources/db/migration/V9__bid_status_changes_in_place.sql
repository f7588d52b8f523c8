-- A bid changes status several times in its life. Without an index on status and with room left in
-- each page, PostgreSQL rewrites the row in place (a HOT update) instead of adding index entries for
-- every change. Lists filter bids by round or organisation first, whose indexes stay.
DROP INDEX IF EXISTS bid_status;
ALTER TABLE bid SET (fillfactor = 70);
