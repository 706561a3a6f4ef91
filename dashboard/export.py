"""Downloads from the dashboard: CSV and Parquet of what a table shows.

Feed text is written by strangers, so in CSV a cell that a spreadsheet would
run as a formula is prefixed with a quote. Lists (the feeds that carried a
story) become "; "-joined text in CSV and stay lists in Parquet.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _flat(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(v) for v in value)
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of `frame` with formula-like text cells neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(_flat).map(_defuse)
    return safe.to_csv(index=False).encode("utf-8")


def to_parquet(frame: pd.DataFrame) -> bytes:
    """Parquet of `frame` (types kept, lists as lists)."""
    buffer = io.BytesIO()
    frame.reset_index(drop=True).to_parquet(buffer, index=False)
    return buffer.getvalue()


def download_buttons(st, frame: pd.DataFrame, name: str, *, key: str) -> None:
    """A CSV and a Parquet download button side by side for `frame`."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("Download CSV", to_csv(frame), file_name=f"{name}.csv", mime="text/csv",
                         disabled=frame.empty, key=f"{key}_csv", icon=":material/download:")
    right.download_button("Download Parquet", to_parquet(frame), file_name=f"{name}.parquet",
                          mime="application/vnd.apache.parquet", disabled=frame.empty,
                          key=f"{key}_parquet", icon=":material/download:")
