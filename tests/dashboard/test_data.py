"""The cached query wrappers over a literal warehouse whose counts are known."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from dashboard import data, export
from warehouse import db, store

from .literal_warehouse import build_literal_warehouse


@pytest.fixture
def literal(monkeypatch, literal_warehouse):
    monkeypatch.setenv("RIVALWATCH_DB", str(literal_warehouse))
    return literal_warehouse


def test_kpis_follow_the_filters(literal):
    everything = data.kpis(None, None, [])
    assert (everything.items, everything.mentions, everything.edges, everything.feeds) == (
        4, 12, 5, 2,
    )
    assert everything.last_status == "ok" and everything.last_refresh is not None
    google = data.kpis(None, None, ["google"])
    assert (google.items, google.mentions, google.edges) == (1, 1, 1)
    one_day = data.kpis(date(2024, 4, 18), date(2024, 4, 18), [])
    assert (one_day.items, one_day.edges) == (1, 2)  # the end day is included


def test_filter_options(literal):
    assert data.company_options() == [
        "anthropic", "google", "meta", "mistral", "newcorp", "openai",
    ]
    assert data.date_bounds() == (date(2024, 4, 18), date(2024, 7, 23))


def test_mention_volume_is_zero_filled_with_shares(literal):
    frame = data.mention_volume("month", None, None, ["meta", "openai"])
    assert sorted(frame["bucket"].dt.month.unique()) == [4, 5, 6, 7]  # June has no mention
    assert len(frame) == 8  # every month x both companies
    assert frame.groupby("bucket")["mentions"].sum().tolist() == [4, 2, 0, 1]
    shares = frame.groupby("bucket")["share"].sum().round(6).tolist()
    assert shares == [1.0, 1.0, 0.0, 1.0]
    with pytest.raises(ValueError, match="bucket must be one of"):
        data.mention_volume("year", None, None, [])


def test_stance_mix_and_top_pairs(literal):
    mix = data.stance_mix(None, None, ["mistral"])
    assert mix[["speaker", "stance", "edges"]].values.tolist() == [["meta", "dismissive", 1]]
    pairs = data.top_pairs(None, None, [], limit=2)
    assert len(pairs) == 2


def test_evidence_links_only_web_addresses(literal):
    result = data.evidence()
    assert result.matching == 5 and not result.truncated
    by_speaker = result.frame.set_index("speaker")
    assert pd.isna(by_speaker.loc["google", "url"])  # was javascript:alert(1)
    assert result.frame["url"].dropna().str.startswith("https://").all()


def test_evidence_filters_and_limit(literal):
    assert set(data.evidence(speakers=["meta"]).frame["target"]) == {
        "openai", "mistral", "anthropic",
    }
    assert len(data.evidence(targets=["meta"], stances=["praise"]).frame) == 1
    assert len(data.evidence(start=date(2024, 5, 1), end=date(2024, 5, 31)).frame) == 1
    assert data.evidence(search="MISTRAL").frame["target"].tolist() == ["mistral"]
    assert data.evidence(search="100%").matching == 0  # % is taken literally
    limited = data.evidence(limit=2)
    assert limited.truncated and len(limited.frame) == 2 and limited.matching == 5


def test_like_pattern_takes_wildcards_literally():
    assert data.like_pattern("  ") is None
    assert data.like_pattern("a%b_c\\") == "%a\\%b\\_c\\\\%"


def test_a_new_snapshot_is_read_on_the_next_call(monkeypatch, tmp_path):
    path = build_literal_warehouse(tmp_path / "rw.duckdb")
    monkeypatch.setenv("RIVALWATCH_DB", str(path))
    assert data.kpis(None, None, []).items == 4
    with db.writer(path) as con:
        store.upsert_items(con, [dict(
            item_id="i5", feed="tech-news", item_guid="g5", url="https://x.example/5",
            title="t", author=None, published_at=datetime(2024, 8, 1), body="b",
            content_hash="h5", fetched_at=datetime(2024, 8, 1), run_id=None,
        )])
    assert data.kpis(None, None, []).items == 5


def test_csv_export_defuses_formulas(literal):
    frame = data.evidence(speakers=["google"]).frame
    text = export.to_csv(frame).decode("utf-8")
    assert "'=HYPERLINK" in text
    assert ",-0.4," in text  # numbers are left alone
