-- Sentences that name companies and contain a text, newest first, for the
-- Evidence page's sentence search.
-- $pattern, $needle: the search (see below), matched against the sentence;
-- $companies, $feeds: VARCHAR[], empty = all; $start, $end: DATE or NULL;
-- $limit: INTEGER.
-- `companies` and `aliases` are the chosen companies the sentence names and
-- the words that named them; `url` and `source_urls` keep only http(s)
-- addresses. A sentence is listed once per story (copies of a story carrying
-- the same sentence count once), with every feed and web address that carried
-- the story.
-- `matching` is the number of matching sentences before the limit.
-- A search is two parameters: $needle, the lowercased text, taken literally,
-- and $pattern, '%text%' with `%` turned into `_`: a plain ILIKE (twice as fast
-- as one with ESCAPE) finds candidates, contains() keeps the exact ones.
WITH found AS (
    SELECT item_id, sentence_no, text
    FROM item_sentences
    WHERE (text ILIKE $pattern::VARCHAR AND contains(lower(text), $needle::VARCHAR))
),
named AS (
    SELECT f.item_id, f.sentence_no, any_value(f.text) AS sentence,
           list(DISTINCT m.company ORDER BY m.company) AS companies,
           list(DISTINCT m.alias) AS aliases
    FROM found f
    JOIN item_mentions m ON m.item_id = f.item_id AND m.sentence_no = f.sentence_no
    WHERE len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], m.company)
    GROUP BY f.item_id, f.sentence_no
),
sentences AS (
    SELECT n.*, i.published_at, i.feed, i.title, i.url,
           coalesce(i.story_id, i.item_id) AS story_id
    FROM named n
    JOIN feed_items i USING (item_id)
    WHERE (len($feeds::VARCHAR[]) = 0 OR list_contains($feeds::VARCHAR[], i.feed))
      AND ($start::DATE IS NULL OR i.published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR i.published_at < $end::DATE + INTERVAL 1 DAY)
),
distinct_sentences AS (
    SELECT *
    FROM sentences
    QUALIFY row_number() OVER (
        PARTITION BY story_id, sentence ORDER BY published_at NULLS LAST, item_id, sentence_no) = 1
),
page AS (
    SELECT *, count(*) OVER () AS matching
    FROM distinct_sentences
    ORDER BY published_at DESC NULLS LAST, item_id, sentence_no
    LIMIT $limit
),
copies AS (
    SELECT story_id,
           list(DISTINCT feed ORDER BY feed) AS sources,
           list(url ORDER BY published_at, item_id)
               FILTER (WHERE lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%') AS source_urls,
           count(*) AS copies
    FROM feed_items
    WHERE story_id IN (SELECT story_id FROM page)
    GROUP BY ALL
)
SELECT p.published_at, p.companies, p.sentence, p.feed, p.title,
       CASE WHEN lower(p.url) LIKE 'http://%' OR lower(p.url) LIKE 'https://%' THEN p.url END AS url,
       p.aliases, c.sources, coalesce(c.source_urls, []) AS source_urls, c.copies,
       p.item_id, p.sentence_no, p.story_id, p.matching
FROM page p
LEFT JOIN copies c ON c.story_id = p.story_id
ORDER BY p.published_at DESC NULLS LAST, p.item_id, p.sentence_no
