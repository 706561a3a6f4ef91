-- Every company id that appears in a mention or at either end of an edge,
-- for the dashboard's company filters.
SELECT company
FROM (
    SELECT company FROM mentions
    UNION
    SELECT speaker FROM rivalry_edges
    UNION
    SELECT target FROM rivalry_edges
)
ORDER BY company
