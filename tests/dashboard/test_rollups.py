"""The roll-ups of daily counts, on literal frames: buckets, share of voice,
the spike rule, momentum and the rivalry matrix."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from dashboard import rollups


def _days(rows):
    return pd.DataFrame(rows, columns=["day", "company", "stories", "mentions"]).assign(
        day=lambda f: pd.to_datetime(f["day"]).dt.date)


COMPANY_DAYS = _days([
    ("2024-04-15", "meta", 2, 5), ("2024-04-16", "meta", 1, 1), ("2024-04-16", "openai", 3, 4),
    ("2024-04-24", "openai", 1, 1), ("2024-05-02", "meta", 1, 2),
])
STORY_DAYS = pd.DataFrame({
    "day": pd.to_datetime(["2024-04-15", "2024-04-16", "2024-04-24", "2024-05-02"]).date,
    "stories": [4, 5, 2, 1], "items": [5, 6, 2, 1],
})


def test_weekly_volume_is_zero_filled_and_normalised_by_all_stories():
    frame = rollups.volume(COMPANY_DAYS, STORY_DAYS, "week")
    weeks = sorted(frame["bucket"].unique())
    assert [pd.Timestamp(w).date() for w in weeks] == [
        date(2024, 4, 15), date(2024, 4, 22), date(2024, 4, 29)]  # Mondays, none skipped
    first = frame[frame["bucket"] == weeks[0]].set_index("company")
    assert first.loc["meta", "stories"] == 3 and first.loc["openai", "stories"] == 3
    assert first.loc["meta", "all_stories"] == 9
    assert first.loc["meta", "share"] == pytest.approx(3 / 9)
    assert first["share_named"].sum() == pytest.approx(1.0)
    third = frame[frame["bucket"] == weeks[2]].set_index("company")
    assert third.loc["openai", "stories"] == 0 and third.loc["openai", "share"] == 0


def test_volume_filters_dates_and_companies():
    frame = rollups.volume(COMPANY_DAYS, STORY_DAYS, "day", start=date(2024, 4, 16),
                           end=date(2024, 4, 16), companies=["openai"])
    assert frame[["company", "stories", "mentions", "all_stories"]].values.tolist() == [["openai", 3, 4, 5]]
    assert rollups.volume(COMPANY_DAYS, STORY_DAYS, "month", companies=["nobody"]).empty
    with pytest.raises(ValueError, match="bucket must be one of"):
        rollups.volume(COMPANY_DAYS, STORY_DAYS, "year")


def test_buckets_start_on_mondays_and_firsts():
    days = pd.Series(pd.to_datetime(["2024-04-17", "2024-04-21", "2024-04-22"]))
    assert rollups.bucket_start(days, "week").dt.strftime("%m-%d").tolist() == ["04-15", "04-15", "04-22"]
    assert rollups.bucket_start(days, "month").dt.strftime("%m-%d").tolist() == ["04-01"] * 3


def _quiet_then(spike_day: int, spike: int, *, base=(1, 2), company="meta", days=40):
    first = date(2024, 1, 1)
    rows = []
    for n in range(days):
        stories = spike if n == spike_day else base[n % len(base)]
        rows.append((first + timedelta(days=n), company, stories, stories))
    return _days(rows).assign(day=lambda f: [first + timedelta(days=n) for n in range(days)])


def test_a_day_far_above_the_previous_fortnight_is_a_spike():
    found = rollups.spikes(_quiet_then(30, 12))
    assert found["day"].tolist() == [date(2024, 1, 31)]
    row = found.iloc[0]
    assert row["stories"] == 12 and row["baseline"] == pytest.approx(1.5)
    assert row["std"] == pytest.approx(0.5) and row["threshold"] == pytest.approx(3.0)


def test_small_or_early_bumps_are_not_spikes():
    assert rollups.spikes(_quiet_then(30, 3)).empty  # at the threshold, not above it
    assert rollups.spikes(_quiet_then(30, 12), min_stories=13).empty
    assert rollups.spikes(_quiet_then(5, 50)).empty  # no full fortnight before it
    flat = _quiet_then(30, 3, base=(0,))
    assert rollups.spikes(flat)["day"].tolist() == [date(2024, 1, 31)]  # 3 stories after silence
    assert rollups.spikes(_quiet_then(30, 2, base=(0,))).empty  # but not 2: below the minimum


def test_quiet_days_count_as_zero():
    sparse = _quiet_then(30, 6, base=(1,)).query("stories > 0")
    sparse = sparse[[d.day % 2 == 0 or d == date(2024, 1, 31) for d in sparse["day"]]]
    found = rollups.spikes(sparse)
    assert date(2024, 1, 31) in found["day"].tolist()


def test_spikes_filter_by_dates_and_companies():
    both = pd.concat([_quiet_then(30, 12), _quiet_then(20, 12, company="openai")], ignore_index=True)
    assert set(rollups.spikes(both)["company"]) == {"meta", "openai"}
    assert rollups.spikes(both, companies=["openai"])["day"].tolist() == [date(2024, 1, 21)]
    assert rollups.spikes(both, start=date(2024, 1, 25))["company"].tolist() == ["meta"]


def test_momentum_compares_daily_rates():
    frame = _days([
        ("2024-03-01", "meta", 28, 28),   # in the 28 days before: 1 a day
        ("2024-03-29", "meta", 14, 14),   # in the last 7 days: 2 a day
        ("2024-03-30", "openai", 3, 3),   # new
        ("2024-02-01", "google", 50, 50),  # too old for either window
    ])
    table = rollups.momentum(frame, ["company"], "stories", end=date(2024, 4, 1), recent_days=7,
                             baseline_days=28).set_index("company")
    assert table.loc["meta", "recent"] == 14 and table.loc["meta", "baseline"] == 28
    assert table.loc["meta", "change"] == pytest.approx(1.0)
    assert table.loc["meta", "lift"] == pytest.approx(7.0)
    assert pd.isna(table.loc["openai", "change"]) and table.loc["openai", "lift"] == 3
    assert "google" not in table.index
    assert table.index.tolist()[0] == "meta"  # sorted by lift


PAIR_DAYS = pd.DataFrame({
    "day": pd.to_datetime(["2024-04-18", "2024-04-18", "2024-04-25", "2024-05-14", "2024-07-23"]).date,
    "speaker": ["meta", "meta", "openai", "google", "meta"],
    "target": ["openai", "mistral", "meta", "meta", "openai"],
    "stance": ["benchmark", "dismissive", "praise", "critical", "neutral"],
    "edges": [3, 1, 1, 1, 1],
    "polarity_sum": [0.3, -0.2, 0.6, -0.4, 0.0],
})


def test_matrix_sums_pairs_with_stances_and_mean_polarity():
    pairs = rollups.matrix(PAIR_DAYS)
    first = pairs.iloc[0]
    assert (first["speaker"], first["target"], first["edges"]) == ("meta", "openai", 4)
    assert first["main_stance"] == "benchmark"
    assert (first["benchmark"], first["neutral"], first["praise"]) == (3, 1, 0)
    assert first["mean_polarity"] == pytest.approx(0.3 / 4)
    assert pd.Timestamp(first["last_seen"]).date() == date(2024, 7, 23)
    assert len(pairs) == 4


def test_matrix_filters_and_stance_mix():
    assert rollups.matrix(PAIR_DAYS, companies=["mistral"])[["speaker", "target"]].values.tolist() == [
        ["meta", "mistral"]]
    assert rollups.matrix(PAIR_DAYS, start=date(2024, 5, 1), end=date(2024, 5, 31))["speaker"].tolist() == [
        "google"]
    assert rollups.matrix(PAIR_DAYS, companies=["nobody"]).empty
    mix = rollups.stance_mix(rollups.matrix(PAIR_DAYS))
    assert mix[mix["speaker"] == "meta"].set_index("stance")["edges"].to_dict() == {
        "benchmark": 3, "dismissive": 1, "neutral": 1}
    by_pair = rollups.stance_mix(rollups.matrix(PAIR_DAYS), by="pair")
    assert set(by_pair["pair"]) == {"meta → openai", "meta → mistral", "openai → meta", "google → meta"}
    assert rollups.busiest(rollups.matrix(PAIR_DAYS))[0] == "meta"


def test_company_totals():
    totals = rollups.company_totals(COMPANY_DAYS)
    assert totals.values.tolist() == [["meta", 4, 8], ["openai", 4, 5]]
