-- The Filings page's timeline: filings and docket entries per company.
-- A filing sits on its filer (the catalog company, else EDGAR's name for it);
-- a docket entry on each catalog company named in its case (`parties`), else
-- on its case name. $forms: VARCHAR[] of form types, empty = all (amendments
-- such as 10-K/A go with their form); $companies: VARCHAR[], empty = all;
-- $dockets: BOOLEAN, include docket entries. `url` keeps only http(s) links.
WITH filed AS (
    SELECT 'filing' AS kind, coalesce(company, company_name, cik) AS company, filed_at AS day,
           form_type AS label, accession AS reference, title, url, feed
    FROM filings
    WHERE len($forms::VARCHAR[]) = 0
       OR list_contains($forms::VARCHAR[], regexp_replace(upper(form_type), '/A$', ''))
),
entries AS (
    SELECT 'docket' AS kind, coalesce(party, case_name, case_number) AS company, filed_at AS day,
           'docket entry' AS label, case_number || coalesce(' #' || entry_number, '') AS reference,
           coalesce(case_name || ': ', '') || coalesce(description, '') AS title, url, feed
    FROM (SELECT *, unnest(CASE WHEN len(parties) > 0 THEN parties ELSE [NULL::VARCHAR] END) AS party
          FROM docket_entries)
    WHERE $dockets::BOOLEAN
)
SELECT kind, company, day, label, reference, title,
       CASE WHEN lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%' THEN url END AS url, feed
FROM (SELECT * FROM filed UNION ALL SELECT * FROM entries)
WHERE day IS NOT NULL
  AND (len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], company))
ORDER BY day DESC, company, reference
