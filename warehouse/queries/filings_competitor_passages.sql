-- The sentences behind the "named as competitor" matrix, newest first.
-- $forms: VARCHAR[], empty = all; $filer, $competitor: VARCHAR or NULL (all);
-- $limit: INTEGER. `url` keeps only http(s) links.
SELECT filed_at, filer, competitor, form_type, accession, section, stance, evidence, passage,
       CASE WHEN lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%' THEN url END AS url
FROM filing_competitors
WHERE (len($forms::VARCHAR[]) = 0
       OR list_contains($forms::VARCHAR[], regexp_replace(upper(form_type), '/A$', '')))
  AND ($filer::VARCHAR IS NULL OR filer = $filer::VARCHAR)
  AND ($competitor::VARCHAR IS NULL OR competitor = $competitor::VARCHAR)
ORDER BY filed_at DESC NULLS LAST, filer, competitor, item_id, sentence_no
LIMIT $limit
