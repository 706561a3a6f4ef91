-- Every company id that appears in a mention or at either end of an edge,
-- for the dashboard's company filters. Base tables, not the views: the views
-- join every sentence, which costs seconds on a large warehouse.
SELECT company
FROM (
    SELECT DISTINCT company FROM item_mentions
    UNION
    SELECT DISTINCT speaker FROM item_edges
    UNION
    SELECT DISTINCT target FROM item_edges
)
ORDER BY company
