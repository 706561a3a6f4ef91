"""Mentions, statements and sentences carry copies of their item's
published_at, story_id and feed (migration 0008), which the dashboard's
queries filter on instead of feed_items. A stale copy would silently move a
sentence to another day or story, so every kind of write must keep them in
step: analysis, a story assigned to analysed items, a re-published item with
another date, a re-analysis; and the migration fills them for old rows."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd

import pipelines
from pipelines.cli import build_demo
from pipelines.ingest import analyze_pending, ingest
from warehouse import db, queries, store

COPIES = store.ITEM_COPIES


def stale_copies(con) -> dict[str, int]:
    """Rows per table whose copies differ from their item's fields."""
    stale = {}
    for table, columns in COPIES.items():
        differs = " OR ".join(f"r.{c} IS DISTINCT FROM i.{c}" for c in columns)
        stale[table] = con.execute(
            f"SELECT count(*) FROM {table} r LEFT JOIN feed_items i USING (item_id) WHERE {differs}"
        ).fetchone()[0]
    return stale


def assert_copies_in_step(con) -> None:
    assert stale_copies(con) == dict.fromkeys(COPIES, 0)


def _item(item_id: str, feed: str, published: datetime, content_hash: str) -> dict:
    return dict(item_id=item_id, feed=feed, item_guid=item_id, url=f"https://example.com/{item_id}",
                title="OpenAI and Meta", author=None, published_at=published, body="b",
                content_hash=content_hash, fetched_at=published, run_id=None,
                canonical_url="https://example.com/story")  # both items carry one story


def _analyse(con, item_ids: list[str], content_hash: str = "h") -> None:
    sentences, mentions, edges, analyses = [], [], [], []
    for item_id in item_ids:
        sentences.append(dict(item_id=item_id, sentence_no=0, text="Meta said OpenAI is the bar."))
        mentions += [dict(item_id=item_id, sentence_no=0, start_char=k, company=c, alias=c, entity=c,
                          entity_type="company") for k, c in enumerate(["meta", "openai"])]
        edges.append(dict(item_id=item_id, sentence_no=0, speaker="meta", target="openai", stance="benchmark",
                          polarity=0.1, evidence="Meta said OpenAI is the bar.", speaker_via="quote",
                          speaker_name="Meta", cues=None))
        analyses.append(dict(item_id=item_id, content_hash=content_hash, analyzer_version="t",
                             catalog_version="t", analyzed_at=datetime(2025, 1, 1)))
    store.replace_analysis(con, sentences=sentences, mentions=mentions, edges=edges, analyses=analyses)


def _copies_of(con, item_id: str) -> set[tuple]:
    return {row for table in COPIES for row in con.execute(
        f"SELECT DISTINCT {', '.join(COPIES['item_mentions'][:len(COPIES[table])])} FROM {table} "
        "WHERE item_id = ?", [item_id]).fetchall()}


def test_copies_follow_stories_dates_and_reanalysis(tmp_path):
    with db.writer(tmp_path / "rw.duckdb", publish=False) as con:
        for feed in ("wire", "copies"):
            store.upsert_feed(con, name=feed, url=None, kind="news", owner=None, title=feed, site_url=None)
        first, later = datetime(2025, 3, 1, 9), datetime(2025, 3, 1, 15)
        store.upsert_items(con, [_item("a", "wire", first, "h1"), _item("b", "copies", later, "h1")])
        # Analysed before their story is known (a job killed before assign_stories).
        _analyse(con, ["a", "b"])
        assert _copies_of(con, "b") == {(later,), (later, None, "copies")}
        assert_copies_in_step(con)

        store.assign_stories(con)  # b is a copy of a's story
        assert con.execute("SELECT story_id FROM feed_items WHERE item_id = 'b'").fetchone()[0] == "a"
        assert _copies_of(con, "b") == {(later,), (later, "a", "copies")}
        assert_copies_in_step(con)

        # b re-published with other words and an earlier date: its old
        # analysis moves with it until it is analysed again.
        earlier = datetime(2025, 2, 27, 8)
        new, changed = store.upsert_items(con, [_item("b", "copies", earlier, "h2")])
        assert (new, changed) == ([], ["b"])
        assert _copies_of(con, "b") == {(earlier,), (earlier, "a", "copies")}
        assert _copies_of(con, "a") == {(first,), (first, "a", "wire")}
        assert_copies_in_step(con)

        _analyse(con, ["b"], content_hash="h2")
        assert _copies_of(con, "b") == {(earlier,), (earlier, "a", "copies")}
        assert_copies_in_step(con)


def test_a_story_chain_moves_the_copies_of_every_link(tmp_path):
    """Copies found by URL and by headline chain (c -> b -> a); following
    the chain to its root changes the story of items analysed before."""
    with db.writer(tmp_path / "rw.duckdb", publish=False) as con:
        for feed in ("one", "two", "three"):
            store.upsert_feed(con, name=feed, url=None, kind="news", owner=None, title=feed, site_url=None)
        items = [_item(i, f, datetime(2025, 3, d, 9), "h") for i, f, d in (("a", "one", 1), ("b", "two", 2),
                                                                             ("c", "three", 3))]
        items[0]["canonical_url"], items[0]["title_key"] = "https://example.com/a", "a headline"
        items[1]["canonical_url"], items[1]["title_key"] = "https://example.com/b", "a headline"
        items[2]["canonical_url"], items[2]["title_key"] = "https://example.com/b", "another"
        store.upsert_items(con, items)
        _analyse(con, ["a", "b", "c"])
        store.assign_stories(con)
        stories = dict(con.execute("SELECT item_id, story_id FROM feed_items").fetchall())
        assert stories == {"a": "a", "b": "a", "c": "a"}
        assert_copies_in_step(con)


def test_demo_ingest_changes_copies_and_reanalysis_keep_copies_in_step(tmp_path, catalog):
    original = (Path(pipelines.__file__).parent / "samples" / "ai-wire.xml").read_text(encoding="utf-8")
    item = re.search(r"<item>.*?</item>", original, re.S).group(0)
    with db.writer(tmp_path / "rw.duckdb", publish=False) as con:
        build_demo(con, catalog)
        assert_copies_in_step(con)
        changed = item.replace("Wed, 26 Mar 2025 11:02:06 +0000", "Mon, 03 Feb 2025 09:00:00 +0000")
        (tmp_path / "ai-wire.xml").write_text(original.replace(item, changed), encoding="utf-8")
        done, _ = ingest(con, [str(tmp_path / "ai-wire.xml")], catalog, feed_name="ai-wire", kind="news")
        assert done[0].ok
        assert_copies_in_step(con)
        copy = changed.replace("tag:aiwire.example.com", "tag:copywire.example.com")
        (tmp_path / "copy.xml").write_text(original.replace("<title>AI Wire</title>", "<title>Copy</title>")
                                           .replace(item, copy), encoding="utf-8")
        done, _ = ingest(con, [str(tmp_path / "copy.xml")], catalog, feed_name="copy-wire", kind="news")
        assert done[0].ok and done[0].items_new >= 1
        assert_copies_in_step(con)
        assert analyze_pending(con, catalog, everything=True) > 0
        assert_copies_in_step(con)
        # A re-analysis of everything rewrites the tables oldest first.
        for table in COPIES:
            dates = con.execute(f"SELECT published_at FROM {table} ORDER BY rowid").df()["published_at"]
            assert dates.dropna().is_monotonic_increasing, table


def _to_pre_0008(con) -> dict[str, pd.DataFrame]:
    """Put the analysis tables back in their shape before migration 0008
    (no copies, rows in no particular order) and return their rows."""
    before = {}
    for table, copies in COPIES.items():
        keep = [c for c in (r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()) if c not in copies]
        before[table] = con.execute(f"SELECT {', '.join(keep)} FROM {table} ORDER BY ALL").df()
        con.execute(f"CREATE TABLE {table}_old AS SELECT {', '.join(keep)} FROM {table} ORDER BY hash(item_id)")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE {table}_old RENAME TO {table}")
    con.execute("DELETE FROM schema_migrations WHERE version >= 8")
    return before


# The documented views as migration 0003 wrote them: joined on item and sentence keys only.
JOINED_ON_ITEMS_ONLY = {
    "mentions": """
        SELECT m.item_id, i.item_guid, i.published_at, i.feed, m.company, m.alias, s.text AS sentence,
               m.entity, m.entity_type, m.sentence_no, i.url, i.story_id
        FROM item_mentions m
        JOIN feed_items i USING (item_id)
        JOIN item_sentences s ON s.item_id = m.item_id AND s.sentence_no = m.sentence_no
        ORDER BY ALL""",
    "rivalry_edges": """
        SELECT e.item_id, i.item_guid, i.published_at, i.feed, e.speaker, e.target, e.stance,
               e.polarity, e.evidence, e.speaker_via, e.speaker_name, e.cues, s.text AS sentence,
               e.sentence_no, i.url, i.title, i.story_id
        FROM item_edges e
        JOIN feed_items i USING (item_id)
        JOIN item_sentences s ON s.item_id = e.item_id AND s.sentence_no = e.sentence_no
        ORDER BY ALL""",
}


def test_migration_fills_copies_and_orders_rows_by_date(tmp_path, catalog):
    with db.writer(tmp_path / "rw.duckdb", publish=False) as con:
        build_demo(con, catalog)
        views = {v: con.execute(f"SELECT * FROM {v} ORDER BY ALL").df() for v in ("mentions", "rivalry_edges")}
        before = _to_pre_0008(con)
        assert db.migrate(con)[:2] == ["0008_analysis_item_copies.sql", "0009_views_match_dates.sql"]
        assert_copies_in_step(con)
        for table, rows in before.items():
            after = con.execute(f"SELECT {', '.join(rows.columns)} FROM {table} ORDER BY ALL").df()
            pd.testing.assert_frame_equal(after, rows, obj=table)
            dates = con.execute(f"SELECT published_at FROM {table} ORDER BY rowid").df()["published_at"]
            assert dates.dropna().is_monotonic_increasing, table
        for view, rows in views.items():
            pd.testing.assert_frame_equal(con.execute(f"SELECT * FROM {view} ORDER BY ALL").df(), rows, obj=view)
            # The views match on the copied dates too: they drop no row the item join alone keeps.
            pd.testing.assert_frame_equal(con.execute(JOINED_ON_ITEMS_ONLY[view]).df(), rows, obj=view)
        # The keys are still keys.
        keys = con.execute("SELECT constraint_column_names FROM duckdb_constraints() "
                           "WHERE constraint_type = 'PRIMARY KEY' AND table_name = 'item_mentions'").fetchall()
        assert keys == [(["item_id", "sentence_no", "start_char"],)]


def test_analysis_rows_land_in_publication_order(tmp_path):
    with db.writer(tmp_path / "rw.duckdb", publish=False) as con:
        store.upsert_feed(con, name="wire", url=None, kind="news", owner=None, title="wire", site_url=None)
        ids = ["a", "b", "c"]  # newest first, as a feed lists them
        store.upsert_items(con, [_item(i, "wire", datetime(2025, 3, 3 - n), "h") for n, i in enumerate(ids)])
        # Batches go oldest first, so a re-analysis of everything appends in order too.
        assert store.items_to_analyze(con, "v", "c")["item_id"].tolist() == ["c", "b", "a"]
        assert store.all_items_for_analysis(con)["item_id"].tolist() == ["c", "b", "a"]
        _analyse(con, ids)
        for table in COPIES:
            order = [r[0] for r in con.execute(f"SELECT item_id FROM {table} ORDER BY rowid").fetchall()]
            assert list(dict.fromkeys(order)) == ["c", "b", "a"], table


def test_shared_parts_are_not_named_queries_and_are_taken_in():
    assert not [n for n in queries.names() if n.startswith("_")]
    for name in ("evidence_mentions", "sentence_search", "evidence_edges"):
        sql = queries.load(name)
        assert "-- include:" not in sql and "page_items AS (" in sql and "copies AS (" in sql, name
    try:
        queries.load("_page_sources")
    except KeyError:
        pass
    else:
        raise AssertionError("a shared part ran as a named query")


def test_undated_items_are_listed_and_found(tmp_path):
    """An item without a date has NULL copies: the evidence queries still
    list it (last) and find it, as they did when they joined feed_items."""
    path = tmp_path / "rw.duckdb"
    with db.writer(path) as con:
        store.upsert_feed(con, name="wire", url=None, kind="news", owner=None, title="wire", site_url=None)
        items = [_item("dated", "wire", datetime(2025, 3, 1, 9), "h"), _item("undated", "wire", None, "h")]
        items[1]["canonical_url"], items[1]["fetched_at"] = "https://example.com/other", datetime(2025, 3, 2)
        store.upsert_items(con, items)
        store.assign_stories(con)
        _analyse(con, ["dated", "undated"])
        assert_copies_in_step(con)
    reader = db.open_reader(path)
    try:
        everything = dict(companies=[], feeds=[], start=None, end=None, limit=10)
        listed = queries.run(reader, "evidence_mentions", **everything)
        assert listed["item_id"].tolist() == ["dated", "undated"]
        assert listed["companies"].map(list).tolist() == [["meta", "openai"]] * 2
        found = queries.run(reader, "sentence_search", pattern="%the bar%", needle="the bar", **everything)
        assert sorted(found["item_id"]) == ["dated", "undated"] and found["matching"].tolist() == [2, 2]
        edges = queries.run(reader, "evidence_edges", speakers=[], targets=[], stances=[], feeds=[], start=None,
                            end=None, pattern=None, needle=None, limit=10)
        assert edges["item_id"].tolist() == ["dated", "undated"] and edges["aliases"].map(sorted).tolist() == [
            ["meta", "openai"]] * 2
        entities = queries.run(reader, "company_entities", company="meta", start=None, end=None, limit=10)
        assert entities[["stories", "mentions"]].values.tolist() == [[2, 2]]
    finally:
        reader.close()
