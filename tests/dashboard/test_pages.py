"""AppTest runs of every page over the demo warehouse, changing their
widgets, and the empty state when there is no warehouse yet."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import refresh

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
OVERVIEW = "views/overview.py"
RIVALRY = "views/rivalry.py"
COMPANY = "views/company.py"
EVIDENCE = "views/evidence.py"
TRENDS = "views/trends.py"
FEEDS = "views/feeds.py"
SQL = "views/sql.py"
PAGES = [OVERVIEW, RIVALRY, COMPANY, EVIDENCE, TRENDS, FEEDS, SQL]


def _app(monkeypatch, db: Path) -> AppTest:
    monkeypatch.setenv("RIVALWATCH_DB", str(db))
    return AppTest.from_file(APP, default_timeout=60)


def _assert_ran(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _count(value: str) -> int:
    return int(value.replace(",", ""))


def _open(monkeypatch, db: Path, page: str, **query) -> AppTest:
    at = _app(monkeypatch, db)
    if page != OVERVIEW:
        at.switch_page(page)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    _assert_ran(at)
    return at


def _charts(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


@pytest.fixture
def overview(monkeypatch, demo_warehouse) -> AppTest:
    return _open(monkeypatch, demo_warehouse, OVERVIEW)


@pytest.fixture
def evidence(monkeypatch, demo_warehouse) -> AppTest:
    return _open(monkeypatch, demo_warehouse, EVIDENCE)


def test_overview_shows_counts_charts_and_pairs(overview):
    assert [t.value for t in overview.title] == ["Overview"]
    tiles = {m.label: m.value for m in overview.metric}
    for label in ("Stories", "Mentions", "Rivalry edges"):
        assert _count(tiles[label]) > 0, (label, tiles)
    stories = next(m for m in overview.metric if m.label == "Stories")
    assert stories.delta.endswith("items") and _count(tiles["Stories"]) <= _count(stories.delta.split()[0])
    assert tiles["Feeds healthy"] == "5 / 5"
    assert tiles["Since last refresh"] == "now" or tiles["Since last refresh"].endswith(("min", "h", "days"))
    assert _charts(overview) == 3  # volume, share of voice, stance mix
    pairs = overview.dataframe[0].value
    assert len(pairs) > 0
    assert list(pairs.columns[:3]) == ["speaker", "target", "edges"]


def test_overview_filters_rerun_cleanly(overview):
    before = {m.label: _count(m.value) for m in overview.metric if m.label in ("Mentions", "Rivalry edges")}
    overview.sidebar.multiselect(key="company").set_value(["meta"]).run()
    overview.sidebar.radio(key="bucket").set_value("day").run()
    overview.radio(key="sov").set_value("these companies' stories").run()
    overview.radio(key="mix").set_value("overall").run()
    overview.sidebar.date_input(key="dates").set_value((date(2024, 1, 1), date(2024, 12, 31))).run()
    _assert_ran(overview)
    after = {m.label: _count(m.value) for m in overview.metric if m.label in ("Mentions", "Rivalry edges")}
    assert 0 < after["Mentions"] < before["Mentions"]
    assert 0 < after["Rivalry edges"] <= before["Rivalry edges"]
    pairs = overview.dataframe[0].value
    assert ((pairs["speaker"] == "Meta Platforms") | (pairs["target"] == "Meta Platforms")).all()


def test_rivalry_shows_matrix_network_and_both_sides(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, RIVALRY)
    assert [t.value for t in at.title] == ["Rivalry"]
    assert _charts(at) == 5  # matrix, network, stance mix per pair, said, heard
    assert len(at.get("html")) == 2  # the quotes of both sides
    links = [p.proto for p in at.get("page_link")]
    pair = next(p for p in links if p.label.startswith("Read the "))
    assert pair.page == "evidence" and pair.query_string.startswith("speaker=")
    at.sidebar.radio(key="colour").set_value("mean polarity").run()
    at.sidebar.radio(key="net").set_value("main stance").run()
    at.sidebar.number_input(key="min").set_value(3).run()
    at.selectbox(key="focus").set_value("openai").run()
    at.selectbox(key="pair_speaker").set_value("openai").run()
    _assert_ran(at)
    assert any(s.value.startswith("How OpenAI talks") for s in at.subheader)
    pair = next(p.proto for p in at.get("page_link") if p.proto.label.startswith("Read the "))
    assert pair.query_string.startswith("speaker=openai&target=")


def test_rivalry_says_what_to_do_when_nothing_matches(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, RIVALRY, min="100000")
    assert any("No rivalry statements" in i.value for i in at.info)


def test_company_profile(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, COMPANY, name="meta")
    assert at.sidebar.selectbox(key="name").value == "meta"
    tiles = {m.label: _count(m.value) for m in at.metric}
    assert tiles["Stories naming it"] > 0 and tiles["Its statements about rivals"] > 0
    assert _charts(at) >= 4  # volume, out, in, timeline
    entities, people, sources = (d.value for d in at.dataframe)
    assert {"company", "product"} <= set(entities["entity_type"])
    assert "Ahmad Al-Dahle" in set(people["speaker_name"])
    assert "meta-ai-blog" in set(sources["feed"])
    at.sidebar.selectbox(key="name").set_value("mistral").run()
    at.sidebar.radio(key="bucket").set_value("week").run()
    _assert_ran(at)
    assert any(h.value == "Mistral AI" for h in at.header)


def test_evidence_lists_statements_as_quotes_with_safe_links(evidence):
    assert [t.value for t in evidence.title] == ["Evidence"]
    html = evidence.get("html")[0].proto.body
    assert "rw-quote" in html and "<mark>" in html
    assert "javascript:" not in html
    assert len(evidence.get("download_button")) == 2  # CSV and Parquet
    evidence.sidebar.radio(key="view").set_value("table").run()
    _assert_ran(evidence)
    table = evidence.dataframe[0].value
    for column in ("published_at", "speaker", "target", "stance", "polarity", "evidence", "url", "sources"):
        assert column in table.columns
    assert table["url"].dropna().str.match(r"(?i)https?://").all()


def test_evidence_reads_a_pair_from_the_url(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, EVIDENCE, speaker="meta", target="openai", view="table")
    assert at.sidebar.multiselect(key="speaker").value == ["meta"]
    table = at.dataframe[0].value
    assert len(table) > 0
    assert set(table["speaker"]) == {"meta"} and set(table["target"]) == {"openai"}
    assert any(s.value.startswith("Meta Platforms → OpenAI") for s in at.subheader)


def test_evidence_filters_by_target_stance_and_text(evidence):
    evidence.sidebar.radio(key="view").set_value("table").run()
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


def test_evidence_filters_by_date_and_feed(evidence):
    evidence.sidebar.radio(key="view").set_value("table").run()
    evidence.sidebar.date_input(key="dates").set_value((date(2024, 1, 1), date(2024, 12, 31))).run()
    evidence.sidebar.multiselect(key="feed").set_value(["ai-wire"]).run()
    _assert_ran(evidence)
    table = evidence.dataframe[0].value
    assert len(table) > 0 and set(table["feed"]) == {"ai-wire"}
    assert table["published_at"].min().year == 2024 and table["published_at"].max().year == 2024


def test_evidence_searches_sentences(evidence):
    evidence.sidebar.radio(key="mode").set_value("sentences").run()
    _assert_ran(evidence)
    evidence.sidebar.multiselect(key="company").set_value(["mistral"]).run()
    evidence.sidebar.text_input(key="q").set_value("peanuts").run()
    _assert_ran(evidence)
    html = evidence.get("html")[0].proto.body
    assert "peanuts" in html and "<mark>Mistral</mark>" in html
    evidence.sidebar.text_input(key="q").set_value("no sentence says this").run()
    assert any(i.value.startswith("No sentences match") for i in evidence.info)


def test_trends_lists_momentum_spikes_and_their_stories(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, TRENDS)
    assert [t.value for t in at.title] == ["Trends & spikes"]
    assert _charts(at) == 3  # company momentum, pair momentum, spikes
    at.sidebar.radio(key="window").set_value("4 weeks vs previous 12").run()
    _assert_ran(at)
    company = at.selectbox(key="spiking").value
    days = at.selectbox(key="day").options
    assert days, f"the demo has a spike for {company}"
    at.selectbox(key="day").set_value(days[-1]).run()
    _assert_ran(at)
    stories = at.dataframe[-1].value
    assert len(stories) > 0 and stories["url"].dropna().str.match(r"https?://").all()
    link = next(p.proto for p in at.get("page_link") if p.proto.page == "evidence")
    assert "mode=sentences" in link.query_string and f"company={company}" in link.query_string


def test_feeds_table_runs_and_a_calm_refresh(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, FEEDS)
    feeds, runs = (d.value for d in at.dataframe)
    assert set(feeds["status"]) == {"ok"} and len(feeds) == 5
    assert {"status", "last_fetch_at", "error", "items", "next_check_at"} <= set(feeds.columns)
    assert len(runs) > 0
    fake = [sys.executable, "-c", "import sys; print(\"Error: No such command 'refresh'.\"); sys.exit(2)"]
    monkeypatch.setattr(refresh, "command", lambda db_path: fake)
    at.button(key="refresh").click().run()
    _assert_ran(at)
    assert any("no `refresh` command" in i.value for i in at.info)
    started = at.session_state["refresh_started"]
    assert started.log == refresh.log_path(demo_warehouse)


def test_feeds_refresh_in_progress_does_not_block(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, FEEDS)
    monkeypatch.setattr(refresh, "command", lambda db_path: [sys.executable, "-c", "import time; time.sleep(30)"])
    at.button(key="refresh").click().run()
    started = at.session_state["refresh_started"]
    try:
        _assert_ran(at)
        assert any(i.value.startswith("Refresh running") for i in at.info)
        assert at.button(key="refresh").disabled
    finally:
        started.process.kill()
        started.process.wait()


def _sql_result(at: AppTest):
    """The result table: the first one that is not the schema panel's."""
    schema = ({"column_name", "data_type"}, {"name", "column_name", "data_type"})
    return next(d.value for d in at.dataframe if set(d.value.columns) not in schema)


def test_sql_runs_examples_and_refuses_file_access(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, SQL)
    result = _sql_result(at)
    assert len(result) > 0 and "evidence" in result.columns  # the default example ran
    at.selectbox(key="example").set_value("Who benchmarks against whom").run()
    _assert_ran(at)
    assert "stance = 'benchmark'" in at.text_area(key="sql").value
    assert list(_sql_result(at).columns) == ["speaker", "target", "statements"]
    at.selectbox(key="example").set_value("Company names (as the dashboard shows them)").run()
    names = _sql_result(at).set_index("company")["name"]
    assert names["openai"] == "OpenAI" and names["huggingface"] == "Hugging Face"
    at.number_input(key="rows").set_value(2).run()
    assert any(w.value.startswith("Showing the first 2 rows") for w in at.warning)
    at.text_area(key="sql").set_value("SELECT * FROM read_csv('/etc/passwd')").run()
    assert not at.exception
    assert [e.value.splitlines()[0].startswith("refused:") for e in at.error] == [True]
    assert len(at.get("download_button")) == 0


# Company ids whose names differ: none of them may show where a name belongs.
DEMO_NAMES = {"openai": "OpenAI", "meta": "Meta Platforms", "huggingface": "Hugging Face", "xai": "xAI",
              "mistral": "Mistral AI"}


def _no_id(values, where: str) -> None:
    leaked = {str(v) for v in values} & set(DEMO_NAMES)
    assert not leaked, f"{where}: ids shown where names belong: {sorted(leaked)}"


def test_company_filters_show_names_and_keep_ids_in_the_url(monkeypatch, demo_warehouse):
    # A URL may name a company by its id (as links and bookmarks do) or by its name.
    at = _open(monkeypatch, demo_warehouse, OVERVIEW, company=["openai", "Hugging Face"])
    chooser = at.sidebar.multiselect(key="company")
    assert chooser.value == ["openai", "huggingface"]
    assert set(DEMO_NAMES.values()) <= set(chooser.options)
    _no_id(chooser.options, "the company filter")
    chooser.set_value(["xai"]).run()
    _assert_ran(at)
    assert at.query_params["company"] == "xai"  # the id, not "xAI"
    chooser = at.sidebar.multiselect(key="company")
    assert chooser.value == ["xai"] and chooser.indices == [chooser.options.index("xAI")]


def test_a_link_with_other_companies_wins_over_the_last_choice(monkeypatch, demo_warehouse):
    """Trends links to "every sentence naming X": the Evidence page takes X
    from the URL, not the `company` chosen on the page before."""
    at = _open(monkeypatch, demo_warehouse, OVERVIEW, company="meta")
    assert at.sidebar.multiselect(key="company").value == ["meta"]
    at.switch_page(EVIDENCE)
    at.query_params.clear()
    at.query_params.update(mode="sentences", company="xai")
    at.run()
    _assert_ran(at)
    assert at.sidebar.multiselect(key="company").value == ["xai"]
    assert "<b>xAI" in at.get("html")[0].proto.body


def test_tables_and_headings_show_names(monkeypatch, demo_warehouse):
    overview = _open(monkeypatch, demo_warehouse, OVERVIEW)
    pairs = overview.dataframe[0].value
    _no_id(list(pairs["speaker"]) + list(pairs["target"]), "Overview's top pairs")
    assert "Meta Platforms" in set(pairs["speaker"])
    trends = _open(monkeypatch, demo_warehouse, TRENDS)
    momentum = trends.dataframe[0].value
    _no_id(momentum["company"], "Trends' momentum table")
    _no_id(trends.selectbox(key="spiking").options, "Trends' company choice")
    company = _open(monkeypatch, demo_warehouse, COMPANY, name="huggingface")
    assert [h.value for h in company.header] == ["Hugging Face"]
    _no_id(company.sidebar.selectbox(key="name").options, "the Company page's choice")
    feeds = _open(monkeypatch, demo_warehouse, FEEDS)
    _no_id(feeds.dataframe[0].value["owner"].dropna(), "the Feeds table's owners")


def test_evidence_quotes_tables_and_downloads_name_companies(monkeypatch, demo_warehouse):
    at = _open(monkeypatch, demo_warehouse, EVIDENCE, speaker="meta", target="openai")
    html = at.get("html")[0].proto.body
    assert "<b>Meta Platforms</b>" in html and "<b>OpenAI</b>" in html
    assert "<b>meta</b>" not in html and "<b>openai</b>" not in html
    at.sidebar.radio(key="view").set_value("table").run()
    table = at.dataframe[0].value
    assert set(table["speaker_company_name"]) == {"Meta Platforms"} and set(table["speaker"]) == {"meta"}
    shown = list(at.dataframe[0].proto.column_order)
    assert "speaker_company_name" in shown and "speaker" not in shown  # ids stay for the download only
    at.sidebar.radio(key="mode").set_value("sentences").run()
    _assert_ran(at)
    assert "company_names" in at.dataframe[0].proto.column_order


def test_an_unknown_company_shows_its_id(monkeypatch, literal_warehouse):
    """newcorp has no name in the warehouse (named only by a product): its id
    is what every page shows, and the pages render."""
    company = _open(monkeypatch, literal_warehouse, COMPANY, name="newcorp")
    assert [h.value for h in company.header] == ["newcorp"]
    assert "newcorp" in company.sidebar.selectbox(key="name").options
    evidence = _open(monkeypatch, literal_warehouse, EVIDENCE, mode="sentences", company="newcorp")
    assert "<b>newcorp</b>" in evidence.get("html")[0].proto.body
    overview = _open(monkeypatch, literal_warehouse, OVERVIEW)
    assert {"newcorp", "Meta Platforms"} <= set(overview.sidebar.multiselect(key="company").options)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_an_empty_state_without_a_warehouse(monkeypatch, tmp_path, page):
    at = _open(monkeypatch, tmp_path / "missing" / "rivalwatch.duckdb", page)
    assert any(i.value.startswith("No data yet") for i in at.info)
    assert not at.metric and not at.dataframe
    if page == FEEDS:
        assert at.button(key="refresh")  # the way the first data comes in


def test_a_damaged_snapshot_is_named_not_shown_as_empty(tmp_path, monkeypatch):
    """A corrupt snapshot gets its own message saying how it is repaired."""
    from warehouse import db as warehouse_db

    path = tmp_path / "rw.duckdb"
    with warehouse_db.writer(path) as con:
        con.execute("INSERT INTO runs (command, started_at, status) VALUES ('t', now(), 'ok')")
    warehouse_db.snapshot_path(path).write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("RIVALWATCH_DB", str(path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("unreadable" in e.value for e in at.error), [e.value for e in at.error]
