-- Stories and mentions per company per day, every day and every company: the
-- base of mention volume, share of voice, spikes and momentum (the dashboard
-- caches it per snapshot, then buckets and filters it).
-- A story (copies of one story across feeds share story_id) counts once per
-- company, on the day of its first copy that mentions the company, so daily
-- counts add up exactly to weekly and monthly ones; `mentions` counts every
-- mention in every copy of those stories. No parameters.
WITH story_company AS (
    SELECT coalesce(i.story_id, i.item_id) AS story_id, m.company,
           min(i.published_at) AS first_seen, count(*) AS mentions
    FROM item_mentions m
    JOIN feed_items i USING (item_id)
    WHERE i.published_at IS NOT NULL
    GROUP BY ALL
)
SELECT first_seen::DATE AS day, company, count(*) AS stories, sum(mentions)::BIGINT AS mentions
FROM story_company
GROUP BY ALL
ORDER BY day, company
