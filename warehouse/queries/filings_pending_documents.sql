-- Filings of one feed whose primary document is still to fetch: never
-- fetched, or failed fewer than $max_attempts times and last tried before
-- $retry_before. Only the chosen form types ($forms, upper case); amendments
-- ("10-K/A") go with their form. Newest first, at most $limit.
SELECT d.item_id, d.accession, d.form_type, coalesce(d.url, i.url) AS url, coalesce(fd.attempts, 0) AS attempts
FROM filing_details d
JOIN feed_items i USING (item_id)
LEFT JOIN filing_documents fd ON fd.item_id = d.item_id
WHERE i.feed = $feed
  AND list_contains($forms, regexp_replace(upper(d.form_type), '/A$', ''))
  AND coalesce(d.url, i.url) IS NOT NULL
  AND (fd.item_id IS NULL
       OR (fd.text IS NULL AND fd.attempts < $max_attempts AND fd.fetched_at < $retry_before))
ORDER BY d.filed_at DESC NULLS LAST, d.item_id
LIMIT $limit
