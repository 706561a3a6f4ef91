"""What the SQL workbench shows beside the editor: one line on each
documented view and table, and example queries that run as they are."""

from __future__ import annotations

DESCRIPTIONS = {
    "items": "One row per feed item (article, post, filing, docket entry); `story_id` groups copies of one story.",
    "mentions": "One row per company named in a sentence: the alias that matched and the catalog entity behind it.",
    "rivalry_edges": "One row per directed speaker → target statement, with stance, polarity and its evidence.",
    "stories": "One row per story with every feed and URL that carried it (`copies`, `feeds`, `urls`).",
    "filings": "EDGAR items: accession, form type, filer CIK and company.",
    "docket_entries": "Court docket items: court, case number and name, entry number, description.",
    "feeds": "Table: every feed the warehouse knows, its kind and owner.",
    "feed_items": "Table: the raw items as stored (the `items` view adds the feed's kind).",
    "item_sentences": "Table: the sentences of each item, numbered, with the item's published_at.",
    "item_mentions": "Table: mentions by item and sentence number, with the item's published_at, story_id and "
                     "feed (the `mentions` view adds the sentence, URL and GUID).",
    "item_edges": "Table: statements by item and sentence number, with the item's published_at, story_id and "
                  "feed (the `rivalry_edges` view adds the sentence, title, URL and GUID).",
    "item_analysis": "Table: which analyzer and catalog version produced each item's rows.",
    "runs": "Table: one row per command run, per-source outcomes in `detail` (JSON).",
    "feed_state": "Table: each configured feed's health for `rivalwatch refresh` (validators, errors, next check).",
    "schema_migrations": "Table: the migrations applied to this warehouse.",
}

EXAMPLES = {
    "Meta's statements about rivals": (
        "SELECT published_at::DATE AS day, target, stance, round(polarity, 2) AS polarity,\n"
        "       speaker_name, evidence\n"
        "FROM rivalry_edges\n"
        "WHERE speaker = 'meta'\n"
        "ORDER BY published_at DESC\n"
        "LIMIT 50"
    ),
    "Who benchmarks against whom": (
        "SELECT speaker, target, count(*) AS statements\n"
        "FROM rivalry_edges\n"
        "WHERE stance = 'benchmark'\n"
        "GROUP BY ALL\n"
        "ORDER BY statements DESC"
    ),
    "Stories per company per month (copies once)": (
        "SELECT date_trunc('month', published_at) AS month, company,\n"
        "       count(DISTINCT story_id) AS stories\n"
        "FROM mentions\n"
        "GROUP BY ALL\n"
        "ORDER BY month, stories DESC"
    ),
    "Stories carried by several feeds": (
        "SELECT first_published_at, title, copies, feeds\n"
        "FROM stories\n"
        "WHERE copies > 1\n"
        "ORDER BY copies DESC, first_published_at DESC\n"
        "LIMIT 50"
    ),
    "Products and people named most": (
        "SELECT company, entity, entity_type, count(*) AS mentions\n"
        "FROM mentions\n"
        "WHERE entity_type <> 'company'\n"
        "GROUP BY ALL\n"
        "ORDER BY mentions DESC\n"
        "LIMIT 30"
    ),
    "Company names (as the dashboard shows them)": (
        "SELECT company, mode(entity) AS name, count(*) AS mentions\n"
        "FROM mentions\n"
        "WHERE entity_type = 'company'\n"
        "GROUP BY company\n"
        "ORDER BY mentions DESC"
    ),
    "Most hostile pairs": (
        "SELECT speaker, target, count(*) AS statements, round(avg(polarity), 2) AS mean_polarity\n"
        "FROM rivalry_edges\n"
        "GROUP BY ALL\n"
        "HAVING count(*) >= 3\n"
        "ORDER BY mean_polarity\n"
        "LIMIT 20"
    ),
}
DEFAULT_EXAMPLE = "Meta's statements about rivals"
