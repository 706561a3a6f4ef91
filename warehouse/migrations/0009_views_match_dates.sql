-- The documented views join each mention or statement with its item and
-- sentence on published_at too (the copy migration 0008 added; equal by
-- construction), so a query of a view bounded by dates reads only the row
-- groups of those dates in all three tables, not every item and sentence
-- (at 1M items: "statements since a date, newest first" 276 -> 132 ms).
-- Same columns, same rows.

CREATE OR REPLACE VIEW mentions AS
SELECT m.item_id, i.item_guid, m.published_at, m.feed, m.company, m.alias, s.text AS sentence,
       m.entity, m.entity_type, m.sentence_no, i.url, m.story_id
FROM item_mentions m
JOIN feed_items i ON i.item_id = m.item_id AND i.published_at IS NOT DISTINCT FROM m.published_at
JOIN item_sentences s
  ON s.item_id = m.item_id AND s.sentence_no = m.sentence_no AND s.published_at IS NOT DISTINCT FROM m.published_at;

CREATE OR REPLACE VIEW rivalry_edges AS
SELECT e.item_id, i.item_guid, e.published_at, e.feed, e.speaker, e.target, e.stance,
       e.polarity, e.evidence, e.speaker_via, e.speaker_name, e.cues, s.text AS sentence,
       e.sentence_no, i.url, i.title, e.story_id
FROM item_edges e
JOIN feed_items i ON i.item_id = e.item_id AND i.published_at IS NOT DISTINCT FROM e.published_at
JOIN item_sentences s
  ON s.item_id = e.item_id AND s.sentence_no = e.sentence_no AND s.published_at IS NOT DISTINCT FROM e.published_at;
