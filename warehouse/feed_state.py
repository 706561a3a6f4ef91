"""Feed state for refreshes: conditional-GET validators, health, backoff.

All SQL about feed state lives here, with bind parameters only. The rules
that decide the next state (backoff, Retry-After, disabling) are the
refresh's (pipelines/refresh.py); this module only loads and stores rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime

import duckdb

from warehouse.db import utcnow


@dataclass
class FeedState:
    feed: str
    config_url: str
    fetch_url: str
    kind: str = "news"
    owner: str | None = None
    interval_s: float = 1800.0
    enabled: bool = True
    in_config: bool = True
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_status: int | None = None
    last_outcome: str | None = None
    last_fetch_at: datetime | None = None
    last_success_at: datetime | None = None
    next_check_at: datetime | None = None
    error_count: int = 0
    first_failure_at: datetime | None = None
    last_error: str | None = None
    disabled_at: datetime | None = None
    disabled_reason: str | None = None
    redirect_candidate: str | None = None
    redirect_count: int = 0
    last_new_items: int = 0
    updated_at: datetime | None = None
    previous_success_at: datetime | None = None  # the success before the last (docket gaps)


COLUMNS = [f.name for f in fields(FeedState)]
# SQL types of the columns that are not VARCHAR (save_states passes lists of them).
_TYPES = {c: "TIMESTAMP" for c in COLUMNS if c.endswith("_at")} | {
    "interval_s": "DOUBLE", "enabled": "BOOLEAN", "in_config": "BOOLEAN",
    "last_status": "INTEGER", "error_count": "INTEGER", "redirect_count": "INTEGER", "last_new_items": "INTEGER",
}


def load_states(con: duckdb.DuckDBPyConnection) -> dict[str, FeedState]:
    # Plain rows, not a DataFrame: a refresh reads the states before it
    # fetches, and pandas would cost it 0.3 s of start-up.
    rows = con.execute(f"SELECT {', '.join(COLUMNS)} FROM feed_state").fetchall()
    return {row[0]: FeedState(**dict(zip(COLUMNS, row, strict=True))) for row in rows}


def save_states(con: duckdb.DuckDBPyConnection, states: Sequence[FeedState]) -> None:
    """Upsert whole rows. Runs inside the caller's transaction, if any, so a
    feed's items and its new validators commit together."""
    if not states:
        return
    now = utcnow()
    updates = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c != "feed")
    if len(states) == 1:  # one feed's commit: a plain UPDATE is three times faster than an upsert
        row = asdict(replace(states[0], updated_at=now))
        sets = ", ".join(f"{c} = ${c}" for c in COLUMNS if c != "feed")
        if con.execute(f"UPDATE feed_state SET {sets} WHERE feed = $feed RETURNING feed", row).fetchall():
            return
        con.execute(f"INSERT INTO feed_state ({', '.join(COLUMNS)}) VALUES ({', '.join('$' + c for c in COLUMNS)})",
                    row)
        return
    # One list per column, unnested side by side (as warehouse.store loads batches).
    values = {c: [getattr(s, c) for s in states] for c in COLUMNS}
    values["updated_at"] = [now] * len(states)
    values["interval_s"] = [float(v) for v in values["interval_s"]]
    rows = ", ".join(f"unnest(${c}::{_TYPES.get(c, 'VARCHAR')}[]) AS {c}" for c in COLUMNS)
    con.execute(
        f"INSERT INTO feed_state ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)} FROM (SELECT {rows}) "
        f"ON CONFLICT (feed) DO UPDATE SET {updates}",
        values,
    )


def sync_config(
    con: duckdb.DuckDBPyConnection, feeds: Iterable, now: datetime | None = None,
) -> dict[str, FeedState]:
    """Bring feed_state in line with feeds.toml and return every row by name:
    new feeds get a row, a changed URL starts the feed afresh (validators,
    errors, disabling and redirects reset), kind/owner/interval/enabled are
    copied, feeds that left the file are marked ``in_config = false``. A
    changed kind or owner also forgets the body hash, so the next fetch is
    parsed and stored with the new settings."""
    states = load_states(con)
    changed: list[FeedState] = []
    names = set()
    for feed in feeds:
        names.add(feed.name)
        state = states.get(feed.name)
        if state is None or state.config_url != feed.url:
            fresh = FeedState(feed=feed.name, config_url=feed.url, fetch_url=feed.url, kind=feed.kind,
                              owner=feed.owner, interval_s=float(feed.interval_s), enabled=feed.enabled)
            states[feed.name] = fresh
            changed.append(fresh)
            continue
        wanted = dict(kind=feed.kind, owner=feed.owner, interval_s=float(feed.interval_s), enabled=feed.enabled,
                      in_config=True)
        if any(getattr(state, key) != value for key, value in wanted.items()):
            if (state.kind, state.owner) != (feed.kind, feed.owner):
                wanted.update(etag=None, last_modified=None, body_hash=None)
            state = replace(state, **wanted)
            states[feed.name] = state
            changed.append(state)
    for name, state in states.items():
        if name not in names and state.in_config:
            states[name] = replace(state, in_config=False)
            changed.append(states[name])
    save_states(con, changed)
    return states


def enable_feed(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Clear a feed's disabling and error history so the next refresh fetches it."""
    return bool(
        con.execute(
            """
            UPDATE feed_state SET disabled_at = NULL, disabled_reason = NULL, error_count = 0,
                   first_failure_at = NULL, next_check_at = NULL, updated_at = $now
            WHERE feed = $name
            RETURNING feed
            """,
            dict(name=name, now=utcnow()),
        ).fetchall()
    )


def unfinished_runs(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Runs still marked 'running'. Called while holding the warehouse's only
    writer connection, so their processes are gone: killed or crashed."""
    return [r[0] for r in con.execute("SELECT run_id FROM runs WHERE status = 'running' ORDER BY run_id").fetchall()]


def items_of_runs(con: duckdb.DuckDBPyConnection, run_ids: Sequence[int]) -> list[str]:
    """Items stored or changed by these runs (their analysis may be missing)."""
    if not run_ids:
        return []
    return [
        r[0] for r in con.execute(
            "SELECT item_id FROM feed_items WHERE list_contains($runs, run_id)", dict(runs=list(run_ids))
        ).fetchall()
    ]


def mark_runs_interrupted(con: duckdb.DuckDBPyConnection, run_ids: Sequence[int], completed_by: int) -> None:
    if not run_ids:
        return
    con.execute(
        "UPDATE runs SET status = 'interrupted', detail = coalesce(detail, $note) WHERE list_contains($runs, run_id)",
        dict(runs=list(run_ids), note=f'[{{"message": "interrupted; completed by run {completed_by}"}}]'),
    )
