-- Rivalry edges per speaker and stance, with their mean polarity.
-- $start, $end: DATE or NULL; $companies: VARCHAR[], empty = all; an edge
-- counts when its speaker or its target is a chosen company.
SELECT speaker, stance, count(*) AS edges, avg(polarity) AS mean_polarity
FROM rivalry_edges
WHERE ($start::DATE IS NULL OR published_at >= $start::DATE)
  AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
  AND (len($companies::VARCHAR[]) = 0
       OR list_contains($companies::VARCHAR[], speaker)
       OR list_contains($companies::VARCHAR[], target))
GROUP BY speaker, stance
ORDER BY speaker, stance
