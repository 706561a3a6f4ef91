-- All stories and items per day, whether or not they mention a company: the
-- denominator of share of voice (as Media Cloud normalises attention by the
-- whole collection). A story counts on the day of its first copy.
-- No parameters.
WITH stories AS (
    SELECT coalesce(story_id, item_id) AS story_id, min(published_at) AS first_seen,
           count(*) AS copies
    FROM feed_items
    WHERE published_at IS NOT NULL
    GROUP BY ALL
)
SELECT first_seen::DATE AS day, count(*) AS stories, sum(copies)::BIGINT AS items
FROM stories
GROUP BY ALL
ORDER BY day
