-- One story, many feeds: items carrying the same story (same canonical URL,
-- or the same headline within a week) share a story_id, so counts can be of
-- stories rather than copies. story_id is the item_id of the first copy seen.
ALTER TABLE feed_items ADD COLUMN canonical_url VARCHAR;
ALTER TABLE feed_items ADD COLUMN title_key VARCHAR;
ALTER TABLE feed_items ADD COLUMN story_id VARCHAR;
UPDATE feed_items SET story_id = item_id WHERE story_id IS NULL;

CREATE OR REPLACE VIEW items AS
SELECT i.item_id, i.item_guid, i.feed, f.kind, i.url, i.title, i.published_at,
       i.author, i.body, i.fetched_at, i.story_id, i.canonical_url
FROM feed_items i
LEFT JOIN feeds f ON f.name = i.feed;

CREATE OR REPLACE VIEW mentions AS
SELECT m.item_id, i.item_guid, i.published_at, i.feed, m.company, m.alias, s.text AS sentence,
       m.entity, m.entity_type, m.sentence_no, i.url, i.story_id
FROM item_mentions m
JOIN feed_items i USING (item_id)
JOIN item_sentences s ON s.item_id = m.item_id AND s.sentence_no = m.sentence_no;

CREATE OR REPLACE VIEW rivalry_edges AS
SELECT e.item_id, i.item_guid, i.published_at, i.feed, e.speaker, e.target, e.stance,
       e.polarity, e.evidence, e.speaker_via, e.speaker_name, e.cues, s.text AS sentence,
       e.sentence_no, i.url, i.title, i.story_id
FROM item_edges e
JOIN feed_items i USING (item_id)
JOIN item_sentences s ON s.item_id = e.item_id AND s.sentence_no = e.sentence_no;

-- A story with every source that carried it.
CREATE VIEW stories AS
SELECT story_id,
       min(published_at) AS first_published_at,
       arg_min(title, published_at) AS title,
       arg_min(url, published_at) AS url,
       count(*) AS copies,
       list(DISTINCT feed ORDER BY feed) AS feeds,
       list(url ORDER BY published_at) AS urls
FROM feed_items
GROUP BY story_id;
