-- Mentions, statements and sentences carry their item's published_at (and
-- mentions and statements its story_id and feed), so the dashboard's
-- queries filter and sort on them alone instead of joining millions of
-- rows with feed_items first. They are copies: feed_items stays the source,
-- and the writer keeps them in step in the transactions that change an item
-- (warehouse.store: replace_analysis fills them, upsert_items and
-- assign_stories update the items they change).
-- The tables are rebuilt in publication order: DuckDB keeps each row
-- group's smallest and largest published_at, so "the newest N" and "one
-- day" read a few row groups, not the whole table. The writer appends new
-- analysis in that order too.

CREATE TABLE item_sentences_0008 (
    item_id       VARCHAR NOT NULL,
    sentence_no   INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    published_at  TIMESTAMP,                  -- copy of feed_items.published_at
    PRIMARY KEY (item_id, sentence_no)
);
INSERT INTO item_sentences_0008
SELECT s.item_id, s.sentence_no, s.text, i.published_at
FROM item_sentences s
LEFT JOIN feed_items i USING (item_id)
ORDER BY i.published_at NULLS FIRST, s.item_id, s.sentence_no;
DROP TABLE item_sentences;
ALTER TABLE item_sentences_0008 RENAME TO item_sentences;

CREATE TABLE item_mentions_0008 (
    item_id       VARCHAR NOT NULL,
    sentence_no   INTEGER NOT NULL,
    start_char    INTEGER NOT NULL,           -- offset of the alias inside the sentence
    company       VARCHAR NOT NULL,
    alias         VARCHAR NOT NULL,           -- the text that matched
    entity        VARCHAR NOT NULL,           -- company, product or person name from the catalog
    entity_type   VARCHAR NOT NULL,           -- company | product | person
    published_at  TIMESTAMP,                  -- copies of feed_items.published_at, story_id, feed
    story_id      VARCHAR,
    feed          VARCHAR,
    PRIMARY KEY (item_id, sentence_no, start_char)
);
INSERT INTO item_mentions_0008
SELECT m.item_id, m.sentence_no, m.start_char, m.company, m.alias, m.entity, m.entity_type,
       i.published_at, i.story_id, i.feed
FROM item_mentions m
LEFT JOIN feed_items i USING (item_id)
ORDER BY i.published_at NULLS FIRST, m.item_id, m.sentence_no, m.start_char;
DROP TABLE item_mentions;
ALTER TABLE item_mentions_0008 RENAME TO item_mentions;

CREATE TABLE item_edges_0008 (
    item_id       VARCHAR NOT NULL,
    sentence_no   INTEGER NOT NULL,
    speaker       VARCHAR NOT NULL,
    target        VARCHAR NOT NULL,
    stance        VARCHAR NOT NULL,
    polarity      DOUBLE NOT NULL,
    evidence      VARCHAR NOT NULL,           -- the text the stance was judged on
    speaker_via   VARCHAR NOT NULL,           -- how the speaker was found (quote, reporting_verb, feed_owner)
    speaker_name  VARCHAR,                    -- the person or company named as speaker
    cues          VARCHAR,                    -- lexicon cues that decided the stance
    published_at  TIMESTAMP,                  -- copies of feed_items.published_at, story_id, feed
    story_id      VARCHAR,
    feed          VARCHAR,
    PRIMARY KEY (item_id, sentence_no, speaker, target)
);
INSERT INTO item_edges_0008
SELECT e.item_id, e.sentence_no, e.speaker, e.target, e.stance, e.polarity, e.evidence,
       e.speaker_via, e.speaker_name, e.cues, i.published_at, i.story_id, i.feed
FROM item_edges e
LEFT JOIN feed_items i USING (item_id)
ORDER BY i.published_at NULLS FIRST, e.item_id, e.sentence_no, e.speaker, e.target;
DROP TABLE item_edges;
ALTER TABLE item_edges_0008 RENAME TO item_edges;

-- The documented views read the copies (same columns as before).
CREATE OR REPLACE VIEW mentions AS
SELECT m.item_id, i.item_guid, m.published_at, m.feed, m.company, m.alias, s.text AS sentence,
       m.entity, m.entity_type, m.sentence_no, i.url, m.story_id
FROM item_mentions m
JOIN feed_items i USING (item_id)
JOIN item_sentences s ON s.item_id = m.item_id AND s.sentence_no = m.sentence_no;

CREATE OR REPLACE VIEW rivalry_edges AS
SELECT e.item_id, i.item_guid, e.published_at, e.feed, e.speaker, e.target, e.stance,
       e.polarity, e.evidence, e.speaker_via, e.speaker_name, e.cues, s.text AS sentence,
       e.sentence_no, i.url, i.title, e.story_id
FROM item_edges e
JOIN feed_items i USING (item_id)
JOIN item_sentences s ON s.item_id = e.item_id AND s.sentence_no = e.sentence_no;
