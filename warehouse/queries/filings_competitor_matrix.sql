-- "Named as competitor": filer x competitor from the competition and
-- risk-factor passages of filings (filing_competitors), for the heatmap.
-- $forms: VARCHAR[] of form types, empty = all (the page asks for annual
-- reports: 10-K, 20-F, 40-F). `filings`: how many filings name the pair;
-- `statements`: sentences; `threat`/`benchmark`: sentences whose wording says so.
SELECT filer, competitor,
       count(DISTINCT accession) AS filings,
       count(*) AS statements,
       count(*) FILTER (WHERE stance = 'threat') AS threat,
       count(*) FILTER (WHERE stance = 'benchmark') AS benchmark,
       max(filed_at) AS last_filed
FROM filing_competitors
WHERE len($forms::VARCHAR[]) = 0
   OR list_contains($forms::VARCHAR[], regexp_replace(upper(form_type), '/A$', ''))
GROUP BY ALL
ORDER BY filings DESC, statements DESC, filer, competitor
