-- The filer of an EDGAR item: its CIK speaks in the filing when the feed
-- mixes several filers (latest-filings, or a combined feed).
ALTER TABLE feed_items ADD COLUMN filer_cik VARCHAR;
