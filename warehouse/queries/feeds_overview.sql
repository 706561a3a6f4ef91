-- Every feed the warehouse knows (configured for refresh or only ingested),
-- with its items, latest item and fetch, and the outcome of its last run as
-- the `runs` log records it, for the Feeds page and the Overview's feed tile.
-- Runs of the last 30 days (before the latest run) are read, so the cost
-- does not grow with the log. No parameters.
-- `last_ok` is NULL when no recent run names the feed.
WITH counts AS (
    SELECT feed, count(*) AS items, max(published_at) AS latest_item_at,
           max(fetched_at) AS last_fetched_at
    FROM feed_items
    GROUP BY feed
),
recent_runs AS (
    SELECT run_id, coalesce(finished_at, started_at) AS ran_at, command,
           from_json(detail, '[{"feed": "VARCHAR", "ok": "BOOLEAN", "outcome": "VARCHAR", "message": "VARCHAR"}]') AS outcomes
    FROM runs
    WHERE detail IS NOT NULL AND json_valid(detail) AND json_type(detail) = 'ARRAY'
      AND started_at >= (SELECT max(started_at) FROM runs) - INTERVAL 30 DAY
),
outcomes AS (
    SELECT run_id, ran_at, command, unnest(outcomes, recursive := true)
    FROM recent_runs
),
last_outcome AS (
    SELECT feed, max(ran_at) AS last_run_at,
           arg_max(coalesce(ok, outcome IS DISTINCT FROM 'error'), (ran_at, run_id)) AS last_ok,
           arg_max(message, (ran_at, run_id)) AS last_message,
           arg_max(command, (ran_at, run_id)) AS last_command
    FROM outcomes
    WHERE feed IS NOT NULL
    GROUP BY feed
)
SELECT f.name AS feed, f.kind, f.owner, f.title, f.url, coalesce(c.items, 0) AS items,
       c.latest_item_at, c.last_fetched_at, o.last_run_at, o.last_ok, o.last_message,
       o.last_command
FROM feeds f
LEFT JOIN counts c ON c.feed = f.name
LEFT JOIN last_outcome o ON o.feed = f.name
ORDER BY f.name
