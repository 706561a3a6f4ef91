"""Sidebar filter widgets shared by the pages. Each is bound to a URL query
parameter named by its key, so a filtered view can be bookmarked or shared;
the pages use the same keys for the same things (`dates`, `company`), so the
choice follows the user from page to page."""

from __future__ import annotations

from datetime import date

import streamlit as st


def date_range(
    first_day: date | None, last_day: date | None, *, key: str = "dates"
) -> tuple[date | None, date | None]:
    """A date-range picker over the warehouse's days; (None, None) when no
    item has a date. A half-picked range leaves its end open."""
    if first_day is None or last_day is None:
        return None, None
    picked = st.sidebar.date_input(
        "Published between", value=(first_day, last_day), min_value=first_day,
        max_value=last_day, key=key, bind="query-params",
    )
    if isinstance(picked, date):
        return picked, picked
    picked = tuple(picked or ())
    start = picked[0] if len(picked) > 0 else None
    end = picked[1] if len(picked) > 1 else None
    return start, end


def choose(label: str, options: list[str], *, key: str, help: str | None = None) -> list[str]:
    """A multiselect where choosing nothing means everything."""
    return st.sidebar.multiselect(
        label, options, key=key, bind="query-params", placeholder="All", help=help,
    )


def one(label: str, options: list[str], *, key: str, index: int = 0, help: str | None = None,
        sidebar: bool = True) -> str | None:
    """A single choice bound to the URL (None when there is nothing to choose)."""
    if not options:
        return None
    where = st.sidebar if sidebar else st
    return where.selectbox(label, options, index=min(index, len(options) - 1), key=key,
                           bind="query-params", help=help)
