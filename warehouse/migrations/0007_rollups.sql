-- Roll-ups behind the dashboard's daily counts (company_days, daily_stories,
-- pair_days), so those read small tables instead of joining every mention
-- and edge with every item. A story is coalesce(story_id, item_id), as in the
-- queries; only copies with a published_at count. The writer keeps them
-- current story by story (warehouse.store.refresh_rollups, called by
-- upsert_items, assign_stories and replace_analysis in their transactions);
-- warehouse.store.rebuild_rollups recomputes them whole.

-- A story's first copy and how many copies it has.
CREATE TABLE story_days (
    story_id    VARCHAR PRIMARY KEY,
    first_seen  TIMESTAMP NOT NULL,     -- published_at of its first copy
    copies      BIGINT NOT NULL
);

-- Per story and company: the first copy that mentions the company, and every
-- mention in every copy.
CREATE TABLE story_company_counts (
    story_id    VARCHAR NOT NULL,
    company     VARCHAR NOT NULL,
    first_seen  TIMESTAMP NOT NULL,
    mentions    BIGINT NOT NULL,
    PRIMARY KEY (story_id, company)
);

-- One statement per story, speaker, target and evidence (md5 of the text):
-- copies carrying the same evidence count once, on the first copy's day.
CREATE TABLE story_pair_statements (
    story_id       VARCHAR NOT NULL,
    speaker        VARCHAR NOT NULL,
    target         VARCHAR NOT NULL,
    evidence_hash  VARCHAR NOT NULL,
    stance         VARCHAR NOT NULL,
    polarity       DOUBLE NOT NULL,
    first_seen     TIMESTAMP NOT NULL,
    PRIMARY KEY (story_id, speaker, target, evidence_hash)
);

-- Those statements summed per day, pair and stance: what pair_days returns
-- (hundreds of thousands of groups at a million items, so it is kept summed).
CREATE TABLE pair_day_counts (
    day           DATE NOT NULL,
    speaker       VARCHAR NOT NULL,
    target        VARCHAR NOT NULL,
    stance        VARCHAR NOT NULL,
    edges         BIGINT NOT NULL,
    polarity_sum  DOUBLE NOT NULL,
    PRIMARY KEY (day, speaker, target, stance)
);

INSERT INTO story_days
SELECT coalesce(story_id, item_id), min(published_at), count(*)
FROM feed_items
WHERE published_at IS NOT NULL
GROUP BY ALL;

INSERT INTO story_company_counts
SELECT coalesce(i.story_id, i.item_id), m.company, min(i.published_at), count(*)
FROM item_mentions m
JOIN feed_items i USING (item_id)
WHERE i.published_at IS NOT NULL
GROUP BY ALL;

INSERT INTO story_pair_statements
SELECT coalesce(i.story_id, i.item_id), e.speaker, e.target, md5(e.evidence),
       any_value(e.stance), any_value(e.polarity), min(i.published_at)
FROM item_edges e
JOIN feed_items i USING (item_id)
WHERE i.published_at IS NOT NULL
GROUP BY coalesce(i.story_id, i.item_id), e.speaker, e.target, md5(e.evidence);

INSERT INTO pair_day_counts
SELECT first_seen::DATE, speaker, target, stance, count(*), sum(polarity)
FROM story_pair_statements
GROUP BY ALL;
