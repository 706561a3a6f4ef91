-- Statements per speaker -> target pair, stance and day: the base of the
-- rivalry matrix, network, stance mix, top pairs and pair momentum (the
-- dashboard caches it per snapshot, then filters and sums it).
-- A statement is an edge counted once per story: copies of a story carrying
-- the same evidence for the same pair count once, on the first copy's day.
-- `polarity_sum` / `edges` is the mean polarity. No parameters.
WITH statements AS (
    SELECT e.speaker, e.target, any_value(e.stance) AS stance,
           any_value(e.polarity) AS polarity, min(i.published_at) AS published_at
    FROM item_edges e
    JOIN feed_items i USING (item_id)
    WHERE i.published_at IS NOT NULL
    GROUP BY coalesce(i.story_id, i.item_id), e.speaker, e.target, e.evidence
)
SELECT published_at::DATE AS day, speaker, target, stance, count(*) AS edges,
       sum(polarity) AS polarity_sum
FROM statements
GROUP BY ALL
ORDER BY day, speaker, target, stance
