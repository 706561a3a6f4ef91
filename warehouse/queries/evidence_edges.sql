-- Rivalry statements with their evidence, newest first, for the Evidence page,
-- the Rivalry page's quotes and the Company page's timeline.
-- A statement is an edge counted once per story: of the copies of a story
-- carrying the same evidence for the same pair, one is listed, with every
-- feed and web address that carried the story.
-- $speakers, $targets, $stances, $feeds: VARCHAR[], empty = all; $start, $end:
-- DATE or NULL; $pattern, $needle: the search (see below), or NULL, matched
-- against the evidence, the item title and the speaker's name (the sentence
-- search is sentence_search); $limit: INTEGER. `url` and `source_urls` keep
-- only http(s) addresses, so only web links become clickable; `aliases` are
-- the words of the sentence that named the speaker or the target; `matching`
-- is the number of statements before the limit.
-- A search is two parameters: $needle, the lowercased text, taken literally,
-- and $pattern, '%text%' with `%` turned into `_`: a plain ILIKE (twice as fast
-- as one with ESCAPE) finds candidates, contains() keeps the exact ones.
-- For speed on a large warehouse: the statements are found and ordered on
-- item_edges alone (it carries its item's published_at, story_id and feed:
-- migration 0008; only a search reads the titles, in its own UNION ALL
-- branch, switched off by a condition on $pattern), the newest are taken
-- first (a top-N, which skips the row groups of older dates), and the text,
-- aliases, titles and links of the listed ones are read last. `matched` is
-- not materialized, so the top-N and the count each scan item_edges their
-- own way.
WITH matched AS NOT MATERIALIZED (
    SELECT item_id, sentence_no, speaker, target, published_at,
           coalesce(story_id, item_id) AS story_id, hash(evidence) AS evidence_key
    FROM item_edges
    WHERE $pattern::VARCHAR IS NULL
      AND (len($speakers::VARCHAR[]) = 0 OR list_contains($speakers::VARCHAR[], speaker))
      AND (len($targets::VARCHAR[]) = 0 OR list_contains($targets::VARCHAR[], target))
      AND (len($stances::VARCHAR[]) = 0 OR list_contains($stances::VARCHAR[], stance))
      AND (len($feeds::VARCHAR[]) = 0 OR list_contains($feeds::VARCHAR[], feed))
      AND ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
    UNION ALL
    SELECT item_id, sentence_no, speaker, target, published_at,
           coalesce(story_id, item_id) AS story_id, hash(evidence) AS evidence_key
    FROM item_edges
    WHERE $pattern::VARCHAR IS NOT NULL
      AND (len($speakers::VARCHAR[]) = 0 OR list_contains($speakers::VARCHAR[], speaker))
      AND (len($targets::VARCHAR[]) = 0 OR list_contains($targets::VARCHAR[], target))
      AND (len($stances::VARCHAR[]) = 0 OR list_contains($stances::VARCHAR[], stance))
      AND (len($feeds::VARCHAR[]) = 0 OR list_contains($feeds::VARCHAR[], feed))
      AND ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
      AND ((evidence ILIKE $pattern::VARCHAR AND contains(lower(evidence), $needle::VARCHAR))
           OR (speaker_name ILIKE $pattern::VARCHAR AND contains(lower(speaker_name), $needle::VARCHAR))
           OR item_id IN (SELECT item_id FROM feed_items
                          WHERE title ILIKE $pattern::VARCHAR AND contains(lower(title), $needle::VARCHAR)))
),
-- Four times the limit leaves room for the copies that drop out.
newest AS (
    SELECT *
    FROM matched
    ORDER BY published_at DESC NULLS LAST, speaker, target, item_id, sentence_no
    LIMIT 4 * $limit
),
page AS (
    SELECT *
    FROM newest
    QUALIFY row_number() OVER (
        PARTITION BY story_id, speaker, target, evidence_key
        ORDER BY published_at NULLS LAST, item_id, sentence_no) = 1
    ORDER BY published_at DESC NULLS LAST, speaker, target, item_id, sentence_no
    LIMIT $limit
),
total AS (
    SELECT count(DISTINCT hash(story_id, speaker, target, evidence_key)) AS matching
    FROM matched
),
aliases AS (
    SELECT p.item_id, p.sentence_no, p.speaker, p.target, list(DISTINCT m.alias) AS aliases
    FROM page p
    JOIN item_mentions m
      ON m.item_id = p.item_id AND m.sentence_no = p.sentence_no
     AND m.published_at IS NOT DISTINCT FROM p.published_at
     AND (m.company = p.speaker OR m.company = p.target)
    GROUP BY ALL
),
-- include: page_sources
SELECT p.published_at, p.speaker, p.target, e.stance, e.polarity, e.evidence,
       e.speaker_name, e.speaker_via, i.feed, i.title,
       CASE WHEN lower(i.url) LIKE 'http://%' OR lower(i.url) LIKE 'https://%' THEN i.url END AS url,
       coalesce(a.aliases, []) AS aliases, c.sources, coalesce(c.source_urls, []) AS source_urls,
       c.copies, p.item_id, p.sentence_no, p.story_id, t.matching
FROM page p
CROSS JOIN total t
JOIN item_edges e
  ON e.item_id = p.item_id AND e.sentence_no = p.sentence_no
 AND e.speaker = p.speaker AND e.target = p.target
 AND e.published_at IS NOT DISTINCT FROM p.published_at
JOIN page_items i ON i.item_id = p.item_id
LEFT JOIN copies c ON c.story_id = p.story_id
LEFT JOIN aliases a
  ON a.item_id = p.item_id AND a.sentence_no = p.sentence_no
 AND a.speaker = p.speaker AND a.target = p.target
ORDER BY p.published_at DESC NULLS LAST, p.speaker, p.target, p.item_id, p.sentence_no
