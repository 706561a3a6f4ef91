"""Companies are shown by name and kept by id: dashboard.names on literal
values, and every company chart, the quotes and the exports given names.
A test here fails when an id shows where its name belongs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import charts, export, filings_charts, names, quotes, rollups

NAMES = {"meta": "Meta Platforms", "openai": "OpenAI", "google": "Google", "mistral": "Mistral AI",
         "huggingface": "Hugging Face", "newcorp": "newcorp"}
IDS = {i for i, n in NAMES.items() if n != i}  # ids that must never show

PAIRS = rollups.matrix(pd.DataFrame({
    "day": pd.to_datetime(["2024-04-18", "2024-04-18", "2024-04-25", "2024-05-14"]).date,
    "speaker": ["meta", "meta", "openai", "newcorp"],
    "target": ["openai", "mistral", "meta", "huggingface"],
    "stance": ["benchmark", "dismissive", "praise", "critical"],
    "edges": [3, 1, 1, 1],
    "polarity_sum": [0.3, -0.2, 0.6, -0.4],
}))
TOTALS = pd.DataFrame({"company": ["meta", "openai", "mistral", "huggingface", "newcorp"],
                       "stories": [10, 8, 3, 2, 1]})


def _no_id(values) -> None:
    leaked = {str(v) for v in values} & IDS
    assert not leaked, f"ids shown where names belong: {sorted(leaked)}"


def test_names_from_the_query_rows():
    found = names.from_rows(["openai", "cik-123", "acme-us", "acme-uk"], ["OpenAI", None, "Acme", "Acme"])
    assert found == {"openai": "OpenAI", "cik-123": "cik-123",  # no name: its id
                     "acme-us": "Acme (acme-us)", "acme-uk": "Acme (acme-uk)"}  # told apart


def test_values_lists_and_frames_are_named():
    assert names.label(NAMES, "openai") == "OpenAI"
    assert names.label(NAMES, "Alphabet Inc.") == "Alphabet Inc."  # EDGAR's spelling stays
    assert names.label(None, "openai") == "openai" and names.label(NAMES, None) == ""
    column = pd.Series([["meta", "openai"], np.array(["unknown"]), []], dtype=object)
    assert names.series(NAMES, column).tolist() == [["Meta Platforms", "OpenAI"], ["unknown"], []]
    frame = pd.DataFrame({"speaker": ["meta"], "target": ["zeta"], "edges": [1]})
    assert names.shown(frame, NAMES, ["speaker", "target", "absent"]).values.tolist() == [
        ["Meta Platforms", "zeta", 1]]
    both = names.with_names(frame, NAMES, {"speaker": "speaker_company_name"})
    assert list(both.columns) == ["speaker", "speaker_company_name", "target", "edges"]
    assert names.id_for(NAMES, "openai") == names.id_for(NAMES, "OpenAI") == "openai"
    assert names.id_for(NAMES, "Nobody") is None


def test_volume_and_share_legends_show_names_and_keep_colours_by_id():
    volume = rollups.volume(
        pd.DataFrame({"day": pd.to_datetime(["2024-04-15", "2024-04-16", "2024-04-16"]).date,
                      "company": ["openai", "huggingface", "newcorp"], "stories": [2, 1, 1],
                      "mentions": [2, 1, 1]}),
        pd.DataFrame({"day": pd.to_datetime(["2024-04-15", "2024-04-16"]).date, "stories": [2, 2],
                      "items": [2, 2]}), "week")
    for fig in (charts.mention_volume_figure(volume, names=NAMES),
                charts.share_of_voice_figure(volume, names=NAMES)):
        legend = {t.name: t for t in fig.data}
        assert set(legend) == {"OpenAI", "Hugging Face", "newcorp"}
        assert legend["OpenAI"].line.color == charts.COMPANY_COLOURS["openai"]
        assert "OpenAI" in legend["OpenAI"].hovertemplate


def test_matrix_and_network_show_names_and_click_to_ids():
    heat, cells = charts.matrix_figure(PAIRS, names=NAMES).data
    _no_id(list(heat.x) + list(heat.y) + list(cells.x) + list(cells.y))
    assert "Meta Platforms" in heat.y and "Hugging Face" in heat.x and "newcorp" in heat.y
    assert ("meta", "openai") in {(c[0], c[1]) for c in cells.customdata}  # what a click selects
    assert "%{customdata[6]} → %{customdata[7]}" in cells.hovertemplate
    network = charts.network_figure(PAIRS, TOTALS, names=NAMES)
    nodes = next(t for t in network.data if t.mode == "markers+text")
    _no_id(nodes.text)
    assert [c[0] for c in nodes.customdata] == ["meta", "openai", "mistral", "huggingface", "newcorp"]
    assert dict(zip(nodes.text, nodes.marker.color, strict=True))["Meta Platforms"] == charts.COMPANY_COLOURS["meta"]
    mids = next(t for t in network.data if t.mode == "markers" and t.customdata is not None)
    assert {(c[0], c[1]) for c in mids.customdata} == set(zip(PAIRS["speaker"], PAIRS["target"], strict=True))
    assert {c[6] for c in mids.customdata} == {"Meta Platforms", "OpenAI", "newcorp"}


def test_bars_timelines_and_titles_show_names():
    mix = charts.stance_mix_figure(rollups.stance_mix(PAIRS), names=NAMES)
    _no_id(mix.data[0].y)
    pairs = charts.pair_stance_figure(PAIRS, names=NAMES)
    assert "Meta Platforms → OpenAI" in pairs.data[0].y
    statements = pd.DataFrame({"published_at": pd.to_datetime(["2024-04-18"]), "target": ["openai"],
                               "stance": ["benchmark"], "polarity": [0.1], "speaker_name": [None],
                               "evidence": ["x"]})
    assert list(charts.timeline_figure(statements, names=NAMES).data[0].y) == ["OpenAI"]
    spike = charts.spike_figure(pd.DataFrame({"day": pd.date_range("2024-01-01", periods=2), "stories": [1, 2],
                                              "baseline": [None, 1.0], "threshold": [None, 2.0]}),
                                pd.DataFrame(columns=["day", "stories"]), "huggingface", names=NAMES)
    assert spike.layout.title.text.startswith("Hugging Face:")
    table = pd.DataFrame({"company": ["meta", "newcorp"], "recent": [14, 0], "baseline": [28, 28],
                          "recent_per_day": [2.0, 0.0], "baseline_per_day": [1.0, 1.0],
                          "change": [1.0, -1.0], "lift": [7.0, -7.0]})
    bars = charts.momentum_figure(table, "company", names=NAMES).data[0]
    assert list(bars.y) == ["newcorp", "Meta Platforms"]
    assert list(bars.marker.color)[1] == charts.COMPANY_COLOURS["meta"]


def test_filings_charts_show_names_and_keep_other_filers_as_spelled():
    timeline = pd.DataFrame({"kind": ["filing", "filing"], "company": ["meta", "ACME HOLDINGS INC"],
                             "day": pd.to_datetime(["2025-01-30", "2025-01-31"]), "label": ["10-K", "10-K"],
                             "reference": ["a", "b"], "title": ["t", "u"], "url": [None, None],
                             "feed": ["f", "f"]})
    fig = filings_charts.filings_timeline_figure(timeline, names=NAMES)
    assert set(fig.data[0].y) == {"Meta Platforms", "ACME HOLDINGS INC"}
    assert set(fig.layout.yaxis.categoryarray) == {"Meta Platforms", "ACME HOLDINGS INC"}
    matrix = pd.DataFrame({"filer": ["meta"], "competitor": ["openai"], "filings": [1], "statements": [2],
                           "threat": [1], "benchmark": [0], "last_filed": pd.to_datetime(["2025-01-30"])})
    heat = filings_charts.competitor_heatmap_figure(matrix, names=NAMES)
    assert list(heat.data[0].y) == ["Meta Platforms"] and list(heat.data[0].x) == ["OpenAI"]


def test_quotes_name_the_companies_and_say_a_feed_owner_once():
    row = {"speaker": "meta", "speaker_company_name": "Meta Platforms", "target": "huggingface",
           "target_company_name": "Hugging Face", "speaker_name": "Ahmad Al-Dahle", "stance": "benchmark",
           "polarity": 0.1, "evidence": "x", "feed": "f", "title": "t", "url": None}
    out = quotes.statement_html(row)
    assert "<b>Meta Platforms</b> (Ahmad Al-Dahle) → <b>Hugging Face</b>" in out
    own_feed = quotes.statement_html(dict(row, speaker_name="Meta Platforms"))
    assert "<b>Meta Platforms</b> → " in own_feed  # not "Meta Platforms (Meta Platforms)"
    unknown = quotes.statement_html(dict(row, speaker="newcorp", speaker_company_name="newcorp"))
    assert "<b>newcorp</b>" in unknown
    sentence = quotes.sentence_html({"companies": ["meta", "newcorp"], "company_names": ["Meta Platforms", "newcorp"],
                                     "sentence": "s", "aliases": [], "feed": "f", "title": None, "url": None})
    assert "<b>Meta Platforms, newcorp</b>" in sentence


def test_downloads_keep_the_id_beside_the_name():
    frame = names.with_names(pd.DataFrame({"speaker": ["meta"], "target": ["newcorp"], "evidence": ["x"]}),
                             NAMES, {"speaker": "speaker_company_name", "target": "target_company_name"})
    csv = export.to_csv(frame).decode().splitlines()
    assert csv == ["speaker,speaker_company_name,target,target_company_name,evidence",
                   "meta,Meta Platforms,newcorp,newcorp,x"]
