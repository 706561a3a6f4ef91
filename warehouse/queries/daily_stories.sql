-- All stories and items per day, whether or not they mention a company: the
-- denominator of share of voice (as Media Cloud normalises attention by the
-- whole collection). A story counts on the day of its first copy.
-- Reads the per-story roll-up story_days (migration 0007). No parameters.
SELECT first_seen::DATE AS day, count(*) AS stories, sum(copies)::BIGINT AS items
FROM story_days
GROUP BY ALL
ORDER BY day
