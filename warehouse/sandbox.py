"""The SQL gateway shared by `rivalwatch sql` and the dashboard's SQL page.

`read_only=True` alone still lets a query read any file (`read_csv`), write
with `COPY`, `ATTACH` other databases or `INSTALL` extensions, so the
connection comes from ``db.open_reader``: external access off, extensions off,
configuration locked, a memory limit; here a time limit is added on top.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from warehouse import db

DEFAULT_TIME_LIMIT_S = 30.0
DEFAULT_ROW_LIMIT = 100_000


class SandboxError(RuntimeError):
    """A query the sandbox refused or could not run; the message is for a person."""


@dataclass
class SqlResult:
    frame: pd.DataFrame
    truncated: bool


def _explain(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, duckdb.PermissionException) or "disabled by configuration" in text:
        return (
            "refused: the SQL sandbox has no file, network or extension access "
            f"({text})"
        )
    if "configuration has been locked" in text:
        return f"refused: settings cannot be changed in the SQL sandbox ({text})"
    if "read-only mode" in text:
        return f"refused: the warehouse is read-only here ({text})"
    return text


def run_sql(
    db_path: Path,
    query: str,
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    row_limit: int = DEFAULT_ROW_LIMIT,
    memory_limit: str = "1GB",
) -> SqlResult:
    """Run an analyst's query on the snapshot; raise SandboxError with a
    one-line reason when it is refused, fails or runs past the time limit."""
    if not query or not query.strip():
        raise SandboxError("empty query: give a SELECT over the documented views")
    try:
        con = db.open_reader(db_path, memory_limit=memory_limit)
    except db.WarehouseMissing as exc:
        raise SandboxError(str(exc)) from None
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        con.interrupt()

    timer = threading.Timer(time_limit_s, stop)
    timer.start()
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            return SqlResult(pd.DataFrame(), False)
        frame = cursor.fetch_df_chunk(vectors_per_chunk=max(1, row_limit // 2048 + 1))
        truncated = len(frame) > row_limit or bool(cursor.fetchone() is not None)
        return SqlResult(frame.head(row_limit), truncated)
    except duckdb.Error as exc:
        if timed_out.is_set():
            raise SandboxError(
                f"query stopped: it ran past the {time_limit_s:g} s time limit"
            ) from None
        raise SandboxError(_explain(exc)) from None
    finally:
        timer.cancel()
        con.close()
