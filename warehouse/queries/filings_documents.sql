-- Filing documents read (or not): one row per filing with a document row,
-- newest filing first, so truncations and failures are visible, never silent.
-- $limit: INTEGER. `url` keeps only http(s) links.
SELECT f.filed_at, coalesce(f.company, f.company_name) AS filer, f.form_type, d.accession, d.status,
       d.bytes, d.truncated, d.note, d.fetched_at,
       (SELECT count(*) FROM filing_passages p WHERE p.item_id = d.item_id) AS passages,
       CASE WHEN lower(d.url) LIKE 'http://%' OR lower(d.url) LIKE 'https://%' THEN d.url END AS url
FROM filing_documents d
JOIN filings f USING (item_id)
ORDER BY f.filed_at DESC NULLS LAST, d.accession
LIMIT $limit
