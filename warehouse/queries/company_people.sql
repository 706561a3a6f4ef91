-- The people and voices a company speaks through: who is named as the speaker
-- of its statements about rivals, for the Company page.
-- $company: a company id; $start, $end: DATE or NULL.
-- A statement is an edge counted once per story (copies of a story carrying
-- the same evidence for the same pair count once). `speaker_name` is NULL for
-- statements found without a named speaker (a company's own feed): they are
-- listed as one row, "(the company's own feed)" being the page's wording.
-- Reads item_edges alone (it carries published_at and story_id: migration 0008).
WITH statements AS (
    SELECT speaker_name, target, any_value(stance) AS stance,
           any_value(polarity) AS polarity, any_value(speaker_via) AS speaker_via,
           min(published_at) AS published_at
    FROM item_edges
    WHERE speaker = $company::VARCHAR
      AND ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
    GROUP BY coalesce(story_id, item_id), speaker_name, target, evidence
)
SELECT speaker_name, count(*) AS statements,
       list(DISTINCT target ORDER BY target) AS targets,
       mode(stance) AS main_stance, avg(polarity) AS mean_polarity,
       mode(speaker_via) AS found_via, max(published_at) AS last_seen
FROM statements
GROUP BY speaker_name
ORDER BY statements DESC, last_seen DESC NULLS LAST, speaker_name NULLS LAST
