-- The Overview page's KPI tiles: items, stories and mentions within the
-- chosen dates and companies, every configured feed, and the last run.
-- $start, $end: DATE or NULL (open bound); $companies: VARCHAR[], empty = all.
-- With companies chosen, items and stories are those mentioning one of them.
-- Stories count the copies of one story across feeds once.
-- Each filter has its own UNION ALL branch, switched off by a condition on
-- the parameters alone, so an unused filter costs no join (DuckDB plans the
-- query before it sees the values); base tables, not the views, for speed.
WITH dated AS (
    SELECT item_id, coalesce(story_id, item_id) AS story_id
    FROM feed_items
    WHERE ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
),
chosen_mentions AS (
    SELECT m.item_id
    FROM item_mentions m
    WHERE $start::DATE IS NULL AND $end::DATE IS NULL
      AND (len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], m.company))
    UNION ALL
    SELECT m.item_id
    FROM item_mentions m
    SEMI JOIN (SELECT item_id FROM dated WHERE $start::DATE IS NOT NULL OR $end::DATE IS NOT NULL) d
        ON d.item_id = m.item_id
    WHERE ($start::DATE IS NOT NULL OR $end::DATE IS NOT NULL)
      AND (len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], m.company))
),
chosen_items AS (
    SELECT item_id, story_id
    FROM dated
    WHERE len($companies::VARCHAR[]) = 0
    UNION ALL
    SELECT d.item_id, d.story_id
    FROM dated d
    SEMI JOIN (SELECT item_id FROM chosen_mentions WHERE len($companies::VARCHAR[]) > 0) c
        ON c.item_id = d.item_id
    WHERE len($companies::VARCHAR[]) > 0
)
SELECT
    (SELECT count(*) FROM chosen_items) AS items,
    (SELECT count(DISTINCT story_id) FROM chosen_items) AS stories,
    (SELECT count(*) FROM chosen_mentions) AS mentions,
    (SELECT count(*) FROM feeds) AS feeds,
    (SELECT max(finished_at) FROM runs) AS last_refresh,
    (SELECT arg_max(status, finished_at) FROM runs WHERE finished_at IS NOT NULL) AS last_status
