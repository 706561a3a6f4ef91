-- The feeds that cover a company: stories and mentions per feed, first and
-- latest day, for the Company page.
-- $company: a company id; $start, $end: DATE or NULL.
-- Summed on item_mentions alone (it carries published_at and feed: migration
-- 0008), then joined with the few feeds.
WITH per_feed AS (
    SELECT feed, count(DISTINCT item_id) AS items, count(*) AS mentions,
           min(published_at) AS first_seen, max(published_at) AS last_seen
    FROM item_mentions
    WHERE company = $company::VARCHAR
      AND ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
    GROUP BY feed
)
SELECT p.feed, f.kind, f.owner, p.items, p.mentions, p.first_seen, p.last_seen
FROM per_feed p
LEFT JOIN feeds f ON f.name = p.feed
ORDER BY p.items DESC, p.feed
