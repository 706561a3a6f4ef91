"""Named queries: one ``queries/<name>.sql`` file each, bind parameters only
(``$name``), so no caller ever formats SQL."""

from __future__ import annotations

from functools import cache
from importlib import resources

import duckdb
import pandas as pd


@cache
def load(name: str) -> str:
    path = resources.files("warehouse") / "queries" / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no named query {name!r} in warehouse/queries/")
    return path.read_text(encoding="utf-8")


def names() -> list[str]:
    folder = resources.files("warehouse") / "queries"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".sql"))


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run a named query with its parameters and return a DataFrame."""
    sql = load(name)
    return con.execute(sql, params or None).df()
