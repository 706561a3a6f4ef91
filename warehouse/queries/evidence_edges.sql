-- Rivalry edges with their evidence, newest first, for the Evidence page.
-- $speakers, $targets, $stances: VARCHAR[], empty = all; $start, $end: DATE or
-- NULL; $pattern: an ILIKE pattern (backslash escapes) matched against the
-- evidence, sentence, title and speaker name, or NULL; $limit: INTEGER.
-- `url` is NULL unless it is an http(s) address, so only web links become
-- clickable; `matching` is the number of rows before the limit.
SELECT published_at, speaker, target, stance, polarity, evidence, speaker_name,
       speaker_via, feed, title,
       CASE WHEN lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%' THEN url END AS url,
       item_id, sentence_no,
       count(*) OVER () AS matching
FROM rivalry_edges
WHERE (len($speakers::VARCHAR[]) = 0 OR list_contains($speakers::VARCHAR[], speaker))
  AND (len($targets::VARCHAR[]) = 0 OR list_contains($targets::VARCHAR[], target))
  AND (len($stances::VARCHAR[]) = 0 OR list_contains($stances::VARCHAR[], stance))
  AND ($start::DATE IS NULL OR published_at >= $start::DATE)
  AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
  AND ($pattern::VARCHAR IS NULL
       OR evidence ILIKE $pattern::VARCHAR ESCAPE '\'
       OR sentence ILIKE $pattern::VARCHAR ESCAPE '\'
       OR title ILIKE $pattern::VARCHAR ESCAPE '\'
       OR speaker_name ILIKE $pattern::VARCHAR ESCAPE '\')
ORDER BY published_at DESC NULLS LAST, speaker, target, item_id, sentence_no
LIMIT $limit
