"""Batches are loaded as columns of Python objects (warehouse.store._loaded):
every value must land as it was given, typed as its column, whatever the
batch holds: missing keys, a column with no value at all, NULL dates,
non-ASCII text, a new and a changed item in one batch."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from warehouse import db, store

T = datetime(2025, 3, 1, 12, 30, 15, 123456)


def _item(item_id: str, **fields) -> dict:
    return dict(dict(item_id=item_id, feed="wire", item_guid=f"guid-{item_id}", url=f"https://example.com/{item_id}",
                     title="Meta and OpenAI", author=None, published_at=T, body="Body", content_hash="h1",
                     fetched_at=T, run_id=7, canonical_url=f"https://example.com/{item_id}"), **fields)


def _rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_items_land_as_given(db_path):
    with db.writer(db_path, publish=False) as con:
        items = [
            _item("a", body="Mistral « est » là — 東京 🚀", author="Ана"),
            _item("b", published_at=None, run_id=None),
            {k: v for k, v in _item("c").items() if k not in ("url", "canonical_url", "author")},  # missing: NULL
        ]
        assert store.upsert_items(con, items) == (["a", "b", "c"], [])
        assert _rows(con, "SELECT item_id, url, author, published_at, body, run_id, filer_cik, canonical_url, "
                          "title_key, typeof(published_at), typeof(run_id) FROM feed_items ORDER BY item_id") == [
            ("a", "https://example.com/a", "Ана", T, "Mistral « est » là — 東京 🚀", 7, None,
             "https://example.com/a", None, "TIMESTAMP", "BIGINT"),
            ("b", "https://example.com/b", None, None, "Body", None, None, "https://example.com/b", None,
             "TIMESTAMP", "BIGINT"),
            ("c", None, None, T, "Body", 7, None, None, None, "TIMESTAMP", "BIGINT"),
        ]


def test_a_batch_of_new_and_changed_items(db_path):
    with db.writer(db_path, publish=False) as con:
        store.upsert_items(con, [_item("a"), _item("b")])
        store.assign_stories(con)
        story = _rows(con, "SELECT story_id FROM feed_items WHERE item_id = 'a'")[0][0]
        changed = _item("a", title="Meta, OpenAI and Mistral", content_hash="h2", run_id=8, published_at=None)
        assert store.upsert_items(con, [changed, _item("b"), _item("d")]) == (["d"], ["a"])
        assert _rows(con, "SELECT item_id, title, content_hash, run_id, published_at, story_id FROM feed_items "
                          "ORDER BY item_id") == [
            ("a", "Meta, OpenAI and Mistral", "h2", 8, None, story),  # a changed item keeps its story
            ("b", "Meta and OpenAI", "h1", 7, T, "b"),
            ("d", "Meta and OpenAI", "h1", 7, T, None),
        ]


def test_analysis_rows_land_as_given_and_are_replaced(db_path):
    with db.writer(db_path, publish=False) as con:
        store.upsert_items(con, [_item("a"), _item("b")])
        sentences = [dict(item_id="a", sentence_no=0, text="« Meta » dit 東京."),
                     dict(item_id="a", sentence_no=1, text="OpenAI."), dict(item_id="b", sentence_no=0, text="Meta.")]
        mentions = [dict(item_id="a", sentence_no=0, start_char=2, company="meta", alias="Meta", entity="Meta",
                         entity_type="company")]
        edges = [dict(item_id="a", sentence_no=0, speaker="meta", target="openai", stance="neutral",
                      polarity=-0.125, evidence="« Meta » dit 東京.", speaker_via="quote")]  # no name, no cues
        analyses = [dict(item_id=i, content_hash="h1", analyzer_version="v", catalog_version="c", analyzed_at=T)
                    for i in ("a", "b")]
        store.replace_analysis(con, sentences=sentences, mentions=mentions, edges=edges, analyses=analyses)
        assert _rows(con, "SELECT item_id, sentence_no, text, published_at FROM item_sentences ORDER BY ALL") == [
            ("a", 0, "« Meta » dit 東京.", T), ("a", 1, "OpenAI.", T), ("b", 0, "Meta.", T)]
        assert _rows(con, "SELECT item_id, sentence_no, start_char, company, alias, entity, entity_type, feed "
                          "FROM item_mentions") == [("a", 0, 2, "meta", "Meta", "Meta", "company", "wire")]
        assert _rows(con, "SELECT polarity, speaker_name, cues, evidence FROM item_edges") == [
            (-0.125, None, None, "« Meta » dit 東京.")]
        assert _rows(con, "SELECT item_id, analyzed_at FROM item_analysis ORDER BY 1") == [("a", T), ("b", T)]

        # Analysed again: the item's rows are replaced, the other item's kept.
        store.replace_analysis(con, sentences=[dict(item_id="a", sentence_no=0, text="Meta.")], mentions=[],
                               edges=[], analyses=analyses[:1])
        assert _rows(con, "SELECT item_id, sentence_no, text FROM item_sentences ORDER BY ALL") == [
            ("a", 0, "Meta."), ("b", 0, "Meta.")]
        assert _rows(con, "SELECT count(*) FROM item_mentions") == [(0,)]
        assert _rows(con, "SELECT count(*) FROM item_edges") == [(0,)]


def test_rows_left_without_their_analysis_record_are_replaced(db_path):
    # A batch of items never analysed skips the DELETEs; rows whose
    # item_analysis row was removed by hand must not make the write fail.
    with db.writer(db_path, publish=False) as con:
        store.upsert_items(con, [_item("a"), _item("b")])
        analyses = [dict(item_id=i, content_hash="h1", analyzer_version="v", catalog_version="c", analyzed_at=T)
                    for i in ("a", "b")]
        store.replace_analysis(con, sentences=[dict(item_id="a", sentence_no=0, text="Old.")], mentions=[],
                               edges=[], analyses=analyses[:1])
        con.execute("DELETE FROM item_analysis")
        store.replace_analysis(con, sentences=[dict(item_id="a", sentence_no=0, text="New."),
                                               dict(item_id="b", sentence_no=0, text="B.")],
                               mentions=[], edges=[], analyses=analyses)
        assert _rows(con, "SELECT item_id, text FROM item_sentences ORDER BY ALL") == [("a", "New."), ("b", "B.")]
        assert _rows(con, "SELECT item_id FROM item_analysis ORDER BY ALL") == [("a",), ("b",)]


def test_a_batch_that_cannot_be_written_says_why(db_path):
    with db.writer(db_path, publish=False) as con:
        store.upsert_items(con, [_item("a")])
        twice = [dict(item_id="a", sentence_no=0, text="One."), dict(item_id="a", sentence_no=0, text="Two.")]
        analyses = [dict(item_id="a", content_hash="h1", analyzer_version="v", catalog_version="c", analyzed_at=T)]
        with pytest.raises(duckdb.ConstraintException, match="(?i)duplicate key"):
            store.replace_analysis(con, sentences=twice, mentions=[], edges=[], analyses=analyses)
        store.replace_analysis(con, sentences=twice[:1], mentions=[], edges=[], analyses=analyses)  # then works
        assert _rows(con, "SELECT item_id, text FROM item_sentences") == [("a", "One.")]
