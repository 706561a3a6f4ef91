-- The most frequent speaker -> target pairs, their most common stance, mean
-- polarity and latest statement.
-- $start, $end: DATE or NULL; $companies: VARCHAR[], empty = all (speaker or
-- target chosen); $limit: INTEGER.
SELECT speaker, target, count(*) AS edges, mode(stance) AS main_stance,
       avg(polarity) AS mean_polarity, max(published_at) AS last_seen
FROM rivalry_edges
WHERE ($start::DATE IS NULL OR published_at >= $start::DATE)
  AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
  AND (len($companies::VARCHAR[]) = 0
       OR list_contains($companies::VARCHAR[], speaker)
       OR list_contains($companies::VARCHAR[], target))
GROUP BY speaker, target
ORDER BY edges DESC, last_seen DESC NULLS LAST, speaker, target
LIMIT $limit
