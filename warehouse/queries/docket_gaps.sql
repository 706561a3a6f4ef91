-- Docket feeds that may have missed entries. A docket feed (PACER CM/ECF,
-- CourtListener) lists only about the last 24 hours of entries, so anything
-- filed during a longer gap between two successful fetches, or since a last
-- success more than 24 hours before $now, may never have been seen.
-- For the dashboard's feed page and `rivalwatch feeds list`.
-- Parameter: $now (naive UTC, the clock of the caller).
-- gap_hours: the longest of those gaps, in hours.
WITH dockets AS (
    SELECT feed, fetch_url, last_success_at, previous_success_at, first_failure_at, last_fetch_at,
           date_diff('second', previous_success_at, last_success_at) / 3600.0 AS between_h,
           date_diff('second', last_success_at, $now::TIMESTAMP) / 3600.0 AS since_h,
           date_diff('second', coalesce(first_failure_at, last_fetch_at), $now::TIMESTAMP) / 3600.0 AS failing_h
    FROM feed_state
    WHERE kind = 'docket' AND in_config AND enabled
)
SELECT
    feed,
    fetch_url AS url,
    last_success_at,
    previous_success_at,
    round(greatest(coalesce(between_h, 0), coalesce(since_h, 0),
                   CASE WHEN last_success_at IS NULL THEN coalesce(failing_h, 0) ELSE 0 END), 1) AS gap_hours,
    CASE
        WHEN last_success_at IS NULL THEN
            'no successful fetch in ' || CAST(round(failing_h) AS INTEGER) || ' hours: entries may have been missed'
        WHEN since_h > 24 THEN
            'last successful fetch ' || CAST(round(since_h) AS INTEGER) || ' hours ago: entries may have been missed'
        ELSE
            CAST(round(between_h) AS INTEGER) || ' hours between the last two successful fetches '
            || '(the feed lists about 24): entries may have been missed'
    END AS warning
FROM dockets
WHERE (last_success_at IS NULL AND last_fetch_at IS NOT NULL AND failing_h > 24)
   OR since_h > 24
   OR between_h > 24
ORDER BY gap_hours DESC, feed
