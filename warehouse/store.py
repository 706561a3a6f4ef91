"""Idempotent loads: feeds and items upserted on natural keys; an item's
analysis replaced as a whole.

Batches go in as one numpy array of Python objects per column, registered
with the connection and scanned by DuckDB (``_loaded``): a refresh's writer
spends 0.25 s less of CPU on its 10,000 items than with one list parameter
per column unnested in SQL (DuckDB turns every element of a list parameter
into a value of its own), and far less than row-by-row executemany. Not a
DataFrame or an Arrow table: pandas costs a writer 0.3 s of CPU to import,
and pyarrow imports pandas when it builds its first array. Only the readers'
helpers below return DataFrames."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import duckdb

from warehouse.db import utcnow

if TYPE_CHECKING:
    import pandas as pd

ITEM_COLUMNS = [
    "item_id", "feed", "item_guid", "url", "title", "author",
    "published_at", "body", "content_hash", "fetched_at", "run_id", "filer_cik",
    "canonical_url", "title_key",
]
SENTENCE_COLUMNS = ["item_id", "sentence_no", "text"]
MENTION_COLUMNS = [
    "item_id", "sentence_no", "start_char", "company", "alias", "entity", "entity_type",
]
EDGE_COLUMNS = [
    "item_id", "sentence_no", "speaker", "target", "stance", "polarity",
    "evidence", "speaker_via", "speaker_name", "cues",
]
ANALYSIS_COLUMNS = [
    "item_id", "content_hash", "analyzer_version", "catalog_version", "analyzed_at",
]
PASSAGE_COLUMNS = ["item_id", "passage_no", "section", "first_sentence", "last_sentence", "text"]


def upsert_feed(
    con: duckdb.DuckDBPyConnection, *, name: str, url: str | None, kind: str,
    owner: str | None, title: str | None, site_url: str | None,
) -> None:
    upsert_feeds(con, [dict(name=name, url=url, kind=kind, owner=owner, title=title, site_url=site_url)])


FEED_COLUMNS = ["name", "url", "kind", "owner", "title", "site_url"]

# SQL types of the loaded columns that are not VARCHAR.
_TYPES = {
    "published_at": "TIMESTAMP", "fetched_at": "TIMESTAMP", "analyzed_at": "TIMESTAMP", "filed_at": "TIMESTAMP",
    "run_id": "BIGINT", "sentence_no": "INTEGER", "start_char": "INTEGER", "entry_number": "INTEGER",
    "passage_no": "INTEGER", "first_sentence": "INTEGER", "last_sentence": "INTEGER", "polarity": "DOUBLE",
}


# A table's rows: one dict per row, or one list per column (what the
# analysis workers send back; see pipelines.analyze.analyze_columns).
Rows = Sequence[dict] | dict[str, list]


@contextmanager
def _loaded(con: duckdb.DuckDBPyConnection, name: str, rows: Rows, columns: list[str]) -> Iterator[str]:
    """Rows (a missing key is NULL) as a relation for the statements of the
    block: a subquery over the view ``name``, each column cast to its SQL
    type (DuckDB reads the type of a column of Python objects from its
    values; the cast makes it the table's)."""
    import numpy as np  # here, not at import: a refresh with nothing to store never loads it

    if isinstance(rows, dict):  # one list per column, as the analysis workers send them
        count = len(next(iter(rows.values()), []))
        values = {column: rows.get(column) or [None] * count for column in columns}
    else:
        count = len(rows)
        values = {column: [row.get(column) for row in rows] for column in columns}
    # fromiter, not np.array: a value that is itself a list stays one value.
    con.register(name, {column: np.fromiter(values[column], dtype=object, count=count) for column in columns})
    typed = ", ".join(f"{c}::{_TYPES.get(c, 'VARCHAR')} AS {c}" for c in columns)
    try:
        yield f"(SELECT {typed} FROM {name})"
    except BaseException:
        try:
            con.unregister(name)
        except duckdb.Error:
            pass  # a failed statement aborted the transaction, whose ROLLBACK drops the view
        raise
    con.unregister(name)


def _ids(item_ids: Iterable[str]) -> list[str]:
    return sorted(set(item_ids))


def upsert_feeds(con: duckdb.DuckDBPyConnection, feeds: Sequence[dict]) -> None:
    """Store feeds (name, url, kind, owner, title, site_url) in one statement:
    a refresh stores a batch of fetched feeds at a time."""
    if not feeds:
        return
    latest = {feed["name"]: {**feed, "owner": feed.get("owner") or None} for feed in feeds}
    with _loaded(con, "loaded_feeds", list(latest.values()), FEED_COLUMNS) as rows:
        con.execute(
            f"""
            INSERT INTO feeds (name, url, kind, owner, title, site_url, created_at, updated_at)
            SELECT name, url, kind, owner, title, site_url, $now, $now FROM {rows}
            ON CONFLICT (name) DO UPDATE SET
                url = excluded.url, kind = excluded.kind, owner = excluded.owner,
                title = excluded.title, site_url = excluded.site_url, updated_at = excluded.updated_at
            """,
            dict(now=utcnow()),
        )


# A changed item's new fields (its story stays).
_ITEM_UPDATE = """
    ON CONFLICT (item_id) DO UPDATE SET
        url = excluded.url, title = excluded.title, author = excluded.author,
        published_at = excluded.published_at, body = excluded.body,
        content_hash = excluded.content_hash, fetched_at = excluded.fetched_at,
        run_id = excluded.run_id, filer_cik = excluded.filer_cik,
        canonical_url = excluded.canonical_url, title_key = excluded.title_key
"""


def upsert_items(con: duckdb.DuckDBPyConnection, items: Sequence[dict]) -> tuple[list[str], list[str]]:
    """Store items; return (new ids, changed ids). Unchanged items are left alone,
    so re-ingesting the same document writes nothing."""
    if not items:
        return [], []
    # The last copy of a key within one document wins (feeds do repeat GUIDs).
    unique = list({item["item_id"]: item for item in items}.values())
    _upsert_details(con, unique)
    existing = dict(
        con.execute(
            "SELECT item_id, content_hash FROM feed_items WHERE item_id IN (SELECT unnest($ids::VARCHAR[]))",
            dict(ids=[item["item_id"] for item in unique]),
        ).fetchall()
    )
    new_ids = [item["item_id"] for item in unique if item["item_id"] not in existing]
    changed_ids = [item["item_id"] for item in unique
                   if item["item_id"] in existing and existing[item["item_id"]] != item["content_hash"]]
    # New items in a plain INSERT: ON CONFLICT made their insert 1.6 times as costly.
    for ids, on_conflict in ((set(new_ids), ""), (set(changed_ids), _ITEM_UPDATE)):
        if ids:
            with _loaded(con, "loaded_items", [item for item in unique if item["item_id"] in ids],
                         ITEM_COLUMNS) as rows:
                con.execute(f"INSERT INTO feed_items ({', '.join(ITEM_COLUMNS)}) SELECT * FROM {rows} {on_conflict}")
    # A changed item may have moved in time: its analysis rows carry the date.
    refresh_item_copies(con, changed_ids)
    # A changed item may have moved its story's first day. A new item has no
    # story yet: assign_stories, which every job runs before it publishes
    # (and which picks up items a killed job left without one), counts it.
    refresh_rollups(con, changed_ids)
    return new_ids, changed_ids


FILING_COLUMNS = ["item_id", "accession", "form_type", "cik", "company_name", "company", "role", "filed_at", "url"]
DOCKET_COLUMNS = ["item_id", "court", "case_number", "case_name", "entry_number", "filed_at", "description", "url"]


def _upsert_details(con: duckdb.DuckDBPyConnection, items: Sequence[dict]) -> None:
    """Filing and docket fields of the items that carry them, replaced whole."""
    filings = [{"item_id": i["item_id"], **i["filing"]} for i in items if i.get("filing")]
    dockets = [{"item_id": i["item_id"], "filed_at": i.get("published_at"), **i["docket"]}
               for i in items if i.get("docket")]
    for rows, table, columns in ((filings, "filing_details", FILING_COLUMNS),
                                 (dockets, "docket_details", DOCKET_COLUMNS)):
        if not rows:
            continue
        con.execute(f"DELETE FROM {table} WHERE item_id IN (SELECT unnest($ids::VARCHAR[]))",
                    dict(ids=[row["item_id"] for row in rows]))
        with _loaded(con, f"loaded_{table}", rows, columns) as loaded:
            con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM {loaded}")


STORY_WINDOW_DAYS = 7


def assign_stories(con: duckdb.DuckDBPyConnection) -> None:
    """Give every item without a story the story of a copy (same canonical URL,
    or the same headline within a week in another feed), else one of its own.
    Run once per job, after all its items are stored: one pass over the
    warehouse instead of one per feed, and a job killed before it leaves
    items that the next job's pass picks up (readers fall back to item_id).
    Runs in its own transaction, with the roll-ups of the stories it touched."""
    con.execute("BEGIN TRANSACTION")
    try:
        touched = _assign_stories(con)
        refresh_item_copies(con, touched)
        refresh_rollups(con, touched)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _assign_stories(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Assign the stories; return the ids of the items whose story changed and
    of the stories they left (an unassigned item is its own story)."""
    touched = [r[0] for r in con.execute("SELECT item_id FROM feed_items WHERE story_id IS NULL").fetchall()]
    earlier_new = "(o.published_at < n.published_at OR (o.published_at = n.published_at AND o.item_id < n.item_id))"
    same_headline = (f"o.feed <> n.feed AND o.title_key = n.title_key "
                     f"AND abs(date_diff('day', o.published_at, n.published_at)) <= {STORY_WINDOW_DAYS}")
    con.execute(
        f"""
        UPDATE feed_items AS n SET story_id = coalesce(
            -- a copy stored by an earlier job already has its story
            (SELECT arg_min(o.story_id, o.published_at) FROM feed_items o
             WHERE o.story_id IS NOT NULL AND o.canonical_url = n.canonical_url),
            (SELECT arg_min(o.story_id, o.published_at) FROM feed_items o
             WHERE o.story_id IS NOT NULL AND {same_headline}),
            -- copies arriving together: the earliest one names the story
            (SELECT arg_min(o.item_id, o.published_at) FROM feed_items o
             WHERE o.story_id IS NULL AND o.item_id <> n.item_id
               AND o.canonical_url = n.canonical_url AND {earlier_new}),
            (SELECT arg_min(o.item_id, o.published_at) FROM feed_items o
             WHERE o.story_id IS NULL AND o.item_id <> n.item_id AND {same_headline} AND {earlier_new}),
            n.item_id)
        WHERE n.story_id IS NULL
        """
    )
    # Copies found by URL and by headline can chain (C -> B -> A): follow
    # each story to its root so all copies share one id.
    for _ in range(5):
        left = con.execute(
            """
            SELECT DISTINCT n.story_id FROM feed_items AS n JOIN feed_items AS p ON n.story_id = p.item_id
            WHERE p.story_id <> p.item_id AND n.story_id <> p.story_id
            """
        ).fetchall()
        if not left:
            break
        changed = con.execute(
            """
            UPDATE feed_items AS n SET story_id = p.story_id
            FROM feed_items AS p
            WHERE n.story_id = p.item_id AND p.story_id <> p.item_id AND n.story_id <> p.story_id
            RETURNING n.item_id
            """
        ).fetchall()
        touched += [r[0] for r in left] + [r[0] for r in changed]
    return touched


# What the analyzer reads of an item: its fields, its feed's owner and kind,
# and the text of its filing document, if one was fetched. The analysed hash
# covers the document too, so a newly fetched document re-analyses the item.
_ANALYSED_HASH = "i.content_hash || coalesce('+' || d.text_hash, '')"
_ANALYSIS_INPUT = f"""
    i.item_id, i.title, i.body, {_ANALYSED_HASH} AS content_hash, f.owner, f.kind, i.filer_cik, i.published_at,
    d.text AS document
    FROM feed_items i
    LEFT JOIN feeds f ON f.name = i.feed
    LEFT JOIN filing_documents d ON d.item_id = i.item_id AND d.text IS NOT NULL
"""


# Oldest first: replace_analysis appends each batch's rows, so a re-analysis
# of everything leaves the analysis tables in publication order too.
_ANALYSIS_ORDER = " ORDER BY i.published_at NULLS FIRST, i.item_id"


def items_to_analyze(
    con: duckdb.DuckDBPyConnection, analyzer_version: str, catalog_version: str,
    item_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Items whose stored analysis is missing or stale (other content, analyzer
    or catalog), with what the analyzer needs."""
    sql = f"""
        SELECT {_ANALYSIS_INPUT}
        LEFT JOIN item_analysis a ON a.item_id = i.item_id
        WHERE (a.item_id IS NULL OR a.content_hash <> {_ANALYSED_HASH}
               OR a.analyzer_version <> $analyzer OR a.catalog_version <> $catalog)
    """
    params = dict(analyzer=analyzer_version, catalog=catalog_version)
    if item_ids is not None:
        params["wanted"] = list(item_ids)
        sql += " AND i.item_id IN (SELECT unnest($wanted::VARCHAR[]))"
    return con.execute(sql + _ANALYSIS_ORDER, params).df()


def stale_items(
    con: duckdb.DuckDBPyConnection, analyzer_version: str, catalog_version: str, item_ids: Iterable[str],
) -> list[str]:
    """Which of these items ``items_to_analyze`` would return (their ids only)."""
    return [row[0] for row in con.execute(
        f"""
        SELECT i.item_id FROM feed_items i
        LEFT JOIN filing_documents d ON d.item_id = i.item_id AND d.text IS NOT NULL
        LEFT JOIN item_analysis a ON a.item_id = i.item_id
        WHERE (a.item_id IS NULL OR a.content_hash <> {_ANALYSED_HASH}
               OR a.analyzer_version <> $analyzer OR a.catalog_version <> $catalog)
          AND i.item_id IN (SELECT unnest($wanted::VARCHAR[]))
        ORDER BY i.item_id
        """,
        dict(analyzer=analyzer_version, catalog=catalog_version, wanted=list(item_ids)),
    ).fetchall()]


def all_items_for_analysis(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(f"SELECT {_ANALYSIS_INPUT}{_ANALYSIS_ORDER}").df()


def replace_analysis(
    con: duckdb.DuckDBPyConnection, *, sentences: Rows, mentions: Rows,
    edges: Rows, analyses: Rows, passages: Rows = (), rollups: bool = True,
) -> None:
    """Swap the analysis of a batch of items in one transaction (with the
    filing-document passages it read, see filing_passages); each table's
    rows as dicts or as columns (``Rows``). ``rollups=False``
    leaves the roll-ups of their stories to the caller's ``update_rollups``,
    once for several batches (a refresh: per batch they cost more than the
    batch)."""
    if not analyses:
        return
    try:
        _replace_analysis(con, sentences, mentions, edges, analyses, passages, rollups, trust_record=True)
    except duckdb.ConstraintException:
        # Rows of an item without its item_analysis row (a warehouse edited
        # by hand): replace them too.
        _replace_analysis(con, sentences, mentions, edges, analyses, passages, rollups, trust_record=False)


def _replace_analysis(con, sentences, mentions, edges, analyses, passages, rollups, *, trust_record: bool) -> None:
    """``trust_record``: the old rows are deleted only if an item of the
    batch has an item_analysis row (an item's rows and that record are
    written and replaced together), so a batch of items never analysed, most
    of a refresh's, skips five DELETEs that each read a whole table."""
    con.execute("BEGIN TRANSACTION")
    try:
        with _loaded(con, "loaded_analyses", analyses, ANALYSIS_COLUMNS) as loaded:
            con.execute(f"CREATE OR REPLACE TEMP TABLE analysed_batch AS SELECT * FROM {loaded}")
        if not trust_record or con.execute("SELECT count(*) FROM item_analysis "
                                           "WHERE item_id IN (SELECT item_id FROM analysed_batch)").fetchone()[0]:
            for table in ("item_sentences", "item_mentions", "item_edges", "item_analysis", "filing_passages"):
                con.execute(f"DELETE FROM {table} WHERE item_id IN (SELECT item_id FROM analysed_batch)")
        # The batch's items, looked up once for the copies all three tables carry.
        con.execute("CREATE OR REPLACE TEMP TABLE analysed_items AS SELECT item_id, "
                    f"{', '.join(ITEM_COPIES['item_mentions'])} FROM feed_items "
                    "WHERE item_id IN (SELECT item_id FROM analysed_batch)")
        for table, rows, columns in (("item_sentences", sentences, SENTENCE_COLUMNS),
                                     ("item_mentions", mentions, MENTION_COLUMNS),
                                     ("item_edges", edges, EDGE_COLUMNS)):
            with _loaded(con, f"loaded_{table}", rows, columns) as loaded:
                con.execute(_insert_with_copies(table, loaded, columns))
        con.execute("DROP TABLE analysed_items")
        con.execute(f"INSERT INTO item_analysis SELECT {', '.join(ANALYSIS_COLUMNS)} FROM analysed_batch")
        if passages:
            with _loaded(con, "loaded_passages", passages, PASSAGE_COLUMNS) as loaded:
                con.execute(f"INSERT INTO filing_passages ({', '.join(PASSAGE_COLUMNS)}) SELECT * FROM {loaded}")
        # Items still without a story are counted when assign_stories gives
        # them one (refresh analyses new items while others are still fetched).
        if rollups:
            storied = con.execute("SELECT item_id FROM feed_items WHERE story_id IS NOT NULL "
                                  "AND item_id IN (SELECT item_id FROM analysed_batch)").fetchall()
            refresh_rollups(con, [row[0] for row in storied])
        con.execute("DROP TABLE analysed_batch")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


# Copies of their item's fields that analysis rows carry (migration 0008), so
# the dashboard filters and sorts them without joining feed_items.
ITEM_COPIES = {
    "item_sentences": ["published_at"],
    "item_mentions": ["published_at", "story_id", "feed"],
    "item_edges": ["published_at", "story_id", "feed"],
}


def _insert_with_copies(table: str, frame: str, columns: list[str]) -> str:
    """Rows of ``frame`` (a subquery) with the copies of their item (in the temp table
    analysed_items) filled in, in publication order as migration 0008 left
    the table, so each row group covers a short stretch of time and a
    date-bound read skips the others."""
    copies = ITEM_COPIES[table]
    return (
        f"INSERT INTO {table} ({', '.join(columns + copies)}) "
        f"SELECT {', '.join(f'r.{c}' for c in columns)}, {', '.join(f'i.{c}' for c in copies)} "
        f"FROM {frame} r LEFT JOIN analysed_items i ON i.item_id = r.item_id "
        f"ORDER BY i.published_at NULLS FIRST, r.item_id, r.sentence_no"
    )


def refresh_item_copies(con: duckdb.DuckDBPyConnection, item_ids: Iterable[str]) -> None:
    """Bring the copies in the analysis rows of these items back in step with
    feed_items (after an item's published_at or story_id changed). Rewrites
    only rows that differ; run it in the transaction that changed the items."""
    ids = _ids(item_ids)
    if not ids:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE copied_items AS SELECT unnest($ids::VARCHAR[]) AS item_id", dict(ids=ids))
    for table, copies in ITEM_COPIES.items():
        con.execute(
            f"""
            UPDATE {table} AS r SET {', '.join(f'{c} = i.{c}' for c in copies)}
            FROM feed_items AS i
            WHERE i.item_id = r.item_id AND i.item_id IN (SELECT item_id FROM copied_items)
              AND ({' OR '.join(f'r.{c} IS DISTINCT FROM i.{c}' for c in copies)})
            """
        )
    con.execute("DROP TABLE copied_items")


# The dashboard's per-story roll-ups (migration 0007): each table's rows for
# the stories in `rollup_keys`, or for every story when `{keys}` is empty.
_STORY = "coalesce(i.story_id, i.item_id)"
_ROLLUPS = {
    "story_days": f"""
        SELECT {_STORY}, min(i.published_at), count(*)
        FROM feed_items i
        WHERE i.published_at IS NOT NULL {{keys}}
        GROUP BY ALL""",
    "story_company_counts": f"""
        SELECT {_STORY}, m.company, min(i.published_at), count(*)
        FROM item_mentions m
        JOIN feed_items i USING (item_id)
        WHERE i.published_at IS NOT NULL {{keys}}
        GROUP BY ALL""",
    "story_pair_statements": f"""
        SELECT {_STORY}, e.speaker, e.target, md5(e.evidence),
               any_value(e.stance), any_value(e.polarity), min(i.published_at)
        FROM item_edges e
        JOIN feed_items i USING (item_id)
        WHERE i.published_at IS NOT NULL {{keys}}
        GROUP BY {_STORY}, e.speaker, e.target, md5(e.evidence)""",
}

# pair_day_counts sums story_pair_statements per day, pair and stance.
_PAIR_DAYS = ("SELECT s.first_seen::DATE, s.speaker, s.target, s.stance, count(*), sum(s.polarity) "
              "FROM story_pair_statements s")


def refresh_rollups(con: duckdb.DuckDBPyConnection, item_ids: Iterable[str], *, story_days: bool = True) -> None:
    """Recompute the roll-ups of the stories these items belong to, or
    belonged to (pass a story id an item left: story ids are item ids).
    Costs what those stories hold, not the warehouse; run it in the writer's
    transaction that changed the items. ``story_days=False`` leaves
    story_days, which follows feed_items alone, as it is."""
    ids = _ids(item_ids)
    if not ids:
        return
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE rollup_keys AS
        SELECT unnest($ids::VARCHAR[]) AS story_id
        UNION
        SELECT {_STORY} FROM feed_items i WHERE i.item_id IN (SELECT unnest($ids::VARCHAR[]))
        """,
        dict(ids=ids),
    )
    # Every copy of those stories, whichever of them changed.
    con.execute("CREATE OR REPLACE TEMP TABLE story_items AS "
                f"SELECT i.item_id FROM feed_items i WHERE {_STORY} IN (SELECT story_id FROM rollup_keys)")
    keys = "AND i.item_id IN (SELECT item_id FROM story_items)"
    # The day, pair and stance groups these stories counted in, and count in now.
    groups = ("SELECT DISTINCT first_seen::DATE AS day, speaker, target, stance FROM story_pair_statements "
              "WHERE story_id IN (SELECT story_id FROM rollup_keys)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE rollup_pair_groups AS {groups}")
    for table, select in _ROLLUPS.items():
        if table == "story_days" and not story_days:
            continue
        con.execute(f"DELETE FROM {table} WHERE story_id IN (SELECT story_id FROM rollup_keys)")
        con.execute(f"INSERT INTO {table} {select.format(keys=keys)}")
    con.execute(f"INSERT INTO rollup_pair_groups {groups} EXCEPT SELECT * FROM rollup_pair_groups")
    con.execute("""
        DELETE FROM pair_day_counts AS c USING rollup_pair_groups AS g
        WHERE c.day = g.day AND c.speaker = g.speaker AND c.target = g.target AND c.stance = g.stance
    """)
    con.execute(f"INSERT INTO pair_day_counts {_PAIR_DAYS} JOIN rollup_pair_groups g "
                "ON s.first_seen::DATE = g.day AND s.speaker = g.speaker AND s.target = g.target "
                "AND s.stance = g.stance GROUP BY ALL")
    for table in ("rollup_pair_groups", "story_items", "rollup_keys"):
        con.execute(f"DROP TABLE {table}")


def update_rollups(con: duckdb.DuckDBPyConnection, item_ids: Iterable[str]) -> None:
    """The roll-ups of what these items' analyses say, in a transaction of
    its own: after analyses written with ``replace_analysis(rollups=False)``,
    once their stories are assigned (story_days, which follows feed_items
    alone, was kept up by assign_stories and upsert_items)."""
    con.execute("BEGIN TRANSACTION")
    try:
        refresh_rollups(con, item_ids, story_days=False)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def rebuild_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every roll-up from the warehouse (after loading rows with
    plain SQL, as the benchmark does)."""
    for table, select in _ROLLUPS.items():
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} {select.format(keys='')}")
    con.execute("DELETE FROM pair_day_counts")
    con.execute(f"INSERT INTO pair_day_counts {_PAIR_DAYS} GROUP BY ALL")


def start_run(con: duckdb.DuckDBPyConnection, command: str) -> int:
    return con.execute(
        "INSERT INTO runs (command, started_at, status) VALUES (?, ?, 'running') RETURNING run_id",
        [command, utcnow()],
    ).fetchone()[0]


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: int, *, status: str, items_seen: int,
    items_new: int, errors: int, detail: list[dict],
) -> None:
    con.execute(
        """
        UPDATE runs SET finished_at = ?, status = ?, items_seen = ?, items_new = ?,
               errors = ?, detail = ?
        WHERE run_id = ?
        """,
        [utcnow(), status, items_seen, items_new, errors, json.dumps(detail), run_id],
    )
