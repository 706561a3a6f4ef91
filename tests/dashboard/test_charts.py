"""Charts are pure functions of literal frames."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts, rollups

VOLUME = pd.DataFrame({
    "bucket": pd.to_datetime(["2024-04-15"] * 3 + ["2024-04-22"] * 3),
    "company": ["meta", "openai", "newcorp"] * 2,
    "stories": [4, 2, 0, 1, 1, 2],
    "mentions": [6, 2, 0, 1, 1, 3],
    "all_stories": [8, 8, 8, 4, 4, 4],
    "share": [0.5, 0.25, 0.0, 0.25, 0.25, 0.5],
    "share_named": [4 / 6, 2 / 6, 0.0, 0.25, 0.25, 0.5],
})

MIX = pd.DataFrame({
    "speaker": ["meta", "meta", "openai", "google"],
    "stance": ["benchmark", "dismissive", "praise", "benchmark"],
    "edges": [3, 1, 2, 1],
})

PAIRS = rollups.matrix(pd.DataFrame({
    "day": pd.to_datetime(["2024-04-18", "2024-04-18", "2024-04-25", "2024-05-14"]).date,
    "speaker": ["meta", "meta", "openai", "google"],
    "target": ["openai", "mistral", "meta", "meta"],
    "stance": ["benchmark", "dismissive", "praise", "critical"],
    "edges": [3, 1, 1, 1],
    "polarity_sum": [0.3, -0.2, 0.6, -0.4],
}))
TOTALS = pd.DataFrame({"company": ["meta", "openai", "google", "mistral"], "stories": [10, 8, 3, 1]})


def _colours(fig) -> dict[str, str]:
    return {t.name: (t.line.color if t.type == "scatter" else t.marker.color) for t in fig.data}


def test_volume_has_one_line_per_company_biggest_first():
    fig = charts.mention_volume_figure(VOLUME)
    assert [t.name for t in fig.data] == ["meta", "openai", "newcorp"]
    meta = fig.data[0]
    assert list(meta.y) == [4, 1]


def test_spikes_are_marked_on_their_bucket():
    spikes = pd.DataFrame({"bucket": pd.to_datetime(["2024-04-15"]), "company": ["meta"],
                           "day": pd.to_datetime(["2024-04-17"]).date, "stories": [3]})
    fig = charts.mention_volume_figure(VOLUME, spikes)
    marks = fig.data[-1]
    assert marks.name == "spike" and list(marks.y) == [4]  # drawn on meta's line, not at 3


def test_a_company_keeps_its_colour_across_charts():
    volume = _colours(charts.mention_volume_figure(VOLUME))
    share = _colours(charts.share_of_voice_figure(VOLUME))
    only_openai = _colours(charts.mention_volume_figure(VOLUME[VOLUME.company == "openai"]))
    assert volume == share
    assert only_openai["openai"] == volume["openai"] == charts.COMPANY_COLOURS["openai"]
    assert volume["meta"] == charts.COMPANY_COLOURS["meta"]
    assert volume["newcorp"] in charts.FALLBACK_PALETTE
    assert charts.company_colour("newcorp") == volume["newcorp"]
    network = charts.network_figure(PAIRS, TOTALS)
    nodes = next(t for t in network.data if t.mode == "markers+text")
    assert dict(zip(nodes.text, nodes.marker.color, strict=True))["meta"] == charts.COMPANY_COLOURS["meta"]


def test_known_companies_have_distinct_colours():
    assert len(set(charts.COMPANY_COLOURS.values())) == len(charts.COMPANY_COLOURS)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("background", ["#ffffff", "#0e1117"], ids=["light", "dark"])
def test_every_series_colour_shows_on_both_themes(background):
    colours = [*charts.COMPANY_COLOURS.values(), *charts.FALLBACK_PALETTE, *charts.STANCE_COLOURS.values(),
               charts.OTHER_COLOUR, charts.SPIKE_COLOUR]
    faint = [c for c in colours if _contrast(c, background) < 1.5]
    assert not faint, f"too close to the {background} background: {faint}"


def test_share_of_voice_stacks_shares_of_all_stories_or_of_the_shown_companies():
    fig = charts.share_of_voice_figure(VOLUME)
    assert len(fig.data) == 3
    assert {t.stackgroup for t in fig.data} == {"share"}
    assert list(fig.data[0].y) == [0.5, 0.25]
    named = charts.share_of_voice_figure(VOLUME, of="named")
    assert [round(v, 2) for v in named.data[0].y] == [0.67, 0.25]


def test_stance_mix_per_speaker_and_overall():
    fig = charts.stance_mix_figure(MIX)
    assert [t.name for t in fig.data] == ["benchmark", "dismissive", "praise"]
    assert {t.name: t.marker.color for t in fig.data} == {
        s: charts.STANCE_COLOURS[s] for s in ("benchmark", "dismissive", "praise")
    }
    benchmark = fig.data[0]
    assert list(benchmark.y) == ["meta", "openai", "google"]  # by edges, largest first
    assert list(benchmark.x) == [3, 0, 1]
    overall = charts.stance_mix_figure(MIX, by_speaker=False)
    assert {t.name: list(t.x) for t in overall.data} == {
        "benchmark": [4], "dismissive": [1], "praise": [2],
    }


def test_matrix_cells_are_clickable_and_carry_the_pair():
    fig = charts.matrix_figure(PAIRS)
    heat, cells = fig.data
    assert heat.type == "heatmap" and list(heat.y) == ["meta", "google", "openai"]  # ties by name
    assert heat.text[0][0] == "3" and heat.text[0][1] == ""  # meta -> openai; meta -> meta is empty
    assert cells.type == "scatter"
    pairs = {(c[0], c[1]) for c in cells.customdata}
    assert ("meta", "openai") in pairs and len(pairs) == 4
    assert "benchmark 3" in next(c[5] for c in cells.customdata if c[0] == "meta" and c[1] == "openai")
    polar = charts.matrix_figure(PAIRS, colour_by="polarity").data[0]
    assert (polar.zmin, polar.zmax) == (-1, 1)


def test_network_draws_an_arrow_per_pair_with_width_by_count():
    fig = charts.network_figure(PAIRS, TOTALS)
    lines = [t for t in fig.data if t.mode == "lines" and t.hoverinfo == "skip"]
    assert len(lines) == len(PAIRS) == len(fig.layout.annotations)
    widths = sorted(t.line.width for t in lines)
    assert widths[-1] == 8 and widths[0] < widths[-1]  # the busiest pair is the widest
    mids = next(t for t in fig.data if t.mode == "markers" and t.customdata is not None
                and isinstance(t.customdata[0][1], str))
    assert {(c[0], c[1]) for c in mids.customdata} == set(zip(PAIRS["speaker"], PAIRS["target"], strict=True))
    by_stance = charts.network_figure(PAIRS, TOTALS, colour_by="stance")
    assert {t.name for t in by_stance.data if t.name} >= {"benchmark"}


def test_timeline_escapes_feed_text_in_hovers():
    statements = pd.DataFrame({
        "published_at": pd.to_datetime(["2024-04-18", "2024-05-01"]),
        "target": ["openai", "mistral"], "stance": ["benchmark", "dismissive"],
        "polarity": [0.1, -0.6], "speaker_name": ["Ahmad", None],
        "evidence": ["<script>alert(1)</script> needs to be GPT-4", "Mistral is peanuts"],
    })
    fig = charts.timeline_figure(statements)
    assert [t.name for t in fig.data] == ["benchmark", "dismissive"]
    assert fig.data[0].customdata[0][0].startswith("&lt;script&gt;")


def test_spike_and_momentum_figures():
    series = pd.DataFrame({"day": pd.date_range("2024-01-01", periods=3), "stories": [1, 2, 9],
                           "baseline": [None, 1.0, 1.5], "threshold": [None, 2.0, 3.0]})
    spikes = pd.DataFrame({"day": [pd.Timestamp("2024-01-03").date()], "stories": [9]})
    fig = charts.spike_figure(series, spikes, "meta")
    assert [t.name for t in fig.data] == ["stories per day", "baseline (previous days' mean)",
                                          "spike threshold", "spike"]
    assert list(fig.data[-1].customdata) == ["2024-01-03"]
    table = pd.DataFrame({"company": ["meta", "openai"], "recent": [14, 0], "baseline": [28, 28],
                          "recent_per_day": [2.0, 0.0], "baseline_per_day": [1.0, 1.0],
                          "change": [1.0, -1.0], "lift": [7.0, -7.0]})
    bars = charts.momentum_figure(table, "company").data[0]
    assert list(bars.y) == ["openai", "meta"] and list(bars.marker.color)[1] == charts.COMPANY_COLOURS["meta"]


def test_empty_frames_give_an_empty_figure():
    for fig in (
        charts.mention_volume_figure(VOLUME.iloc[:0]),
        charts.share_of_voice_figure(VOLUME.iloc[:0]),
        charts.stance_mix_figure(MIX.iloc[:0]),
        charts.matrix_figure(PAIRS.iloc[:0]),
        charts.network_figure(PAIRS.iloc[:0], TOTALS),
        charts.pair_stance_figure(PAIRS.iloc[:0]),
        charts.momentum_figure(pd.DataFrame(), "company"),
    ):
        assert len(fig.data) == 0
        assert fig.layout.annotations[0].text.startswith("No data")


def test_small_companies_are_summed_into_other():
    fig = charts.mention_volume_figure(VOLUME, limit=2)
    assert [t.name for t in fig.data] == ["meta", "openai", "other"]
    other = fig.data[2]
    assert list(other.y) == [0, 2] and other.line.color == charts.OTHER_COLOUR
    share = charts.share_of_voice_figure(VOLUME, of="named", limit=1)
    assert [t.name for t in share.data] == ["meta", "other"]
    assert [round(a + b, 6) for a, b in zip(share.data[0].y, share.data[1].y, strict=True)] == [1.0, 1.0]
