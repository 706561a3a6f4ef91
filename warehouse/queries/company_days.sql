-- Stories and mentions per company per day, every day and every company: the
-- base of mention volume, share of voice, spikes and momentum (the dashboard
-- caches it per snapshot, then buckets and filters it).
-- A story (copies of one story across feeds share story_id) counts once per
-- company, on the day of its first copy that mentions the company, so daily
-- counts add up exactly to weekly and monthly ones; `mentions` counts every
-- mention in every copy of those stories. Reads the per-story roll-up
-- story_company_counts (migration 0007), kept current by the writer.
-- No parameters.
SELECT first_seen::DATE AS day, company, count(*) AS stories, sum(mentions)::BIGINT AS mentions
FROM story_company_counts
GROUP BY ALL
ORDER BY day, company
