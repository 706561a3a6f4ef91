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
-- Reading every sentence's text is most of the cost; dates skip the row
-- groups outside them (item_sentences carries published_at: migration 0008).
-- The mentions of the sentences found are first narrowed down on their
-- published_at alone (one fixed-width column: mentions of the same instants,
-- and of undated items by id), read by rowid, and matched to their sentence
-- after; they carry story_id and feed, so no join with feed_items is needed
-- except for the titles and links of the listed rows.
WITH found AS (
    SELECT item_id, sentence_no, text, published_at
    FROM item_sentences
    WHERE (text ILIKE $pattern::VARCHAR AND contains(lower(text), $needle::VARCHAR))
      AND ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
),
found_mentions AS (
    SELECT item_id, sentence_no, company, alias, published_at, feed, coalesce(story_id, item_id) AS story_id
    FROM item_mentions
    WHERE rowid IN (
        SELECT rowid FROM item_mentions WHERE published_at IN (SELECT published_at FROM found)
        UNION ALL
        SELECT rowid FROM item_mentions
        WHERE published_at IS NULL AND item_id IN (SELECT item_id FROM found WHERE published_at IS NULL))
),
named AS (
    SELECT f.item_id, f.sentence_no, any_value(f.text) AS sentence, any_value(m.published_at) AS published_at,
           any_value(m.feed) AS feed, any_value(m.story_id) AS story_id,
           list(DISTINCT m.company ORDER BY m.company) AS companies,
           list(DISTINCT m.alias) AS aliases
    FROM found f
    JOIN found_mentions m ON m.item_id = f.item_id AND m.sentence_no = f.sentence_no
    WHERE (len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], m.company))
      AND (len($feeds::VARCHAR[]) = 0 OR list_contains($feeds::VARCHAR[], m.feed))
    GROUP BY f.item_id, f.sentence_no
),
distinct_sentences AS (
    SELECT *
    FROM named
    QUALIFY row_number() OVER (
        PARTITION BY story_id, sentence ORDER BY published_at NULLS LAST, item_id, sentence_no) = 1
),
page AS (
    SELECT *, count(*) OVER () AS matching
    FROM distinct_sentences
    ORDER BY published_at DESC NULLS LAST, item_id, sentence_no
    LIMIT $limit
),
-- include: page_sources
-- include: sentence_rows
