"""The dashboard's daily counts read per-story roll-ups the writer keeps
current; they must equal the full scans they replaced, after every kind of
write: an ingest, a re-ingested changed item, a copy joining a story, and a
re-analysis of everything."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipelines.cli import build_demo
from pipelines.ingest import analyze_pending, ingest
from warehouse import db, queries, store

# The named queries as they were before the roll-ups: the reference.
FULL_SCANS = {
    "company_days": """
        WITH story_company AS (
            SELECT coalesce(i.story_id, i.item_id) AS story_id, m.company,
                   min(i.published_at) AS first_seen, count(*) AS mentions
            FROM item_mentions m
            JOIN feed_items i USING (item_id)
            WHERE i.published_at IS NOT NULL
            GROUP BY ALL
        )
        SELECT first_seen::DATE AS day, company, count(*) AS stories, sum(mentions)::BIGINT AS mentions
        FROM story_company
        GROUP BY ALL
        ORDER BY day, company
    """,
    "daily_stories": """
        WITH stories AS (
            SELECT coalesce(story_id, item_id) AS story_id, min(published_at) AS first_seen,
                   count(*) AS copies
            FROM feed_items
            WHERE published_at IS NOT NULL
            GROUP BY ALL
        )
        SELECT first_seen::DATE AS day, count(*) AS stories, sum(copies)::BIGINT AS items
        FROM stories
        GROUP BY ALL
        ORDER BY day
    """,
    "pair_days": """
        WITH statements AS (
            SELECT e.speaker, e.target, any_value(e.stance) AS stance,
                   any_value(e.polarity) AS polarity, min(i.published_at) AS published_at
            FROM item_edges e
            JOIN feed_items i USING (item_id)
            WHERE i.published_at IS NOT NULL
            GROUP BY coalesce(i.story_id, i.item_id), e.speaker, e.target, e.evidence
        )
        SELECT published_at::DATE AS day, speaker, target, stance, count(*) AS edges,
               sum(polarity) AS polarity_sum
        FROM statements
        GROUP BY ALL
        ORDER BY day, speaker, target, stance
    """,
}
ROLLUP_TABLES = ["story_days", "story_company_counts", "story_pair_statements", "pair_day_counts"]


def _rollups(con) -> dict[str, pd.DataFrame]:
    return {name: queries.run(con, name).reset_index(drop=True) for name in FULL_SCANS}


def assert_rollups_match_full_scans(con) -> dict[str, pd.DataFrame]:
    got = _rollups(con)
    for name, sql in FULL_SCANS.items():
        want = con.execute(sql).df()
        assert len(want), name
        pd.testing.assert_frame_equal(got[name], want, check_exact=False, obj=name)
    # And the incremental upkeep left the same rows a rebuild makes.
    kept = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").df() for t in ROLLUP_TABLES}
    con.execute("BEGIN TRANSACTION")
    store.rebuild_rollups(con)
    for table in ROLLUP_TABLES:
        rebuilt = con.execute(f"SELECT * FROM {table} ORDER BY ALL").df()
        pd.testing.assert_frame_equal(kept[table], rebuilt, check_exact=False, obj=table)
    con.execute("ROLLBACK")
    return got


def _first_item(xml: str) -> str:
    return re.search(r"<item>.*?</item>", xml, re.S).group(0)


def test_rollups_follow_ingest_changes_copies_and_reanalysis(tmp_path, catalog):
    samples = Path(str(__import__("pipelines").__file__)).parent / "samples"
    original = (samples / "ai-wire.xml").read_text(encoding="utf-8")
    item = _first_item(original)
    with db.writer(tmp_path / "rw.duckdb", publish=False) as con:
        outcomes = build_demo(con, catalog)
        assert all(o.ok for o in outcomes)
        before = assert_rollups_match_full_scans(con)

        # The same item re-published: earlier, with other words and companies.
        changed = item.replace("Wed, 26 Mar 2025 11:02:06 +0000", "Mon, 03 Feb 2025 09:00:00 +0000").replace(
            "Clem Delangue wrote.",
            "Clem Delangue wrote. Anthropic said Claude beats Gemini, and Mistral called Gemini a threat.")
        assert changed != item
        changed_feed = tmp_path / "ai-wire.xml"
        changed_feed.write_text(original.replace(item, changed), encoding="utf-8")
        done, analysed = ingest(con, [str(changed_feed)], catalog, feed_name="ai-wire", kind="news")
        assert done[0].ok and done[0].items_changed == 1 and analysed >= 1
        after_change = assert_rollups_match_full_scans(con)
        assert not after_change["company_days"].equals(before["company_days"])

        # A copy of that story in another feed, a day earlier still: the
        # story's first day moves, its copies grow.
        copy = changed.replace("tag:aiwire.example.com", "tag:copywire.example.com").replace(
            "Mon, 03 Feb 2025 09:00:00 +0000", "Sun, 02 Feb 2025 08:00:00 +0000")
        copy_feed = tmp_path / "copy-wire.xml"
        copy_feed.write_text(original.replace("<title>AI Wire</title>", "<title>Copy Wire</title>")
                             .replace(item, copy), encoding="utf-8")
        done, _ = ingest(con, [str(copy_feed)], catalog, feed_name="copy-wire", kind="news")
        assert done[0].ok and done[0].items_new >= 1
        stories = con.execute(
            "SELECT count(DISTINCT story_id) FROM feed_items WHERE feed IN ('ai-wire', 'copy-wire')").fetchone()[0]
        copies = con.execute("SELECT count(*) FROM feed_items WHERE feed IN ('ai-wire', 'copy-wire')").fetchone()[0]
        assert stories < copies  # the copies joined their stories
        after_copy = assert_rollups_match_full_scans(con)
        assert not after_copy["daily_stories"].equals(after_change["daily_stories"])

        # Re-analysis of everything (a rule or catalog change).
        assert analyze_pending(con, catalog, everything=True) > 0
        assert_rollups_match_full_scans(con)


def test_migration_fills_rollups_of_existing_rows(tmp_path, catalog):
    """A warehouse written before the roll-ups existed gets them filled by the migration."""
    path = tmp_path / "rw.duckdb"
    with db.writer(path, publish=False) as con:
        build_demo(con, catalog)
        for table in ROLLUP_TABLES:
            con.execute(f"DROP TABLE {table}")
        con.execute("DELETE FROM schema_migrations WHERE name = '0007_rollups.sql'")
        assert db.migrate(con) == ["0007_rollups.sql"]
        assert_rollups_match_full_scans(con)


@pytest.mark.parametrize("name", sorted(FULL_SCANS))
def test_rollup_queries_read_no_raw_tables(name):
    sql = queries.load(name)
    for table in ("item_mentions", "item_edges", "feed_items"):
        assert table not in sql
