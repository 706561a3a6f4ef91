"""Sidebar filter widgets shared by the pages. Each is bound to a URL query
parameter named by its key, so a filtered view can be bookmarked or shared;
the pages use the same keys for the same things (`dates`, `company`), so the
choice follows the user from page to page.

Company choosers show names and hold ids (`names`: id -> name, see
dashboard.names). Streamlit's own URL binding would write the shown name
into the URL, so these keep the URL themselves: ids in it
(`/evidence?speaker=meta`), as links, bookmarks and the README use, and a
name in a hand-written URL is understood too.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.names import Names, id_for, label

# Session-state prefix of what a company filter last wrote to the URL.
_WRITTEN = "_url_written:"


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


def choose(label_text: str, options: list[str], *, key: str, help: str | None = None,
           names: Names | None = None) -> list[str]:
    """A multiselect where choosing nothing means everything; with `names`,
    the options are company ids shown by name."""
    if names is None:
        return st.sidebar.multiselect(
            label_text, options, key=key, bind="query-params", placeholder="All", help=help,
        )
    _seed(key, options, names, many=True)
    chosen = st.sidebar.multiselect(label_text, options, key=key, placeholder="All", help=help,
                                    format_func=lambda c: label(names, c))
    _to_url(key, chosen)
    return chosen


def one(label_text: str, options: list[str], *, key: str, index: int = 0, help: str | None = None,
        sidebar: bool = True, names: Names | None = None) -> str | None:
    """A single choice bound to the URL (None when there is nothing to
    choose); with `names`, the options are company ids shown by name."""
    if not options:
        return None
    where = st.sidebar if sidebar else st
    index = min(index, len(options) - 1)
    if names is None:
        return where.selectbox(label_text, options, index=index, key=key, bind="query-params", help=help)
    _seed(key, options, names, many=False, default=options[index])
    chosen = where.selectbox(label_text, options, key=key, help=help, format_func=lambda c: label(names, c))
    _to_url(key, [chosen])
    return chosen


def _seed(key: str, options: list[str], names: Names, *, many: bool, default: str | None = None) -> None:
    """Before the widget is drawn: its value from the URL when the URL says
    something other than what this filter last wrote there (a link, a
    bookmark, another page), else the user's last choice; in either case
    only options that still exist (a filter or a new snapshot may have taken
    one away)."""
    in_url = st.query_params.get_all(key)
    if key in st.session_state and in_url == st.session_state.get(_WRITTEN + key):
        held = st.session_state[key]
        held = list(held or ()) if many else ([held] if held is not None else [])
    else:
        held = [id_for(names, v) or v for v in in_url]
    known = set(options)
    kept = [v for v in dict.fromkeys(held) if v in known]
    st.session_state[key] = kept if many else (kept[0] if kept else default)


def _to_url(key: str, ids: list[str]) -> None:
    if ids:
        if st.query_params.get_all(key) != ids:
            st.query_params[key] = ids
    elif key in st.query_params:
        del st.query_params[key]
    st.session_state[_WRITTEN + key] = list(ids)
