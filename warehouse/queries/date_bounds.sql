-- The first and last publication day in the warehouse (NULL when no item has
-- a date) and the number of items, for the default range of the date filters
-- and the empty state.
SELECT min(published_at)::DATE AS first_day, max(published_at)::DATE AS last_day,
       count(*) AS items
FROM feed_items
