"""The cached query wrappers over a literal warehouse whose counts are known
(tests/dashboard/literal_warehouse.py: items i1..i4, and i5 a copy of i1's
story in another feed)."""

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


def test_kpis_count_stories_once_and_follow_the_filters(literal):
    everything = data.kpis(None, None, [])
    assert (everything.items, everything.stories, everything.mentions, everything.edges,
            everything.feeds) == (5, 4, 14, 5, 2)  # the copy's edge is the same statement
    assert everything.last_status == "ok" and everything.last_refresh is not None
    assert (everything.feeds_ok, everything.feeds_failing) == (1, 1)
    google = data.kpis(None, None, ["google"])
    assert (google.items, google.stories, google.mentions, google.edges) == (1, 1, 1, 1)
    one_day = data.kpis(date(2024, 4, 18), date(2024, 4, 18), [])
    assert (one_day.items, one_day.stories, one_day.edges) == (2, 1, 2)  # the end day is included
    bounded = data.kpis(date(2024, 4, 18), date(2024, 7, 23), [])  # the whole range, spelled out
    assert bounded == everything


def test_filter_options(literal):
    assert data.company_options() == [
        "anthropic", "google", "meta", "mistral", "newcorp", "openai",
    ]
    assert data.date_bounds() == (date(2024, 4, 18), date(2024, 7, 23))
    assert not data.is_empty()
    assert data.feed_names() == ["meta-blog", "tech-news"]


def test_company_names_come_from_the_warehouse(literal):
    """The catalog's names as the analysis wrote them; newcorp, named only by
    a product, keeps its id."""
    assert data.company_names() == {"anthropic": "Anthropic", "google": "Google", "meta": "Meta Platforms",
                                    "mistral": "Mistral AI", "newcorp": "newcorp", "openai": "OpenAI"}


def test_evidence_and_momentum_carry_names_beside_ids(literal):
    statements = data.evidence(speakers=["meta"], targets=["openai"]).frame
    assert list(statements.columns[1:5]) == ["speaker", "speaker_company_name", "target", "target_company_name"]
    assert statements[["speaker", "speaker_company_name", "target_company_name"]].values.tolist() == [
        ["meta", "Meta Platforms", "OpenAI"]]
    sentence = data.sentences(companies=["newcorp", "meta"], search="Newcorp").frame.iloc[0]
    assert list(sentence["companies"]) == ["newcorp"] and list(sentence["company_names"]) == ["newcorp"]
    named = data.sentences(search="shrugged").frame.iloc[0]
    assert list(named["company_names"]) == ["Meta Platforms"]
    pairs = data.pair_momentum(None, "4 weeks vs previous 12")
    assert "Meta Platforms → Anthropic" in set(pairs["pair"]) and {"meta"} <= set(pairs["speaker"])
    assert export.to_csv(statements).decode().splitlines()[0].startswith(
        "published_at,speaker,speaker_company_name,target,target_company_name,")


def test_mention_volume_counts_stories_not_copies(literal):
    frame = data.mention_volume("month", None, None, ["meta", "openai"])
    assert sorted(frame["bucket"].dt.month.unique()) == [4, 5, 6, 7]  # June has no mention
    assert len(frame) == 8  # every month x both companies
    april = frame[frame["bucket"].dt.month == 4].set_index("company")
    assert april.loc["meta", "stories"] == 2  # i1 and its copy i5 count once, i2 once
    assert april.loc["meta", "mentions"] == 3
    assert april.loc["meta", "all_stories"] == 2 and april.loc["meta", "share"] == 1.0
    assert frame.groupby("bucket")["stories"].sum().tolist() == [4, 1, 0, 1]
    assert frame.groupby("bucket")["share_named"].sum().round(6).tolist() == [1.0, 1.0, 0.0, 1.0]
    with pytest.raises(ValueError, match="bucket must be one of"):
        data.mention_volume("year", None, None, [])


def test_matrix_stance_mix_and_top_pairs(literal):
    pairs = data.rivalry_matrix(None, None, [])
    assert (pairs.iloc[0]["speaker"], pairs.iloc[0]["target"]) == ("meta", "anthropic")  # ties: latest first
    llama = pairs.set_index(["speaker", "target"]).loc[("meta", "openai")]
    assert (llama["edges"], llama["benchmark"], llama["main_stance"]) == (1, 1, "benchmark")  # copy once
    assert int(pairs["edges"].sum()) == 5
    mix = data.stance_mix(None, None, ["mistral"])
    assert mix[["speaker", "stance", "edges"]].values.tolist() == [["meta", "dismissive", 1]]
    assert len(data.top_pairs(None, None, [], limit=2)) == 2


def test_evidence_lists_a_story_once_with_every_source(literal):
    result = data.evidence(speakers=["meta"], targets=["openai"])
    assert result.matching == 1 and len(result.frame) == 1
    row = result.frame.iloc[0]
    assert row["copies"] == 2 and list(row["sources"]) == ["meta-blog", "tech-news"]
    assert list(row["source_urls"]) == ["https://ai.meta.com/blog/llama-3",
                                        "https://news.example.com/llama-3-copy"]
    assert list(row["aliases"]) == ["meta", "openai"] or set(row["aliases"]) == {"meta", "openai"}


def test_evidence_links_only_web_addresses(literal):
    result = data.evidence()
    assert result.matching == 5 and not result.truncated
    by_speaker = result.frame.set_index("speaker")
    assert pd.isna(by_speaker.loc["google", "url"])  # was javascript:alert(1)
    assert list(by_speaker.loc["google", "source_urls"]) == []
    assert result.frame["url"].dropna().str.startswith("https://").all()


def test_evidence_filters_and_limit(literal):
    assert set(data.evidence(speakers=["meta"]).frame["target"]) == {
        "openai", "mistral", "anthropic",
    }
    assert len(data.evidence(targets=["meta"], stances=["praise"]).frame) == 1
    assert len(data.evidence(start=date(2024, 5, 1), end=date(2024, 5, 31)).frame) == 1
    assert data.evidence(search="MISTRAL").frame["target"].tolist() == ["mistral"]
    assert data.evidence(search="100%").matching == 0  # % is taken literally
    assert data.evidence(search="llama_3").matching == 0  # and so is _
    assert data.evidence(feeds=["meta-blog"]).matching == 2
    limited = data.evidence(limit=2)
    assert limited.truncated and len(limited.frame) == 2 and limited.matching == 5


def test_sentences_name_companies_with_their_aliases(literal):
    newest = data.sentences()
    assert newest.matching is None and not newest.truncated
    texts = newest.frame["sentence"].tolist()
    assert texts.count("Our goal with Llama 3 was to match GPT-4.") == 1  # the copy is listed once
    assert texts[0] == "Zuckerberg said Llama will beat Claude."  # newest first
    found = data.sentences(search="shrugged")
    assert found.matching == 1 and list(found.frame.iloc[0]["companies"]) == ["meta"]
    assert data.sentences(companies=["newcorp"]).frame["sentence"].tolist() == ["Newcorp was mentioned too."]
    assert data.sentences(search="nothing like this").frame.empty


def test_search_terms_take_wildcards_literally():
    assert data.search_terms("  ") == (None, None)
    assert data.search_terms(" A%b_c ") == ("%A_b_c%", "a%b_c")


def test_spikes_and_momentum_are_empty_on_a_quiet_warehouse(literal):
    assert data.spikes().empty
    momentum = data.company_momentum(None, "4 weeks vs previous 12")
    assert momentum.set_index("company").loc["meta", "recent"] == 1  # i4, on the last day
    assert not data.pair_momentum(None, "4 weeks vs previous 12").empty


def test_company_profile_queries(literal):
    entities = data.company_entities("meta", None, None)
    assert entities[["entity", "stories", "mentions"]].values.tolist() == [["Meta Platforms", 4, 6]]
    people = data.company_people("meta", None, None)
    assert people[["speaker_name", "statements"]].values.tolist() == [["Meta", 3]]
    sources = data.company_sources("meta", None, None).set_index("feed")
    assert sources.loc["tech-news", "items"] == 4 and sources.loc["meta-blog", "items"] == 1


def test_spike_items_list_the_stories_of_a_day(literal):
    stories = data.spike_items("openai", date(2024, 4, 18))
    assert len(stories) == 1
    row = stories.iloc[0]
    assert row["copies"] == 2 and row["url"] == "https://ai.meta.com/blog/llama-3"
    assert row["sentence"] == "Our goal with Llama 3 was to match GPT-4."


def test_feeds_health_from_the_runs_log(literal):
    feeds = data.feeds().set_index("feed")
    assert feeds.loc["tech-news", "status"] == "failing"
    assert feeds.loc["tech-news", "error"] == "server answered 503"
    assert feeds.loc["meta-blog", "status"] == "ok" and feeds.loc["meta-blog", "items"] == 1
    assert data.feeds()["feed"].tolist()[0] == "tech-news"  # failing first
    runs = data.recent_runs()
    assert runs["status"].tolist() == ["ok"] and list(runs.iloc[0]["failed"]) == [
        "tech-news: server answered 503"]


def test_schema_and_sandboxed_sql(literal):
    schema = data.schema_columns()
    views = schema[schema["kind"] == "view"]
    assert {"items", "mentions", "rivalry_edges", "stories"} <= set(views["name"])
    assert "story_id" in set(views[views["name"] == "items"]["column_name"])
    result = data.run_sql("SELECT count(*) AS n FROM items", row_limit=10, time_limit_s=5)
    assert result.frame["n"].tolist() == [5]
    limited = data.run_sql("SELECT * FROM range(50)", row_limit=10, time_limit_s=5)
    assert limited.truncated and len(limited.frame) == 10
    from warehouse.sandbox import SandboxError
    with pytest.raises(SandboxError, match="refused"):
        data.run_sql("SELECT * FROM read_csv('/etc/passwd')", row_limit=10, time_limit_s=5)


def test_ago_is_short():
    now = datetime(2025, 1, 2, 12, 0)
    assert data.ago(None) == "never"
    assert data.ago(datetime(2025, 1, 2, 11, 59, 30), now) == "now"
    assert data.ago(datetime(2025, 1, 2, 11, 15), now) == "45 min"
    assert data.ago(datetime(2025, 1, 2, 9, 0), now) == "3 h"
    assert data.ago(datetime(2024, 12, 20), now) == "13 days"


def test_a_new_snapshot_is_read_on_the_next_call(monkeypatch, tmp_path):
    path = build_literal_warehouse(tmp_path / "rw.duckdb")
    monkeypatch.setenv("RIVALWATCH_DB", str(path))
    assert data.kpis(None, None, []).items == 5
    with db.writer(path) as con:
        store.upsert_items(con, [dict(
            item_id="i6", feed="tech-news", item_guid="g6", url="https://x.example/6",
            title="t", author=None, published_at=datetime(2024, 8, 1), body="b",
            content_hash="h6", fetched_at=datetime(2024, 8, 1), run_id=None,
        )])
    assert data.kpis(None, None, []).items == 6


def test_csv_export_defuses_formulas_and_flattens_lists(literal):
    frame = data.evidence(speakers=["google"]).frame
    text = export.to_csv(frame).decode("utf-8")
    assert "'=HYPERLINK" in text
    assert ",-0.4," in text  # numbers are left alone
    copied = export.to_csv(data.evidence(speakers=["meta"], targets=["openai"]).frame).decode("utf-8")
    assert "meta-blog; tech-news" in copied


def test_parquet_export_keeps_types(literal, tmp_path):
    frame = data.evidence().frame
    path = tmp_path / "e.parquet"
    path.write_bytes(export.to_parquet(frame))
    back = pd.read_parquet(path)
    assert len(back) == len(frame) and back["polarity"].dtype.kind == "f"
    assert list(back.iloc[0]["sources"]) == list(frame.iloc[0]["sources"])
