"""The rivalwatch Streamlit dashboard: `streamlit run dashboard/app.py` (or
`rivalwatch serve`). Pages are thin over `dashboard.data` (cached named
queries) and `dashboard.charts` (pure Plotly figures)."""
