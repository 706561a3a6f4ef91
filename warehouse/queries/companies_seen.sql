-- Every company id that appears in a mention or at either end of an edge,
-- with its display name, for the dashboard's filters, charts and tables.
-- Base tables, not the views: the views join every sentence, which costs
-- seconds on a large warehouse.
-- `name` is the catalog's name for the company as the analysis wrote it on
-- the company's own mentions (item_mentions.entity of entity_type 'company':
-- "OpenAI" for openai), so the dashboard shows the names of the catalog the
-- data was analysed with, the user's TOML extension included, and needs no
-- catalog of its own. Where mentions disagree (a re-analysis under a renamed
-- company still running) the name most of them carry wins. A company never
-- named by a company alias (only by its products or people, or a speaker
-- that is only a feed's owner) has NULL: the dashboard shows its id.
-- Ordered by name, as the filters list them.
WITH seen AS (
    SELECT DISTINCT company FROM item_mentions
    UNION
    SELECT DISTINCT speaker FROM item_edges
    UNION
    SELECT DISTINCT target FROM item_edges
),
named AS (
    SELECT company, mode(entity) AS name
    FROM item_mentions
    WHERE entity_type = 'company'
    GROUP BY company
)
SELECT s.company, n.name
FROM seen s
LEFT JOIN named n USING (company)
ORDER BY lower(coalesce(n.name, s.company)), s.company
