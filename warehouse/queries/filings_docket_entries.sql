-- The entries of one case, oldest first, for its timeline.
-- $case_number: VARCHAR; $court: VARCHAR or NULL (any court).
-- `url` keeps only http(s) links.
SELECT filed_at, entry_number, description, case_name, court,
       CASE WHEN lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%' THEN url END AS url
FROM docket_entries
WHERE case_number = $case_number::VARCHAR
  AND ($court::VARCHAR IS NULL OR court = $court::VARCHAR)
ORDER BY filed_at, entry_number
