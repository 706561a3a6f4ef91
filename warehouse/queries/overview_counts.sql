-- The Overview page's KPI tiles: items, mentions and rivalry edges within the
-- chosen dates and companies, every configured feed, and the last refresh.
-- $start, $end: DATE or NULL (open bound); $companies: VARCHAR[], empty = all.
-- An edge counts when its speaker or its target is a chosen company.
WITH chosen_mentions AS (
    SELECT item_id
    FROM mentions
    WHERE ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
      AND (len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], company))
),
chosen_items AS (
    SELECT item_id
    FROM items
    WHERE ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
      AND (len($companies::VARCHAR[]) = 0 OR item_id IN (SELECT item_id FROM chosen_mentions))
),
chosen_edges AS (
    SELECT item_id
    FROM rivalry_edges
    WHERE ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
      AND (len($companies::VARCHAR[]) = 0
           OR list_contains($companies::VARCHAR[], speaker)
           OR list_contains($companies::VARCHAR[], target))
)
SELECT
    (SELECT count(*) FROM chosen_items) AS items,
    (SELECT count(*) FROM chosen_mentions) AS mentions,
    (SELECT count(*) FROM chosen_edges) AS edges,
    (SELECT count(*) FROM feeds) AS feeds,
    (SELECT max(finished_at) FROM runs) AS last_refresh,
    (SELECT arg_max(status, finished_at) FROM runs WHERE finished_at IS NOT NULL) AS last_status
