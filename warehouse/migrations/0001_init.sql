-- Base schema: feeds, raw items, their sentences, mentions, directed edges, runs.
-- Timestamps are naive TIMESTAMP values in UTC.

CREATE TABLE feeds (
    name        VARCHAR PRIMARY KEY,          -- becomes `feed` in every view
    url         VARCHAR,                      -- URL or local path it was read from
    kind        VARCHAR NOT NULL DEFAULT 'news',  -- news | blog | edgar | docket
    owner       VARCHAR,                      -- company id speaking in its own feed
    title       VARCHAR,                      -- the feed's own title
    site_url    VARCHAR,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE feed_items (
    item_id       VARCHAR PRIMARY KEY,        -- hash of feed + stable key
    feed          VARCHAR NOT NULL,
    item_guid     VARCHAR NOT NULL,           -- the stable key: guid, else link, else title+date
    url           VARCHAR,
    title         VARCHAR,
    author        VARCHAR,
    published_at  TIMESTAMP,
    body          VARCHAR,                    -- plain text extracted from summary/content HTML
    content_hash  VARCHAR NOT NULL,           -- a changed item is re-analysed
    fetched_at    TIMESTAMP NOT NULL,
    run_id        BIGINT
);

CREATE TABLE item_sentences (
    item_id      VARCHAR NOT NULL,
    sentence_no  INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    PRIMARY KEY (item_id, sentence_no)
);

CREATE TABLE item_mentions (
    item_id      VARCHAR NOT NULL,
    sentence_no  INTEGER NOT NULL,
    start_char   INTEGER NOT NULL,            -- offset of the alias inside the sentence
    company      VARCHAR NOT NULL,
    alias        VARCHAR NOT NULL,            -- the text that matched
    entity       VARCHAR NOT NULL,            -- company, product or person name from the catalog
    entity_type  VARCHAR NOT NULL,            -- company | product | person
    PRIMARY KEY (item_id, sentence_no, start_char)
);

CREATE TABLE item_edges (
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
    PRIMARY KEY (item_id, sentence_no, speaker, target)
);

-- Which analyzer and catalog produced an item's mentions and edges.
CREATE TABLE item_analysis (
    item_id           VARCHAR PRIMARY KEY,
    content_hash      VARCHAR NOT NULL,
    analyzer_version  VARCHAR NOT NULL,
    catalog_version   VARCHAR NOT NULL,
    analyzed_at       TIMESTAMP NOT NULL
);

CREATE SEQUENCE runs_seq START 1;

CREATE TABLE runs (
    run_id       BIGINT PRIMARY KEY DEFAULT nextval('runs_seq'),
    command      VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    status       VARCHAR NOT NULL,            -- running | ok | partial | failed
    items_seen   INTEGER DEFAULT 0,
    items_new    INTEGER DEFAULT 0,
    errors       INTEGER DEFAULT 0,
    detail       VARCHAR                      -- JSON: per-source outcomes
);

CREATE VIEW items AS
SELECT i.item_id, i.item_guid, i.feed, f.kind, i.url, i.title, i.published_at,
       i.author, i.body, i.fetched_at
FROM feed_items i
LEFT JOIN feeds f ON f.name = i.feed;

CREATE VIEW mentions AS
SELECT m.item_id, i.item_guid, i.published_at, i.feed, m.company, m.alias, s.text AS sentence,
       m.entity, m.entity_type, m.sentence_no, i.url
FROM item_mentions m
JOIN feed_items i USING (item_id)
JOIN item_sentences s ON s.item_id = m.item_id AND s.sentence_no = m.sentence_no;

CREATE VIEW rivalry_edges AS
SELECT e.item_id, i.item_guid, i.published_at, i.feed, e.speaker, e.target, e.stance,
       e.polarity, e.evidence, e.speaker_via, e.speaker_name, e.cues, s.text AS sentence,
       e.sentence_no, i.url, i.title
FROM item_edges e
JOIN feed_items i USING (item_id)
JOIN item_sentences s ON s.item_id = e.item_id AND s.sentence_no = e.sentence_no;
