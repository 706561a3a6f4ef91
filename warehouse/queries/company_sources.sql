-- The feeds that cover a company: stories and mentions per feed, first and
-- latest day, for the Company page.
-- $company: a company id; $start, $end: DATE or NULL.
SELECT i.feed, any_value(f.kind) AS kind, any_value(f.owner) AS owner,
       count(DISTINCT i.item_id) AS items, count(*) AS mentions,
       min(i.published_at) AS first_seen, max(i.published_at) AS last_seen
FROM item_mentions m
JOIN feed_items i USING (item_id)
LEFT JOIN feeds f ON f.name = i.feed
WHERE m.company = $company::VARCHAR
  AND ($start::DATE IS NULL OR i.published_at >= $start::DATE)
  AND ($end::DATE IS NULL OR i.published_at < $end::DATE + INTERVAL 1 DAY)
GROUP BY i.feed
ORDER BY items DESC, i.feed
