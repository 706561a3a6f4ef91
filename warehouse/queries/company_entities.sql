-- What a company is mentioned as: its names, products and people (the
-- catalog's entity behind each alias), with stories, mentions and the latest
-- day, for the Company page.
-- $company: a company id; $start, $end: DATE or NULL; $limit: INTEGER.
-- Stories count the copies of one story across feeds once.
SELECT m.entity, m.entity_type, count(DISTINCT coalesce(i.story_id, i.item_id)) AS stories,
       count(*) AS mentions, max(i.published_at) AS last_seen
FROM item_mentions m
JOIN feed_items i USING (item_id)
WHERE m.company = $company::VARCHAR
  AND ($start::DATE IS NULL OR i.published_at >= $start::DATE)
  AND ($end::DATE IS NULL OR i.published_at < $end::DATE + INTERVAL 1 DAY)
GROUP BY m.entity, m.entity_type
ORDER BY stories DESC, mentions DESC, m.entity
LIMIT $limit
