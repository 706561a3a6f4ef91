-- The newest sentences that name companies, for the Evidence page's sentence
-- view: every sentence, whether or not anyone speaks in it (the text search
-- is sentence_search).
-- $companies, $feeds: VARCHAR[], empty = all; $start, $end: DATE or NULL;
-- $limit: INTEGER.
-- `companies` and `aliases` are the chosen companies the sentence names and
-- the words that named them; `url` and `source_urls` keep only http(s)
-- addresses. A sentence is listed once per story (copies of a story carrying
-- the same sentence count once), with every feed and web address that carried
-- the story.
-- `matching` is NULL: counting every sentence of a large warehouse would cost
-- more than the list. The newest mention rows are taken first, from
-- item_mentions alone (it carries its item's published_at, story_id and feed:
-- migration 0008), and grouped into sentences after, so the cost does not
-- grow with the warehouse; four rows per listed sentence leave room for
-- sentences that name several companies and for copies. Sentences, titles and
-- links are read for the listed rows only (their published_at finds their
-- row groups).
WITH hits AS (
    SELECT item_id, sentence_no, company, alias, published_at,
           coalesce(story_id, item_id) AS story_id
    FROM item_mentions
    WHERE (len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], company))
      AND (len($feeds::VARCHAR[]) = 0 OR list_contains($feeds::VARCHAR[], feed))
      AND ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
    ORDER BY published_at DESC NULLS LAST, item_id, sentence_no
    LIMIT 4 * $limit
),
sentences AS (
    SELECT h.item_id, h.sentence_no, any_value(h.published_at) AS published_at,
           any_value(h.story_id) AS story_id,
           list(DISTINCT h.company ORDER BY h.company) AS companies,
           list(DISTINCT h.alias) AS aliases, any_value(s.text) AS sentence
    FROM hits h
    JOIN item_sentences s
      ON s.item_id = h.item_id AND s.sentence_no = h.sentence_no
     AND s.published_at IS NOT DISTINCT FROM h.published_at
    GROUP BY h.item_id, h.sentence_no
),
page AS (
    SELECT *, NULL::BIGINT AS matching
    FROM sentences
    QUALIFY row_number() OVER (
        PARTITION BY story_id, sentence ORDER BY published_at NULLS LAST, item_id, sentence_no) = 1
    ORDER BY published_at DESC NULLS LAST, item_id, sentence_no
    LIMIT $limit
),
-- include: page_sources
-- include: sentence_rows
