"""Cached wrappers over the warehouse's named queries, one per thing a page
shows. Results are cached per snapshot: the snapshot version is part of every
cache key, so a new published snapshot is read on the next rerun and an old
one is never shown after it. Nothing here connects at import time.

The daily counts (`company_days`, `story_days`, `pair_days`) are read once
per snapshot and rolled up here (dashboard.rollups) for any date range,
company choice or time bucket, so changing a filter costs no query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from dashboard import names, rollups
from warehouse import db, queries, sandbox

EMPTY_STATE = (
    "No data yet: run `rivalwatch refresh` to read your feeds (or `rivalwatch ingest FILE`), "
    "or `rivalwatch demo --no-serve` for the bundled sample feeds, then reload this page."
)
BUCKETS = rollups.BUCKETS
EVIDENCE_LIMIT = 1000
TOP_PAIRS_LIMIT = 20
FAILING = ("failing", "disabled")


def db_path() -> Path:
    return db.resolve_db_path()


def has_snapshot() -> bool:
    """True when a published snapshot exists for the configured warehouse."""
    return db.snapshot_path(db_path()).exists()


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _cached(path: str, version: str, name: str, **params) -> pd.DataFrame:
    con = db.open_reader(Path(path))
    try:
        return queries.run(con, name, **params)
    finally:
        con.close()


def _key() -> tuple[str, str]:
    path = db_path()
    return str(path), db.snapshot_version(path)


def _run(name: str, **params) -> pd.DataFrame:
    return _cached(*_key(), name, **params)


def _day(value) -> date | None:
    if value is None or pd.isna(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _ids(values) -> list[str]:
    return sorted({str(v) for v in values or ()})


def company_options() -> list[str]:
    """Every company id of the warehouse, in the order of their names."""
    return [str(c) for c in _run("companies_seen")["company"]]


def company_names() -> dict[str, str]:
    """id -> the name pages show (dashboard.names); read once per snapshot."""
    return _company_names(*_key())


@st.cache_data(ttl=3600, max_entries=64, show_spinner=False)
def _company_names(path: str, version: str) -> dict[str, str]:
    seen = _run("companies_seen")
    return names.from_rows(seen["company"], seen["name"])


def date_bounds() -> tuple[date | None, date | None]:
    row = _run("date_bounds").iloc[0]
    return _day(row["first_day"]), _day(row["last_day"])


def is_empty() -> bool:
    """True when the snapshot holds no item yet."""
    return int(_run("date_bounds").iloc[0]["items"]) == 0


def open_range(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """The range with a bound at (or past) the warehouse's first or last day
    opened (None), so the default range shares its cache entry and its
    queries skip the date filter."""
    first, last = date_bounds()
    if start is not None and first is not None and start <= first:
        start = None
    if end is not None and last is not None and end >= last:
        end = None
    return start, end


def auto_bucket(start: date | None, end: date | None) -> str:
    """Day buckets for a few weeks, weeks up to half a year, months beyond."""
    if start is None or end is None:
        return "week"
    days = (end - start).days
    return "day" if days <= 45 else ("week" if days <= 200 else "month")


# The daily counts, read once per snapshot.

def company_days() -> pd.DataFrame:
    """day, company, stories, mentions (see warehouse/queries/company_days.sql)."""
    return _run("company_days")


def story_days() -> pd.DataFrame:
    """day, stories, items (see warehouse/queries/daily_stories.sql)."""
    return _run("daily_stories")


def pair_days() -> pd.DataFrame:
    """day, speaker, target, stance, edges, polarity_sum (see pair_days.sql)."""
    return _run("pair_days")


def mention_volume(bucket: str, start: date | None, end: date | None, companies) -> pd.DataFrame:
    """bucket, company, stories, mentions, all_stories, share: zero-filled per bucket."""
    return _volume(*_key(), bucket, start, end, tuple(_ids(companies)))


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False)
def _volume(path, version, bucket, start, end, companies) -> pd.DataFrame:
    return rollups.volume(company_days(), story_days(), bucket, start, end, companies)


def story_trend(start: date | None, end: date | None) -> list[int]:
    """Stories per week within the dates (the Stories tile's bars)."""
    days = story_days()
    if days.empty:
        return []
    days = days.assign(day=pd.to_datetime(days["day"]))
    if start is not None:
        days = days[days["day"] >= pd.Timestamp(start)]
    if end is not None:
        days = days[days["day"] <= pd.Timestamp(end)]
    weekly = days.groupby(rollups.bucket_start(days["day"], "week"))["stories"].sum()
    return [int(v) for v in weekly.tolist()]


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """A short age for a naive UTC time, to fit a tile: "now", "5 min",
    "3 h", "2 days"; "never" for None."""
    if when is None:
        return "never"
    now = now or db.utcnow()
    seconds = max(0, (now - when).total_seconds())
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min"
    if seconds < 2 * 86400:
        return f"{int(seconds // 3600)} h"
    return f"{int(seconds // 86400)} days"


def company_totals(start: date | None, end: date | None) -> pd.DataFrame:
    """company, stories, mentions within the dates, most stories first."""
    return rollups.company_totals(company_days(), start, end)


@st.cache_data(ttl=3600, max_entries=64, show_spinner=False)
def _spikes(path, version) -> pd.DataFrame:
    return rollups.spikes(company_days())


def spikes(start: date | None = None, end: date | None = None, companies=()) -> pd.DataFrame:
    """Spike days by the documented rule (rollups.SPIKE_*), newest first:
    day, company, stories, baseline, std, threshold, excess."""
    found = _spikes(*_key())
    if found.empty:
        return found
    keep = pd.Series(True, index=found.index)
    if start is not None:
        keep &= found["day"] >= start
    if end is not None:
        keep &= found["day"] <= end
    if companies:
        keep &= found["company"].isin(_ids(companies))
    return found[keep].reset_index(drop=True)


def spike_series(company: str, start: date | None, end: date | None) -> pd.DataFrame:
    """day, stories, baseline, threshold of one company, every day in range."""
    return _series(*_key(), company, start, end)


@st.cache_data(ttl=3600, max_entries=128, show_spinner=False)
def _series(path, version, company, start, end) -> pd.DataFrame:
    grid = rollups.daily_grid(company_days())
    if grid.empty or company not in grid.columns:
        return pd.DataFrame(columns=["day", "stories", "baseline", "threshold"])
    mean, _, threshold = rollups.baselines(grid[[company]])
    frame = pd.DataFrame({"stories": grid[company], "baseline": mean[company],
                          "threshold": threshold[company]})
    frame.index.name = "day"
    frame = frame.reset_index()
    if start is not None:
        frame = frame[frame["day"] >= pd.Timestamp(start)]
    if end is not None:
        frame = frame[frame["day"] <= pd.Timestamp(end)]
    return frame.reset_index(drop=True)


def spike_items(company: str, day: date) -> pd.DataFrame:
    """The stories behind a spike, with their sources (spike_items.sql)."""
    return _run("spike_items", company=company, day=day)


def company_momentum(end: date | None, window: str) -> pd.DataFrame:
    """company, recent, baseline, recent_per_day, baseline_per_day, change, lift."""
    recent, baseline = rollups.MOMENTUM_WINDOWS[window]
    end = end or date_bounds()[1]
    if end is None:
        return rollups.momentum(pd.DataFrame(), ["company"], "stories", end=date.today(),
                                recent_days=recent, baseline_days=baseline)
    return rollups.momentum(company_days(), ["company"], "stories", end=end,
                            recent_days=recent, baseline_days=baseline)


def pair_momentum(end: date | None, window: str) -> pd.DataFrame:
    """pair ("speaker → target"), speaker, target and the momentum columns."""
    recent, baseline = rollups.MOMENTUM_WINDOWS[window]
    end = end or date_bounds()[1]
    days = pair_days()
    if end is None or days.empty:
        table = rollups.momentum(pd.DataFrame(), ["speaker", "target"], "edges", end=date.today(),
                                 recent_days=recent, baseline_days=baseline)
    else:
        table = rollups.momentum(days, ["speaker", "target"], "edges", end=end,
                                 recent_days=recent, baseline_days=baseline)
    known = company_names()
    return table.assign(pair=names.series(known, table["speaker"].astype(str)) + " → "
                        + names.series(known, table["target"].astype(str)))


def rivalry_matrix(start: date | None, end: date | None, companies) -> pd.DataFrame:
    """speaker, target, edges, mean_polarity, main_stance, a column per stance, last_seen."""
    return _matrix(*_key(), start, end, tuple(_ids(companies)))


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False)
def _matrix(path, version, start, end, companies) -> pd.DataFrame:
    return rollups.matrix(pair_days(), start, end, companies)


def top_pairs(start: date | None, end: date | None, companies, limit: int = TOP_PAIRS_LIMIT) -> pd.DataFrame:
    """speaker, target, edges, main_stance, mean_polarity, last_seen."""
    pairs = rivalry_matrix(start, end, companies)
    return pairs[["speaker", "target", "edges", "main_stance", "mean_polarity", "last_seen"]].head(limit)


def stance_mix(start: date | None, end: date | None, companies) -> pd.DataFrame:
    """speaker, stance, edges."""
    return rollups.stance_mix(rivalry_matrix(start, end, companies))


@dataclass(frozen=True)
class Kpis:
    items: int
    stories: int
    mentions: int
    edges: int
    feeds: int
    feeds_ok: int
    feeds_failing: int
    last_refresh: datetime | None
    last_status: str | None


def kpis(start: date | None, end: date | None, companies) -> Kpis:
    start, end = open_range(start, end)
    row = _run("overview_counts", start=start, end=end, companies=_ids(companies)).iloc[0]
    refreshed = row["last_refresh"]
    health = feeds()
    status = health["status"] if not health.empty else pd.Series(dtype=str)
    return Kpis(
        items=int(row["items"]), stories=int(row["stories"]), mentions=int(row["mentions"]),
        edges=int(rivalry_matrix(start, end, companies)["edges"].sum()),
        feeds=int(row["feeds"]), feeds_ok=int((status == "ok").sum()),
        feeds_failing=int(status.isin(FAILING).sum()),
        last_refresh=None if pd.isna(refreshed) else pd.Timestamp(refreshed).to_pydatetime(),
        last_status=None if pd.isna(row["last_status"]) else str(row["last_status"]),
    )


def search_terms(text: str | None) -> tuple[str | None, str | None]:
    """(pattern, needle) for what the user typed, or (None, None): the needle
    is the lowercased text, matched literally; the pattern a plain ILIKE that
    finds candidates fast, `%` turned into the one-character `_` so the
    user's `%` and `_` are never wider than the needle (see evidence_edges.sql)."""
    text = " ".join((text or "").split())
    if not text:
        return None, None
    return "%" + text.replace("%", "_") + "%", text.lower()


# The name columns the evidence frames carry beside their ids, so quotes and
# tables show names and downloads keep both (`speaker_name` is already the
# person named as the speaker).
STATEMENT_NAMES = {"speaker": "speaker_company_name", "target": "target_company_name"}
SENTENCE_NAMES = {"companies": "company_names"}


@dataclass(frozen=True)
class Evidence:
    frame: pd.DataFrame
    matching: int | None  # None: not counted (the newest sentences, no search)
    limit: int

    @property
    def truncated(self) -> bool:
        if self.matching is None:
            return len(self.frame) >= self.limit
        return self.matching > len(self.frame)


def _evidence(frame: pd.DataFrame, limit: int) -> Evidence:
    matching = frame["matching"].iloc[0] if len(frame) else 0
    matching = None if pd.isna(matching) else int(matching)
    return Evidence(frame=frame.drop(columns=["matching"]), matching=matching, limit=int(limit))


def evidence(
    *, speakers=(), targets=(), stances=(), feeds=(), start: date | None = None,
    end: date | None = None, search: str | None = None, limit: int = EVIDENCE_LIMIT,
) -> Evidence:
    """Statements with their evidence, newest first; `url` and `source_urls`
    hold only http(s) addresses."""
    start, end = open_range(start, end)
    pattern, needle = search_terms(search)
    frame = _run(
        "evidence_edges", speakers=_ids(speakers), targets=_ids(targets),
        stances=_ids(stances), feeds=_ids(feeds), start=start, end=end, pattern=pattern,
        needle=needle, limit=int(limit),
    )
    return _evidence(names.with_names(frame, company_names(), STATEMENT_NAMES), limit)


def sentences(
    *, companies=(), feeds=(), start: date | None = None, end: date | None = None,
    search: str | None = None, limit: int = EVIDENCE_LIMIT,
) -> Evidence:
    """Sentences naming companies, newest first, with the aliases that named
    them; with a search, only sentences containing it (counted)."""
    start, end = open_range(start, end)
    pattern, needle = search_terms(search)
    params = dict(companies=_ids(companies), feeds=_ids(feeds), start=start, end=end, limit=int(limit))
    if pattern is None:
        frame = _run("evidence_mentions", **params)
    else:
        frame = _run("sentence_search", pattern=pattern, needle=needle, **params)
    return _evidence(names.with_names(frame, company_names(), SENTENCE_NAMES), limit)


def company_entities(company: str, start: date | None, end: date | None, limit: int = 100) -> pd.DataFrame:
    """entity, entity_type, stories, mentions, last_seen."""
    start, end = open_range(start, end)
    return _run("company_entities", company=company, start=start, end=end, limit=int(limit))


def company_people(company: str, start: date | None, end: date | None) -> pd.DataFrame:
    """speaker_name, statements, targets, main_stance, mean_polarity, found_via, last_seen."""
    start, end = open_range(start, end)
    return _run("company_people", company=company, start=start, end=end)


def company_sources(company: str, start: date | None, end: date | None) -> pd.DataFrame:
    """feed, kind, owner, items, mentions, first_seen, last_seen."""
    start, end = open_range(start, end)
    return _run("company_sources", company=company, start=start, end=end)


def _feed_health() -> pd.DataFrame:
    """The refresh's feed health (feed_health.sql), empty for a snapshot
    made before feed health existed or by `ingest` alone."""
    try:
        return _run("feed_health")
    except (duckdb.Error, KeyError):
        return pd.DataFrame()


# Feeds needing attention first.
STATUS_ORDER = {"failing": 0, "disabled": 1, "new": 2, "ok": 3, "ingested": 4, "off": 5}
FEED_COLUMNS = ["feed", "status", "kind", "owner", "items", "latest_item_at", "last_fetch_at",
                "next_check_at", "error", "error_count", "url"]


def feeds() -> pd.DataFrame:
    """Every feed with its health: the refresh's own record where it has one
    (status ok | failing | disabled | off | new, next check, last error),
    else what the runs log says of the feed's last run (ok | failing |
    ingested). Columns: FEED_COLUMNS, failing feeds first."""
    known = _run("feeds_overview")
    health = _feed_health()
    rows = []
    by_feed = {r["feed"]: r for r in health.to_dict("records")} if not health.empty else {}
    for feed in sorted(set(known["feed"]) | set(by_feed)):
        base = known[known["feed"] == feed].to_dict("records")
        base = base[0] if base else {}
        h = by_feed.get(feed)
        if h is not None:
            status = h.get("health") or "new"
            error = h.get("disabled_reason") or h.get("last_error")
            row = dict(status=status, kind=h.get("kind"), owner=h.get("owner"),
                       items=h.get("items"), latest_item_at=h.get("latest_item_at"),
                       last_fetch_at=h.get("last_fetch_at"), next_check_at=h.get("next_check_at"),
                       error=error, error_count=h.get("error_count"),
                       url=h.get("fetch_url") or h.get("config_url"))
        else:
            ok = base.get("last_ok")
            status = "ingested" if ok is None or pd.isna(ok) else ("ok" if ok else "failing")
            row = dict(status=status, kind=base.get("kind"), owner=base.get("owner"),
                       items=base.get("items"), latest_item_at=base.get("latest_item_at"),
                       last_fetch_at=base.get("last_run_at") or base.get("last_fetched_at"),
                       next_check_at=None, error=None if ok else base.get("last_message"),
                       error_count=None, url=base.get("url"))
        rows.append(dict(feed=feed, **row))
    frame = pd.DataFrame(rows, columns=FEED_COLUMNS)
    frame["items"] = pd.to_numeric(frame["items"]).fillna(0).astype("int64")
    for column in ("latest_item_at", "last_fetch_at", "next_check_at"):
        frame[column] = pd.to_datetime(frame[column])
    rank = frame["status"].map(STATUS_ORDER).fillna(len(STATUS_ORDER))
    return frame.assign(_rank=rank).sort_values(["_rank", "feed"]).drop(columns="_rank").reset_index(drop=True)


def recent_runs(limit: int = 50) -> pd.DataFrame:
    """run_id, command, started_at, finished_at, status, items_seen, items_new, errors, seconds, failed."""
    return _run("recent_runs", limit=int(limit))


def schema_columns() -> pd.DataFrame:
    """kind (view | table), name, column_name, data_type, column_index."""
    return _run("schema_columns")


@st.cache_data(ttl=3600, max_entries=64, show_spinner=False)
def _sql(path: str, version: str, query: str, row_limit: int, time_limit_s: float) -> sandbox.SqlResult:
    return sandbox.run_sql(Path(path), query, row_limit=row_limit, time_limit_s=time_limit_s)


def run_sql(query: str, *, row_limit: int, time_limit_s: float) -> sandbox.SqlResult:
    """An analyst's query through the sandbox (read-only snapshot, no file or
    network access, locked settings, memory and time limits); raises
    sandbox.SandboxError with a one-line reason. Cached per snapshot."""
    return _sql(*_key(), query.strip(), int(row_limit), float(time_limit_s))


def feed_names() -> list[str]:
    """Every feed the warehouse knows, for the feed filters."""
    return [str(f) for f in _run("feeds_overview")["feed"]]
