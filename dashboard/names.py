"""Company names on screen, company ids underneath.

Pages show a company by its name ("OpenAI", "Hugging Face") and keep its id
("openai") for filters, URLs, links and downloads. The names come with the
company ids from the warehouse (companies_seen.sql: the catalog's name as
the analysis wrote it), read once per snapshot by `dashboard.data.company_names`;
a value with no name (a filer known only by its CIK or EDGAR's spelling, a
company the catalog no longer has) is shown as it is.

Everything here works on small frames (a page's table, a chart's series, a
thousand evidence rows) with a dict lookup per value; the large daily
frames keep their ids and are named only once rolled up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

Names = Mapping[str, str]


def from_rows(ids: Iterable, names: Iterable) -> dict[str, str]:
    """id -> display name, from the (company, name) rows of companies_seen;
    an id without a name keeps its id, and two companies that share a name
    are told apart by their ids ("Acme (acme-us)", "Acme (acme-uk)")."""
    pairs = [(str(i), str(n) if isinstance(n, str) and n.strip() else str(i)) for i, n in zip(ids, names,
                                                                                               strict=True)]
    taken = Counter(name for _, name in pairs)
    return {i: (f"{name} ({i})" if taken[name] > 1 else name) for i, name in pairs}


def label(names: Names | None, value) -> str:
    """The name of a company id; any other value as text."""
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    return (names or {}).get(text, text)


def labels(names: Names | None, values: Iterable) -> list[str]:
    return [label(names, v) for v in values]


def series(names: Names | None, values: pd.Series) -> pd.Series:
    """A column of ids as names; a column of lists of ids as lists of names."""
    if values.empty:
        return values.astype(object)
    if values.map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
        return values.map(lambda v: labels(names, v) if isinstance(v, (list, tuple, np.ndarray)) else v)
    lookup = dict(names or {})
    return values.map(lambda v: lookup.get(v, v) if isinstance(v, str) else v)


def shown(frame: pd.DataFrame, names: Names | None, columns: Iterable[str]) -> pd.DataFrame:
    """A copy of `frame` to show in a table: the id columns read as names."""
    present = [c for c in columns if c in frame.columns]
    return frame.assign(**{c: series(names, frame[c]) for c in present}) if present else frame


def with_names(frame: pd.DataFrame, names: Names | None, columns: Mapping[str, str]) -> pd.DataFrame:
    """`frame` with a name column right after each id column ({id column:
    name column}), for tables that are also downloaded: the ids stay for
    scripts, the names are for people."""
    present = {c: n for c, n in columns.items() if c in frame.columns}
    if not present:
        return frame
    added = frame.assign(**{n: series(names, frame[c]) for c, n in present.items()})
    order = [c for c in frame.columns if c not in present.values()]
    for column, name in present.items():
        order.insert(order.index(column) + 1, name)
    return added[order]


def id_for(names: Names | None, text: str) -> str | None:
    """The id a URL value means: an id, or a company's display name."""
    names = names or {}
    if text in names:
        return text
    return next((i for i, n in names.items() if n == text), None)
