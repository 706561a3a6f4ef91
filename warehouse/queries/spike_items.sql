-- The stories behind a company's spike: every story counted for $company on
-- $day (as company_days counts them: a story counts on the day of its first
-- copy that names the company), with its title, first sentence naming the
-- company, and every feed and web address that carried it.
-- $company: a company id; $day: DATE. `url` and `source_urls` keep only
-- http(s) addresses.
-- The candidates are the stories with a mention of the company that day, read
-- from item_mentions alone (it carries published_at and story_id: migration
-- 0008), so only that day's row groups are read; their copies are found on
-- feed_items' story ids alone and read by rowid.
WITH that_day AS (
    SELECT DISTINCT coalesce(story_id, item_id) AS story_id
    FROM item_mentions
    WHERE company = $company::VARCHAR
      AND published_at >= $day::DATE AND published_at < $day::DATE + INTERVAL 1 DAY
),
named AS (
    SELECT item_id, min(sentence_no) AS sentence_no, count(*) AS mentions
    FROM item_mentions
    WHERE company = $company::VARCHAR
      AND coalesce(story_id, item_id) IN (SELECT story_id FROM that_day)
    GROUP BY item_id
),
copies AS (
    SELECT coalesce(i.story_id, i.item_id) AS story_id, i.item_id, i.feed, i.title, i.url,
           i.published_at, n.sentence_no, n.mentions
    FROM feed_items i
    LEFT JOIN named n ON n.item_id = i.item_id
    WHERE i.rowid IN (SELECT rowid FROM feed_items
                      WHERE coalesce(story_id, item_id) IN (SELECT story_id FROM that_day))
),
stories AS (
    SELECT story_id,
           min(published_at) FILTER (WHERE mentions IS NOT NULL) AS first_seen,
           arg_min(item_id, published_at) FILTER (WHERE mentions IS NOT NULL) AS first_item,
           arg_min(title, published_at) AS title,
           sum(mentions)::BIGINT AS mentions,
           count(*) AS copies,
           list(DISTINCT feed ORDER BY feed) AS sources,
           list(url ORDER BY published_at, item_id)
               FILTER (WHERE lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%') AS source_urls
    FROM copies
    GROUP BY story_id
)
SELECT s.first_seen AS published_at, s.title, t.text AS sentence, s.mentions, s.copies,
       s.sources, coalesce(s.source_urls, []) AS source_urls,
       CASE WHEN lower(c.url) LIKE 'http://%' OR lower(c.url) LIKE 'https://%' THEN c.url END AS url,
       c.feed, s.story_id, s.first_item AS item_id
FROM stories s
JOIN copies c ON c.item_id = s.first_item
LEFT JOIN item_sentences t
  ON t.item_id = c.item_id AND t.sentence_no = c.sentence_no
 AND t.published_at IS NOT DISTINCT FROM c.published_at
WHERE s.first_seen >= $day::DATE AND s.first_seen < $day::DATE + INTERVAL 1 DAY
ORDER BY s.mentions DESC, s.first_seen, s.story_id
