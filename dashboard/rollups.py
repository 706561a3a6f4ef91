"""Roll-ups of the warehouse's daily counts: time buckets, share of voice,
spikes, momentum and the rivalry matrix. Pure functions from DataFrames to
DataFrames, so the rules are tested on literal frames and the expensive SQL
(`company_days`, `daily_stories`, `pair_days`) runs once per snapshot.

The inputs, as the named queries return them:
- company days: day, company, stories, mentions (a story counts once per
  company, on the day of its first copy that names the company);
- story days: day, stories, items (every story, named companies or not);
- pair days: day, speaker, target, stance, edges, polarity_sum.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

BUCKETS = ("day", "week", "month")
STANCES = ("benchmark", "dismissive", "praise", "threat", "critical", "neutral")

# The spike rule (as Huginn's peak detector and Meltwater's spike alerts
# describe theirs): a day is a spike for a company when its stories exceed the
# mean of the previous SPIKE_WINDOW days by more than SPIKE_SIGMAS standard
# deviations, and number at least SPIKE_MIN_STORIES. Quiet days count as zero;
# the first SPIKE_WINDOW days of the warehouse are never judged.
SPIKE_WINDOW = 14
SPIKE_SIGMAS = 3.0
SPIKE_MIN_STORIES = 3

# Momentum windows: recent days against the days just before them.
MOMENTUM_WINDOWS = {
    "7 days vs previous 28": (7, 28),
    "4 weeks vs previous 12": (28, 84),
}


def _days(frame: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(frame["day"])


def _within(frame: pd.DataFrame, start: date | None, end: date | None) -> pd.DataFrame:
    days = _days(frame)
    keep = pd.Series(True, index=frame.index)
    if start is not None:
        keep &= days >= pd.Timestamp(start)
    if end is not None:
        keep &= days <= pd.Timestamp(end)
    return frame[keep]


def bucket_start(days: pd.Series, bucket: str) -> pd.Series:
    """The first day of each day's bucket: Mondays for weeks (as DuckDB's
    date_trunc), the 1st for months."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}, not {bucket!r}")
    days = pd.to_datetime(days)
    if bucket == "day":
        return days.dt.normalize()
    if bucket == "week":
        return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()
    return days.dt.to_period("M").dt.start_time


def _bucket_range(first: pd.Timestamp, last: pd.Timestamp, bucket: str) -> pd.DatetimeIndex:
    freq = {"day": "D", "week": "W-MON", "month": "MS"}[bucket]
    return pd.date_range(first, last, freq=freq)


def volume(
    company_days: pd.DataFrame, story_days: pd.DataFrame, bucket: str,
    start: date | None = None, end: date | None = None, companies: Iterable[str] = (),
) -> pd.DataFrame:
    """Stories naming each company per bucket and their share of voice: the
    company's stories over every story in the bucket (as Media Cloud
    normalises attention), so shares of several companies may add up to more
    or less than 1; `share_named` is the classic share of voice instead, the
    company's part of the chosen companies' stories (adds up to 1). Every
    bucket between the first and the last with a mention is listed,
    zero-filled. Columns: bucket, company, stories, mentions, all_stories,
    share, share_named."""
    columns = ["bucket", "company", "stories", "mentions", "all_stories", "share", "share_named"]
    chosen = set(companies or ())
    days = _within(company_days, start, end)
    if chosen:
        days = days[days["company"].isin(chosen)]
    if days.empty:
        return pd.DataFrame(columns=columns)
    days = days.assign(bucket=bucket_start(days["day"], bucket))
    counts = days.groupby(["bucket", "company"], as_index=False)[["stories", "mentions"]].sum()
    all_days = _within(story_days, start, end)
    totals = (all_days.assign(bucket=bucket_start(all_days["day"], bucket))
              .groupby("bucket")["stories"].sum())
    grid = pd.MultiIndex.from_product(
        [_bucket_range(counts["bucket"].min(), counts["bucket"].max(), bucket),
         sorted(counts["company"].unique())],
        names=["bucket", "company"],
    )
    frame = (counts.set_index(["bucket", "company"]).reindex(grid, fill_value=0).reset_index())
    frame["all_stories"] = frame["bucket"].map(totals).fillna(0).astype("int64")
    # A story names its company, so it is one of the bucket's stories; max()
    # guards against a story dated in another bucket than its first copy.
    denominator = np.maximum(frame["all_stories"], frame.groupby("bucket")["stories"].transform("max"))
    frame["share"] = np.where(denominator > 0, frame["stories"] / denominator.where(denominator > 0, 1), 0.0)
    named = frame.groupby("bucket")["stories"].transform("sum")
    frame["share_named"] = np.where(named > 0, frame["stories"] / named.where(named > 0, 1), 0.0)
    frame[["stories", "mentions"]] = frame[["stories", "mentions"]].astype("int64")
    return frame[columns].sort_values(["bucket", "company"], ignore_index=True)


def company_totals(
    company_days: pd.DataFrame, start: date | None = None, end: date | None = None,
) -> pd.DataFrame:
    """company, stories, mentions within the dates, most stories first."""
    days = _within(company_days, start, end)
    totals = days.groupby("company", as_index=False)[["stories", "mentions"]].sum()
    return totals.sort_values(["stories", "company"], ascending=[False, True], ignore_index=True)


def daily_grid(company_days: pd.DataFrame, last_day: date | None = None) -> pd.DataFrame:
    """Stories per company per day, zero-filled from the first day to
    `last_day` (default: the last day with a mention): index day, a column
    per company."""
    if company_days.empty:
        return pd.DataFrame()
    days = company_days.assign(day=_days(company_days))
    wide = days.pivot_table(index="day", columns="company", values="stories", aggfunc="sum", fill_value=0)
    last = pd.Timestamp(last_day) if last_day is not None else wide.index.max()
    return wide.reindex(pd.date_range(wide.index.min(), max(last, wide.index.min()), freq="D"), fill_value=0)


def baselines(
    grid: pd.DataFrame, *, window: int = SPIKE_WINDOW, sigmas: float = SPIKE_SIGMAS,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Mean, standard deviation and spike threshold of each day's previous
    `window` days (NaN for the first `window` days)."""
    previous = grid.shift(1).rolling(window, min_periods=window)
    mean = previous.mean()
    std = previous.std(ddof=0)
    return mean, std, mean + sigmas * std


def spikes(
    company_days: pd.DataFrame, *, window: int = SPIKE_WINDOW, sigmas: float = SPIKE_SIGMAS,
    min_stories: int = SPIKE_MIN_STORIES, start: date | None = None, end: date | None = None,
    companies: Iterable[str] = (),
) -> pd.DataFrame:
    """Days where a company's stories beat the spike rule (see SPIKE_*), the
    newest first. Columns: day, company, stories, baseline, std, threshold,
    excess (stories over the baseline, in standard deviations; inf when the
    baseline was flat)."""
    columns = ["day", "company", "stories", "baseline", "std", "threshold", "excess"]
    grid = daily_grid(company_days)
    if grid.empty:
        return pd.DataFrame(columns=columns)
    chosen = [c for c in (companies or ()) if c in grid.columns]
    if companies:
        grid = grid[chosen]
    mean, std, threshold = baselines(grid, window=window, sigmas=sigmas)
    flagged = (grid > threshold) & (grid >= min_stories)
    if not flagged.to_numpy().any():
        return pd.DataFrame(columns=columns)
    stacked = pd.DataFrame({
        "stories": grid.stack(), "baseline": mean.stack(future_stack=True),
        "std": std.stack(future_stack=True), "threshold": threshold.stack(future_stack=True),
        "flag": flagged.stack(),
    })
    found = stacked[stacked["flag"]].drop(columns="flag").reset_index()
    found = found.rename(columns={found.columns[0]: "day", found.columns[1]: "company"})
    with np.errstate(divide="ignore", invalid="ignore"):
        found["excess"] = (found["stories"] - found["baseline"]) / found["std"]
    found["day"] = found["day"].dt.date
    found = _within(found, start, end)
    return found[columns].sort_values(["day", "stories"], ascending=[False, False], ignore_index=True)


def momentum(
    frame: pd.DataFrame, keys: list[str], value: str, *, end: date, recent_days: int,
    baseline_days: int,
) -> pd.DataFrame:
    """Per key, `value` in the `recent_days` up to `end` against the
    `baseline_days` before them, as daily rates. `change` is the relative
    change of the rate (NaN when the baseline had none: new), `lift` the
    recent count above what the baseline rate predicts; sorted by lift."""
    columns = [*keys, "recent", "baseline", "recent_per_day", "baseline_per_day", "change", "lift"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    days = _days(frame)
    end_ts = pd.Timestamp(end)
    recent_from = end_ts - pd.Timedelta(days=recent_days - 1)
    baseline_from = recent_from - pd.Timedelta(days=baseline_days)
    recent = frame[(days >= recent_from) & (days <= end_ts)].groupby(keys)[value].sum()
    baseline = frame[(days >= baseline_from) & (days < recent_from)].groupby(keys)[value].sum()
    table = pd.DataFrame({"recent": recent, "baseline": baseline}).fillna(0).astype("int64")
    if table.empty:
        return pd.DataFrame(columns=columns)
    table["recent_per_day"] = table["recent"] / recent_days
    table["baseline_per_day"] = table["baseline"] / baseline_days
    table["change"] = (table["recent_per_day"] / table["baseline_per_day"].where(table["baseline"] > 0)) - 1
    table["lift"] = table["recent"] - table["baseline_per_day"] * recent_days
    table = table.reset_index()
    return table[columns].sort_values(["lift", "recent"], ascending=False, ignore_index=True)


def matrix(
    pair_days: pd.DataFrame, start: date | None = None, end: date | None = None,
    companies: Iterable[str] = (),
) -> pd.DataFrame:
    """Speaker -> target pairs within the dates (a pair counts when its
    speaker or its target is chosen): statements, mean polarity, the most
    common stance, a count per stance and the latest day; most statements
    first. Columns: speaker, target, edges, mean_polarity, main_stance,
    <one per stance>, last_seen."""
    columns = ["speaker", "target", "edges", "mean_polarity", "main_stance", *STANCES, "last_seen"]
    days = _within(pair_days, start, end)
    chosen = set(companies or ())
    if chosen:
        days = days[days["speaker"].isin(chosen) | days["target"].isin(chosen)]
    if days.empty:
        return pd.DataFrame(columns=columns)
    by_stance = days.pivot_table(index=["speaker", "target"], columns="stance", values="edges",
                                 aggfunc="sum", fill_value=0)
    seen = [s for s in STANCES if s in by_stance.columns]
    by_stance = by_stance.reindex(columns=[*STANCES], fill_value=0)
    pairs = days.groupby(["speaker", "target"]).agg(
        edges=("edges", "sum"), polarity_sum=("polarity_sum", "sum"), last_seen=("day", "max"),
    )
    pairs["mean_polarity"] = pairs["polarity_sum"] / pairs["edges"]
    # The most common stance; ties go to the first in STANCES (a fixed order).
    pairs["main_stance"] = by_stance[seen].idxmax(axis=1) if seen else None
    table = pairs.join(by_stance).reset_index()
    table["last_seen"] = pd.to_datetime(table["last_seen"])
    table[list(STANCES)] = table[list(STANCES)].astype("int64")
    table = table.sort_values(["edges", "last_seen", "speaker", "target"],
                              ascending=[False, False, True, True], ignore_index=True)
    return table[columns]


def stance_mix(pairs: pd.DataFrame, by: str = "speaker") -> pd.DataFrame:
    """`by`, stance, edges from a matrix() frame, summed per value of `by`:
    speaker, target, or pair ("speaker → target"); stances with no edge are
    left out."""
    if pairs.empty:
        return pd.DataFrame(columns=[by, "stance", "edges"])
    if by == "pair":
        pairs = pairs.assign(pair=pairs["speaker"].astype(str) + " → " + pairs["target"].astype(str))
    long = pairs[[by, *STANCES]].melt(id_vars=[by], var_name="stance", value_name="edges")
    long = long.groupby([by, "stance"], as_index=False, sort=False)["edges"].sum()
    return long[long["edges"] > 0].reset_index(drop=True)


def busiest(pairs: pd.DataFrame) -> list[str]:
    """Companies of a matrix() frame by statements made plus received, most first."""
    if pairs.empty:
        return []
    both = pd.concat([pairs.groupby("speaker")["edges"].sum(), pairs.groupby("target")["edges"].sum()])
    totals = both.groupby(level=0).sum()
    return sorted(totals.index, key=lambda c: (-totals[c], str(c)))
