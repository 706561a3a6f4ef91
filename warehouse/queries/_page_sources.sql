-- Shared part (see warehouse/queries.py) of the evidence queries: the item
-- and the copies behind each row of their CTE `page` (item_id, published_at,
-- story_id), the few rows a page lists.
-- `page_items`: each listed item's feed, title and url. `copies`: every copy
-- of each listed story, with the feeds and http(s) addresses that carried it.
-- Both find their rows of feed_items on the key columns alone, then read the
-- rest of those rows only (by rowid): a plain join would read every title,
-- url and feed of the table first. The listed item is matched on its
-- published_at too, so only the row groups of those dates are read.
page_items AS (
    SELECT item_id, feed, title, url
    FROM feed_items
    WHERE rowid IN (
        SELECT i.rowid FROM feed_items i
        SEMI JOIN page p ON p.item_id = i.item_id AND p.published_at IS NOT DISTINCT FROM i.published_at)
),
copies AS (
    SELECT story_id,
           list(DISTINCT feed ORDER BY feed) AS sources,
           list(url ORDER BY published_at, item_id)
               FILTER (WHERE lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%') AS source_urls,
           count(*) AS copies
    FROM feed_items
    WHERE rowid IN (SELECT rowid FROM feed_items WHERE story_id IN (SELECT story_id FROM page))
    GROUP BY ALL
)
