-- What a company is mentioned as: its names, products and people (the
-- catalog's entity behind each alias), with stories, mentions and the latest
-- day, for the Company page.
-- $company: a company id; $start, $end: DATE or NULL; $limit: INTEGER.
-- Stories count the copies of one story across feeds once. Reads
-- item_mentions alone (it carries published_at and story_id: migration 0008).
SELECT entity, entity_type, count(DISTINCT coalesce(story_id, item_id)) AS stories,
       count(*) AS mentions, max(published_at) AS last_seen
FROM item_mentions
WHERE company = $company::VARCHAR
  AND ($start::DATE IS NULL OR published_at >= $start::DATE)
  AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
GROUP BY entity, entity_type
ORDER BY stories DESC, mentions DESC, entity
LIMIT $limit
