-- Form types of the stored filings, most frequent first, for the form filter.
-- Amendments (10-K/A) are counted with their form. No parameters.
SELECT regexp_replace(upper(form_type), '/A$', '') AS form_type, count(*) AS filings
FROM filings
WHERE form_type IS NOT NULL
GROUP BY ALL
ORDER BY filings DESC, form_type
