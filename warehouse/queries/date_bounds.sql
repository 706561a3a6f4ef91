-- The first and last publication day in the warehouse (NULL when empty),
-- the default range of the dashboard's date filters.
SELECT min(published_at)::DATE AS first_day, max(published_at)::DATE AS last_day
FROM items
