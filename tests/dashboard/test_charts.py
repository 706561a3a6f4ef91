"""Charts are pure functions of literal frames."""

from __future__ import annotations

import pandas as pd

from dashboard import charts

VOLUME = pd.DataFrame({
    "bucket": pd.to_datetime(["2024-04-15"] * 3 + ["2024-04-22"] * 3),
    "company": ["meta", "openai", "newcorp"] * 2,
    "mentions": [4, 2, 0, 1, 1, 2],
    "share": [4 / 6, 2 / 6, 0.0, 0.25, 0.25, 0.5],
})

MIX = pd.DataFrame({
    "speaker": ["meta", "meta", "openai", "google"],
    "stance": ["benchmark", "dismissive", "praise", "benchmark"],
    "edges": [3, 1, 2, 1],
})


def _colours(fig) -> dict[str, str]:
    return {t.name: (t.line.color if t.type == "scatter" else t.marker.color) for t in fig.data}


def test_volume_has_one_line_per_company_biggest_first():
    fig = charts.mention_volume_figure(VOLUME)
    assert [t.name for t in fig.data] == ["meta", "openai", "newcorp"]
    meta = fig.data[0]
    assert list(meta.y) == [4, 1]


def test_a_company_keeps_its_colour_across_charts():
    volume = _colours(charts.mention_volume_figure(VOLUME))
    share = _colours(charts.share_of_voice_figure(VOLUME))
    only_openai = _colours(charts.mention_volume_figure(VOLUME[VOLUME.company == "openai"]))
    assert volume == share
    assert only_openai["openai"] == volume["openai"] == charts.COMPANY_COLOURS["openai"]
    assert volume["meta"] == charts.COMPANY_COLOURS["meta"]
    assert volume["newcorp"] in charts.FALLBACK_PALETTE
    assert charts.company_colour("newcorp") == volume["newcorp"]


def test_known_companies_have_distinct_colours():
    assert len(set(charts.COMPANY_COLOURS.values())) == len(charts.COMPANY_COLOURS)


def test_share_of_voice_stacks_shares():
    fig = charts.share_of_voice_figure(VOLUME)
    assert len(fig.data) == 3
    assert {t.stackgroup for t in fig.data} == {"share"}
    assert [round(v, 2) for v in fig.data[0].y] == [0.67, 0.25]


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


def test_empty_frames_give_an_empty_figure():
    for fig in (
        charts.mention_volume_figure(VOLUME.iloc[:0]),
        charts.share_of_voice_figure(VOLUME.iloc[:0]),
        charts.stance_mix_figure(MIX.iloc[:0]),
    ):
        assert len(fig.data) == 0
        assert fig.layout.annotations[0].text.startswith("No data")


def test_small_companies_are_summed_into_other():
    fig = charts.mention_volume_figure(VOLUME, limit=2)
    assert [t.name for t in fig.data] == ["meta", "openai", "other"]
    other = fig.data[2]
    assert list(other.y) == [0, 2] and other.line.color == charts.OTHER_COLOUR
    share = charts.share_of_voice_figure(VOLUME, limit=1)
    assert [t.name for t in share.data] == ["meta", "other"]
    assert [round(a + b, 6) for a, b in zip(share.data[0].y, share.data[1].y, strict=True)] == [1.0, 1.0]
