"""The dashboard's entry point: `streamlit run dashboard/app.py` (or
`rivalwatch serve`).

The warehouse comes from RIVALWATCH_DB (default data/rivalwatch.duckdb); the
pages read its published read-only snapshot and show an empty state until
one exists with data, except the Feeds page (its "refresh now" is how the
first data arrives) and the SQL page.
"""

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the
# project root; an installed package needs nothing.
try:
    import dashboard  # noqa: F401
except ModuleNotFoundError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

from dashboard import data
from warehouse.db import WarehouseMissing, WarehouseUnreadable

st.set_page_config(page_title="rivalwatch", page_icon=":material/radar:", layout="wide")

FEEDS = st.Page("views/feeds.py", title="Feeds", icon=":material/rss_feed:", url_path="feeds")
SQL = st.Page("views/sql.py", title="SQL", icon=":material/terminal:", url_path="sql")
page = st.navigation([
    st.Page("views/overview.py", title="Overview", icon=":material/insights:", default=True),
    st.Page("views/rivalry.py", title="Rivalry", icon=":material/swords:", url_path="rivalry"),
    st.Page("views/company.py", title="Company", icon=":material/domain:", url_path="company"),
    st.Page("views/evidence.py", title="Evidence", icon=":material/format_quote:", url_path="evidence"),
    st.Page("views/trends.py", title="Trends & spikes", icon=":material/trending_up:", url_path="trends"),
    st.Page("views/filings.py", title="Filings", icon=":material/gavel:", url_path="filings"),
    FEEDS,
    SQL,
])
st.sidebar.caption(f"Warehouse: `{data.db_path()}`")


def _empty_state() -> None:
    st.info(data.EMPTY_STATE, icon=":material/inbox:")
    st.page_link(FEEDS, label="Feeds: configured feeds and “refresh now”", icon=":material/rss_feed:")


always_open = page.url_path in (FEEDS.url_path, SQL.url_path)
try:
    if always_open or (data.has_snapshot() and not data.is_empty()):
        page.run()
    else:
        _empty_state()
except WarehouseUnreadable as exc:
    # A damaged snapshot is not "no data": say so, and how it gets repaired.
    st.error(str(exc), icon=":material/error:")
except WarehouseMissing:
    # The snapshot vanished between the check and the query.
    _empty_state()
