"""Named queries: one ``queries/<name>.sql`` file each, bind parameters only
(``$name``), so no caller ever formats SQL.

A query may take in a shared part, ``queries/_<part>.sql``, with a line
``-- include: <part>``: the part's text replaces the line. Parts are fixed SQL
(CTEs several queries need), never values, and are not named queries."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    import pandas as pd

_INCLUDE = re.compile(r"^[ \t]*-- include: ([a-z0-9_]+)[ \t]*$", re.M)


def _folder():
    return resources.files("warehouse") / "queries"


@cache
def load(name: str) -> str:
    path = _folder() / f"{name}.sql"
    if name.startswith("_") or not path.is_file():
        raise KeyError(f"no named query {name!r} in warehouse/queries/")
    return _INCLUDE.sub(lambda m: _part(m.group(1)), path.read_text(encoding="utf-8"))


def _part(name: str) -> str:
    path = _folder() / f"_{name}.sql"
    if not path.is_file():
        raise KeyError(f"no shared part {name!r} (_{name}.sql) in warehouse/queries/")
    return path.read_text(encoding="utf-8").rstrip("\n")


def names() -> list[str]:
    return sorted(p.name[:-4] for p in _folder().iterdir() if p.name.endswith(".sql") and not p.name.startswith("_"))


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run a named query with its parameters and return a DataFrame."""
    sql = load(name)
    return con.execute(sql, params or None).df()
