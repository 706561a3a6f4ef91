-- The feed page and `rivalwatch feeds list`: every configured feed with its
-- health, what came back last time, when it is checked next, and how many
-- items it has stored. No parameters.
-- health: off (enabled = false in feeds.toml) | disabled (410 Gone, or 30 days
-- of failure) | failing (error_count consecutive errors) | new (never fetched) | ok
WITH counts AS (
    SELECT feed, count(*) AS items, max(published_at) AS latest_item_at
    FROM feed_items
    GROUP BY feed
)
SELECT
    s.feed,
    s.kind,
    s.owner,
    CASE
        WHEN NOT s.enabled THEN 'off'
        WHEN s.disabled_at IS NOT NULL THEN 'disabled'
        WHEN s.error_count > 0 THEN 'failing'
        WHEN s.last_fetch_at IS NULL THEN 'new'
        ELSE 'ok'
    END AS health,
    s.error_count,
    s.last_status,
    s.last_outcome,
    s.last_error,
    s.last_fetch_at,
    s.last_success_at,
    s.next_check_at,
    s.first_failure_at,
    s.disabled_at,
    s.disabled_reason,
    s.interval_s,
    s.config_url,
    s.fetch_url,
    s.redirect_candidate,
    s.redirect_count,
    s.last_new_items,
    coalesce(c.items, 0) AS items,
    c.latest_item_at
FROM feed_state s
LEFT JOIN counts c ON c.feed = s.feed
WHERE s.in_config
ORDER BY
    CASE
        WHEN NOT s.enabled THEN 4
        WHEN s.disabled_at IS NOT NULL THEN 1
        WHEN s.error_count > 0 THEN 2
        ELSE 3
    END,
    s.feed
