-- Mentions per company per time bucket, with each company's share of the
-- bucket's mentions (share of voice among the chosen companies, 0..1).
-- Every bucket between the first and the last is listed, zero-filled, so lines
-- and stacked areas do not skip quiet weeks.
-- $bucket: 'day' | 'week' | 'month'; $start, $end: DATE or NULL;
-- $companies: VARCHAR[], empty = all.
WITH chosen AS (
    SELECT date_trunc($bucket, published_at) AS bucket, company
    FROM mentions
    WHERE published_at IS NOT NULL
      AND ($start::DATE IS NULL OR published_at >= $start::DATE)
      AND ($end::DATE IS NULL OR published_at < $end::DATE + INTERVAL 1 DAY)
      AND (len($companies::VARCHAR[]) = 0 OR list_contains($companies::VARCHAR[], company))
),
counts AS (
    SELECT bucket, company, count(*) AS mentions
    FROM chosen
    GROUP BY bucket, company
),
buckets AS (
    SELECT unnest(range(
        min(bucket),
        max(bucket) + CAST('1 ' || $bucket AS INTERVAL),
        CAST('1 ' || $bucket AS INTERVAL)
    )) AS bucket
    FROM counts
),
companies AS (
    SELECT DISTINCT company FROM counts
),
filled AS (
    SELECT b.bucket, c.company, coalesce(n.mentions, 0) AS mentions
    FROM buckets b
    CROSS JOIN companies c
    LEFT JOIN counts n ON n.bucket = b.bucket AND n.company = c.company
)
SELECT bucket, company, mentions,
       coalesce(mentions / nullif(sum(mentions) OVER (PARTITION BY bucket), 0), 0) AS share
FROM filled
ORDER BY bucket, company
