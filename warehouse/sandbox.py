"""The SQL gateway shared by `rivalwatch sql` and the dashboard's SQL page.

`read_only=True` alone still lets a query read any file (`read_csv`), write
with `COPY`, `ATTACH` other databases or `INSTALL` extensions, so the
defences are layered (tests/hostile/test_sql_escapes.py tries each):

- Only reading statements are accepted (SELECT, WITH, FROM, DESCRIBE, SHOW,
  SUMMARIZE, EXPLAIN, PRAGMA, CALL); anything else is refused by its kind
  before DuckDB sees it.
- The connection comes from ``db.open_reader``: external access off,
  extensions off, configuration locked, a memory limit, no temp files.
- The query runs in a child process (``warehouse.fenced``) with an
  address-space limit, and is abandoned and killed at the time limit. DuckDB's ``memory_limit`` governs its buffers,
  not every allocation (twenty 100 MB strings reached 6.9 GB of memory when
  measured), and ``interrupt()`` is not heard while a result is built.
- At most ``row_limit`` rows and ``MAX_RESULT_BYTES`` come back, so the
  dashboard's server never holds an analyst's runaway result.
"""

from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from warehouse import db, fenced

DEFAULT_TIME_LIMIT_S = 30.0
DEFAULT_ROW_LIMIT = 100_000
MAX_RESULT_BYTES = 64 * 1024 * 1024
# Room in the child's address space beyond DuckDB's memory_limit: the result,
# pandas, and the virtual memory DuckDB reserves up front (~1 GB, measured).
ADDRESS_SPACE_HEADROOM = 1024 * 1024 * 1024

_READING = {
    duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.PRAGMA,
    duckdb.StatementType.CALL, duckdb.StatementType.MULTI,
}
_OUTSIDE = {
    duckdb.StatementType.COPY, duckdb.StatementType.EXPORT, duckdb.StatementType.ATTACH,
    duckdb.StatementType.DETACH, duckdb.StatementType.LOAD,
}


class SandboxError(RuntimeError):
    """A query the sandbox refused or could not run; the message is for a person."""


@dataclass
class SqlResult:
    frame: pd.DataFrame
    truncated: bool


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _memory_message(memory_limit: str) -> str:
    return (f"refused: the query needs more than the SQL sandbox's {memory_limit} of memory "
            "(nothing spills to disk here): bound it by date (WHERE published_at >= ...), filter, aggregate "
            "or add a LIMIT")


def _explain(exc: Exception, memory_limit: str) -> str:
    text = _first_line(exc)
    if isinstance(exc, duckdb.OutOfMemoryException) or text.startswith("Out of Memory Error"):
        return f"{_memory_message(memory_limit)} ({text})"
    if isinstance(exc, duckdb.PermissionException) or "disabled by configuration" in text:
        return f"refused: the SQL sandbox has no file, network or extension access ({text})"
    if "configuration has been locked" in text:
        return f"refused: settings cannot be changed in the SQL sandbox ({text})"
    if "read-only mode" in text:
        return f"refused: the warehouse is read-only here ({text})"
    return text


def check_statements(query: str) -> None:
    """Refuse anything but reading statements, by kind, with a reason."""
    try:
        statements = duckdb.extract_statements(query)
        kinds = [statement.type for statement in statements]
    except duckdb.Error as exc:
        raise SandboxError(_first_line(exc)) from None
    except ValueError:  # a statement kind this DuckDB cannot even name
        raise SandboxError("refused: only reading statements (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN) "
                           "run in the SQL sandbox") from None
    if not statements:
        raise SandboxError("empty query: give a SELECT over the documented views")
    for statement, kind in zip(statements, kinds, strict=True):
        if kind in _READING:
            continue
        word = statement.query.strip().split(None, 1)[0].upper() if statement.query.strip() else kind.name
        if kind in _OUTSIDE:
            raise SandboxError(f"refused: the SQL sandbox has no file, network or extension access "
                               f"({word} statements cannot run here)")
        if kind == duckdb.StatementType.SET:
            raise SandboxError(f"refused: settings cannot be changed in the SQL sandbox ({word})")
        raise SandboxError(f"refused: the warehouse is read-only here ({word} statements cannot run "
                           "in the SQL sandbox; use SELECT)")


def _execute(db_path: Path, query: str, row_limit: int, memory_limit: str) -> SqlResult:
    try:
        con = db.open_reader(db_path, memory_limit=memory_limit)
    except db.WarehouseMissing as exc:
        raise SandboxError(str(exc)) from None
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            return SqlResult(pd.DataFrame(), False)
        frame = cursor.fetch_df_chunk(vectors_per_chunk=max(1, row_limit // 2048 + 1))
        truncated = len(frame) > row_limit or bool(cursor.fetchone() is not None)
        return SqlResult(frame.head(row_limit), truncated)
    except duckdb.Error as exc:
        raise SandboxError(_explain(exc, memory_limit)) from None
    finally:
        con.close()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B?|B)?\s*$", re.I)


def _bytes(memory_limit: str) -> int:
    """'1GB', '512MiB', ... as bytes (DuckDB's spelling: GB = 1000^3, GiB = 1024^3)."""
    found = _SIZE.match(memory_limit)
    if not found:
        return 4 * 1024**3
    unit = (found.group(2) or "").upper()
    if unit in ("", "B"):
        return int(float(found.group(1)))
    base = 1024 if "I" in unit else 1000
    return int(float(found.group(1)) * base ** ("KMGT".index(unit[0]) + 1))


def _fenced_query(db_path: Path, query: str, row_limit: int, memory_limit: str) -> tuple:
    """In the child: run the query, and return the pickled result only when it
    is small enough to hand over."""
    # DuckDB draws a progress bar on stdout for long queries (a connection
    # setting the locked configuration cannot turn off): not on the analyst's
    # terminal, not in the dashboard's log.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        result = _execute(db_path, query, row_limit, memory_limit)
    except SandboxError as exc:
        return "error", str(exc)
    payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    if len(payload) > MAX_RESULT_BYTES:
        size, cap = len(payload) // (1024 * 1024), MAX_RESULT_BYTES // (1024 * 1024)
        return "error", (f"refused: the result is {size:,} MiB, more than the {cap} MiB the SQL sandbox "
                         "returns: select fewer rows or columns")
    return "ok", payload


# Peak resident memory (KiB) of this process's query children, for tests/hostile.
child_peak_kb = 0


def run_sql(
    db_path: Path,
    query: str,
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    row_limit: int = DEFAULT_ROW_LIMIT,
    memory_limit: str = "1GB",
) -> SqlResult:
    """Run an analyst's query on the snapshot; raise SandboxError with a
    one-line reason when it is refused, fails, runs past the time limit or
    needs more than the memory limit."""
    global child_peak_kb
    if not query or not query.strip():
        raise SandboxError("empty query: give a SELECT over the documented views")
    check_statements(query)
    row_limit = max(1, int(row_limit))
    status, value, peak_kb = fenced.call(
        "warehouse.sandbox", "_fenced_query", (Path(db_path), query, row_limit, memory_limit),
        wall_s=float(time_limit_s), memory=_bytes(memory_limit) + ADDRESS_SPACE_HEADROOM,
    )
    child_peak_kb = max(child_peak_kb, peak_kb)
    if status == "ok":
        outcome, detail = value
        if outcome == "error":
            raise SandboxError(detail)
        return pickle.loads(detail)
    if status == "wall":
        raise SandboxError(f"query stopped: it ran past the {time_limit_s:g} s time limit")
    if status == "memory":
        raise SandboxError(_memory_message(memory_limit))
    if status == "error":
        raise SandboxError(f"the query could not run ({value})")
    raise SandboxError(f"{_memory_message(memory_limit)} (its process was stopped)")
