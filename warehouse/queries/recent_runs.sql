-- The latest runs (refresh, ingest, demo, ...) with their outcome and the
-- sources that failed, for the Feeds page. $limit: INTEGER.
WITH recent AS (
    SELECT *
    FROM runs
    ORDER BY started_at DESC, run_id DESC
    LIMIT $limit
),
failures AS (
    SELECT run_id,
           list(o.feed || coalesce(': ' || o.message, '') ORDER BY o.feed) AS failed
    FROM (
        SELECT run_id, unnest(from_json(detail,
               '[{"feed": "VARCHAR", "ok": "BOOLEAN", "outcome": "VARCHAR", "message": "VARCHAR"}]')) AS o
        FROM recent
        WHERE detail IS NOT NULL AND json_valid(detail) AND json_type(detail) = 'ARRAY'
    )
    WHERE NOT coalesce(o.ok, o.outcome IS DISTINCT FROM 'error')
    GROUP BY run_id
)
SELECT r.run_id, r.command, r.started_at, r.finished_at, r.status, r.items_seen, r.items_new,
       r.errors, date_diff('millisecond', r.started_at, r.finished_at) / 1000.0 AS seconds,
       coalesce(f.failed, []) AS failed
FROM recent r
LEFT JOIN failures f USING (run_id)
ORDER BY r.started_at DESC, r.run_id DESC
