-- A submission records its status change with a plain INSERT (BidSubmissions), so the id comes from
-- the column's default rather than from blocks of ids the application took from the sequence.
ALTER SEQUENCE bid_status_change_seq INCREMENT BY 1;
ALTER SEQUENCE bid_status_change_seq OWNED BY bid_status_change.id;
ALTER TABLE bid_status_change ALTER COLUMN id SET DEFAULT nextval('bid_status_change_seq');
