"""The Filings page over the demo warehouse (AppTest), and its chart
functions on literal frames."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import filings_charts

PAGE = Path(__file__).resolve().parents[2] / "dashboard" / "views" / "filings.py"


@pytest.fixture
def page(monkeypatch, demo_warehouse) -> AppTest:
    monkeypatch.setenv("RIVALWATCH_DB", str(demo_warehouse))
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    _assert_ran(at)
    return at


def _assert_ran(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_timeline_matrix_documents_and_dockets(page):
    assert [t.value for t in page.title] == ["Filings"]
    assert [s.value for s in page.subheader] == ["Filings and docket entries per company",
                                                 "Named as competitor in annual reports", "Court dockets"]
    assert len(page.get("plotly_chart")) == 3  # timeline, competitor heatmap, case timeline
    timeline, passages, documents, entries = (d.value for d in page.dataframe)
    assert {"filing", "docket"} == set(timeline["kind"])
    assert {"Meta Platforms", "Microsoft", "Nvidia"} <= set(timeline["company"])  # names, not ids
    for frame in (timeline, passages, entries):
        links = frame["url"].dropna()
        assert len(links) and links.str.match(r"(?i)https?://").all()
    assert {"Meta Platforms", "Microsoft", "Nvidia", "Google"} == set(passages["filer"])
    assert len(documents) == 4 and set(documents["status"]) == {"ok"}
    assert len(entries) == 20 and entries["entry_number"].is_monotonic_increasing


def test_form_filter_and_matrix_drilldown(page):
    page.sidebar.multiselect(key="forms").set_value(["10-K"]).run()
    _assert_ran(page)
    assert set(page.dataframe[0].value["label"]) == {"10-K", "docket entry"}
    page.sidebar.toggle(key="dockets").set_value(False).run()
    assert set(page.dataframe[0].value["kind"]) == {"filing"}
    page.selectbox(key="filer").set_value("nvidia").run()
    page.selectbox(key="competitor").set_value("huawei").run()
    _assert_ran(page)
    rows = page.dataframe[1].value
    assert len(rows) and set(rows["filer"]) == {"Nvidia"} and set(rows["competitor"]) == {"Huawei"}
    assert "threat" in set(rows["stance"])


def test_charts_on_literal_frames():
    matrix = pd.DataFrame({"filer": ["meta", "meta", "nvidia"], "competitor": ["openai", "google", "amd"],
                           "filings": [2, 1, 1], "statements": [4, 1, 2], "threat": [1, 0, 2],
                           "benchmark": [1, 0, 0], "last_filed": [datetime(2025, 1, 30)] * 3})
    heat = filings_charts.competitor_heatmap_figure(matrix)
    assert list(heat.data[0].y) == ["meta", "nvidia"] and list(heat.data[0].x) == ["openai", "amd", "google"]
    timeline = pd.DataFrame({"kind": ["filing", "docket"], "company": ["meta", "meta"],
                             "day": [datetime(2025, 1, 30), datetime(2025, 1, 31)],
                             "label": ["10-K", "docket entry"], "reference": ["0001326801-25-000017", "3:23 #1"],
                             "title": ["10-K <b>", "Complaint"], "url": [None, None], "feed": ["f", "d"]})
    fig = filings_charts.filings_timeline_figure(timeline)
    assert {t.name for t in fig.data} == {"10-K", "docket entry"}
    assert "&lt;b&gt;" in str(fig.data[0].customdata.tolist() + fig.data[1].customdata.tolist())
    assert filings_charts.competitor_heatmap_figure(matrix.iloc[0:0]).layout.annotations
