"""AppTest smoke tests of each page over the demo warehouse, and the empty
state when there is no warehouse yet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
EVIDENCE = "views/evidence.py"
OVERVIEW = "views/overview.py"


def _app(monkeypatch, db: Path) -> AppTest:
    monkeypatch.setenv("RIVALWATCH_DB", str(db))
    return AppTest.from_file(APP, default_timeout=60)


def _assert_ran(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _count(value: str) -> int:
    return int(value.replace(",", ""))


@pytest.fixture
def overview(monkeypatch, demo_warehouse) -> AppTest:
    at = _app(monkeypatch, demo_warehouse).run()
    _assert_ran(at)
    return at


@pytest.fixture
def evidence(monkeypatch, demo_warehouse) -> AppTest:
    at = _app(monkeypatch, demo_warehouse).run()
    at.switch_page(EVIDENCE).run()
    _assert_ran(at)
    return at


def test_overview_shows_counts_charts_and_pairs(overview):
    assert [t.value for t in overview.title] == ["Overview"]
    tiles = {m.label: m.value for m in overview.metric}
    for label in ("Items", "Mentions", "Rivalry edges", "Feeds"):
        assert _count(tiles[label]) > 0, (label, tiles)
    assert tiles["Last refresh"].endswith("UTC")
    assert len(overview.get("plotly_chart")) == 3  # volume, share of voice, stance mix
    pairs = overview.dataframe[0].value
    assert len(pairs) > 0
    assert list(pairs.columns[:3]) == ["speaker", "target", "edges"]


def test_overview_filters_rerun_cleanly(overview):
    before = {m.label: _count(m.value) for m in overview.metric if m.label != "Last refresh"}
    overview.sidebar.multiselect(key="company").set_value(["meta"]).run()
    overview.sidebar.radio(key="bucket").set_value("month").run()
    overview.radio(key="mix").set_value("overall").run()
    _assert_ran(overview)
    after = {m.label: _count(m.value) for m in overview.metric if m.label != "Last refresh"}
    assert 0 < after["Mentions"] < before["Mentions"]
    assert 0 < after["Rivalry edges"] <= before["Rivalry edges"]
    pairs = overview.dataframe[0].value
    assert ((pairs["speaker"] == "meta") | (pairs["target"] == "meta")).all()


def test_evidence_lists_edges_with_safe_links(evidence):
    assert [t.value for t in evidence.title] == ["Evidence"]
    table = evidence.dataframe[0].value
    assert len(table) > 0
    for column in ("published_at", "speaker", "target", "stance", "polarity", "evidence", "url"):
        assert column in table.columns
    links = table["url"].dropna()
    assert links.str.match(r"(?i)https?://").all()
    assert evidence.get("download_button")


def test_evidence_filters_by_speaker(evidence):
    evidence.sidebar.multiselect(key="speaker").set_value(["meta"]).run()
    _assert_ran(evidence)
    table = evidence.dataframe[0].value
    assert len(table) > 0
    assert set(table["speaker"]) == {"meta"}


def test_evidence_filters_by_target_stance_and_text(evidence):
    evidence.sidebar.multiselect(key="target").set_value(["openai"]).run()
    evidence.sidebar.multiselect(key="stance").set_value(["benchmark"]).run()
    _assert_ran(evidence)
    table = evidence.dataframe[0].value
    assert len(table) > 0
    assert set(table["target"]) == {"openai"} and set(table["stance"]) == {"benchmark"}
    evidence.sidebar.text_input(key="q").set_value("GPT-4").run()
    _assert_ran(evidence)
    found = evidence.dataframe[0].value
    assert 0 < len(found) <= len(table)
    text = found["evidence"] + " " + found["title"].fillna("") + " " + found["speaker_name"].fillna("")
    assert text.str.contains("gpt-4", case=False).all()


def test_evidence_filters_by_date(evidence):
    evidence.sidebar.date_input(key="dates").set_value((date(2024, 1, 1), date(2024, 12, 31))).run()
    _assert_ran(evidence)
    table = evidence.dataframe[0].value
    assert len(table) > 0
    assert table["published_at"].min().year == 2024 and table["published_at"].max().year == 2024


@pytest.mark.parametrize("page", [None, EVIDENCE])
def test_every_page_has_an_empty_state_without_a_warehouse(monkeypatch, tmp_path, page):
    at = _app(monkeypatch, tmp_path / "missing" / "rivalwatch.duckdb").run()
    if page:
        at.switch_page(page).run()
    _assert_ran(at)
    assert any(i.value.startswith("No data yet") for i in at.info)
    assert not at.metric and not at.dataframe
