"""The dashboard's entry point: `streamlit run dashboard/app.py`.

The warehouse comes from RIVALWATCH_DB (default data/rivalwatch.duckdb); the
pages read its published read-only snapshot and show an empty state until
one exists.
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
from warehouse.db import WarehouseMissing

st.set_page_config(page_title="rivalwatch", layout="wide")

page = st.navigation([
    st.Page("views/overview.py", title="Overview", icon=":material/insights:", default=True),
    st.Page("views/evidence.py", title="Evidence", icon=":material/format_quote:"),
])
st.sidebar.caption(f"Warehouse: `{data.db_path()}`")

if not data.has_snapshot():
    st.info(data.EMPTY_STATE)
else:
    try:
        page.run()
    except WarehouseMissing:
        # The snapshot vanished between the check and the query.
        st.info(data.EMPTY_STATE)
