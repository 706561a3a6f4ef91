-- Shared part (see warehouse/queries.py) of the sentence queries
-- (evidence_mentions, sentence_search): the listed sentences of their CTE
-- `page` with their item's feed, title and web address, and every source
-- that carried the story (page_sources).
SELECT p.published_at, p.companies, p.sentence, i.feed, i.title,
       CASE WHEN lower(i.url) LIKE 'http://%' OR lower(i.url) LIKE 'https://%' THEN i.url END AS url,
       p.aliases, c.sources, coalesce(c.source_urls, []) AS source_urls, c.copies,
       p.item_id, p.sentence_no, p.story_id, p.matching
FROM page p
JOIN page_items i ON i.item_id = p.item_id
LEFT JOIN copies c ON c.story_id = p.story_id
ORDER BY p.published_at DESC NULLS LAST, p.item_id, p.sentence_no
