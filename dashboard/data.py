"""Cached wrappers over the warehouse's named queries, one per thing a page
shows. Results are cached per snapshot: the snapshot version is part of every
cache key, so a new published snapshot is read on the next rerun and an old
one is never shown after it. Nothing here connects at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from warehouse import db, queries

EMPTY_STATE = "No data yet: run `rivalwatch demo --no-serve` or `rivalwatch ingest FILE`"
BUCKETS = ("day", "week", "month")
EVIDENCE_LIMIT = 5000
TOP_PAIRS_LIMIT = 20


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


def _run(name: str, **params) -> pd.DataFrame:
    path = db_path()
    return _cached(str(path), db.snapshot_version(path), name, **params)


def _day(value) -> date | None:
    if value is None or pd.isna(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def _ids(values) -> list[str]:
    return sorted({str(v) for v in values or ()})


@dataclass(frozen=True)
class Kpis:
    items: int
    mentions: int
    edges: int
    feeds: int
    last_refresh: datetime | None
    last_status: str | None


def kpis(start: date | None, end: date | None, companies) -> Kpis:
    row = _run("overview_counts", start=start, end=end, companies=_ids(companies)).iloc[0]
    refreshed = row["last_refresh"]
    return Kpis(
        items=int(row["items"]), mentions=int(row["mentions"]), edges=int(row["edges"]),
        feeds=int(row["feeds"]),
        last_refresh=None if pd.isna(refreshed) else pd.Timestamp(refreshed).to_pydatetime(),
        last_status=None if pd.isna(row["last_status"]) else str(row["last_status"]),
    )


def company_options() -> list[str]:
    return [str(c) for c in _run("companies_seen")["company"]]


def date_bounds() -> tuple[date | None, date | None]:
    row = _run("date_bounds").iloc[0]
    return _day(row["first_day"]), _day(row["last_day"])


def auto_bucket(start: date | None, end: date | None) -> str:
    """Day buckets for a few weeks, weeks up to half a year, months beyond."""
    if start is None or end is None:
        return "week"
    days = (end - start).days
    return "day" if days <= 45 else ("week" if days <= 200 else "month")


def mention_volume(bucket: str, start: date | None, end: date | None, companies) -> pd.DataFrame:
    """bucket, company, mentions, share: zero-filled per bucket."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}, not {bucket!r}")
    return _run("mention_volume", bucket=bucket, start=start, end=end, companies=_ids(companies))


def stance_mix(start: date | None, end: date | None, companies) -> pd.DataFrame:
    """speaker, stance, edges, mean_polarity."""
    return _run("stance_mix", start=start, end=end, companies=_ids(companies))


def top_pairs(
    start: date | None, end: date | None, companies, limit: int = TOP_PAIRS_LIMIT
) -> pd.DataFrame:
    """speaker, target, edges, main_stance, mean_polarity, last_seen."""
    return _run("top_pairs", start=start, end=end, companies=_ids(companies), limit=int(limit))


def like_pattern(text: str | None) -> str | None:
    """A substring ILIKE pattern for what the user typed, with `%`, `_` and
    the escape character taken literally; None for an empty search."""
    text = (text or "").strip()
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Evidence:
    frame: pd.DataFrame
    matching: int
    limit: int

    @property
    def truncated(self) -> bool:
        return self.matching > len(self.frame)


def evidence(
    *, speakers=(), targets=(), stances=(), start: date | None = None,
    end: date | None = None, search: str | None = None, limit: int = EVIDENCE_LIMIT,
) -> Evidence:
    """Edges with their evidence, newest first; `url` is set only for http(s)."""
    frame = _run(
        "evidence_edges", speakers=_ids(speakers), targets=_ids(targets),
        stances=_ids(stances), start=start, end=end, pattern=like_pattern(search),
        limit=int(limit),
    )
    matching = int(frame["matching"].iloc[0]) if len(frame) else 0
    return Evidence(frame=frame.drop(columns=["matching"]), matching=matching, limit=int(limit))
