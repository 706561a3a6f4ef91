"""SQL workbench: ad-hoc read-only SQL over the published snapshot, with the
documented schema beside the editor and example queries. Queries go through
the same sandbox as `rivalwatch sql` (no file, network or extension access,
locked settings, a memory limit and a time limit)."""

import streamlit as st

from dashboard import data, export, workbench
from warehouse.sandbox import SandboxError

TIME_LIMITS = [5, 10, 30, 60]

st.title("SQL")

if not data.has_snapshot():
    st.info(data.EMPTY_STATE, icon=":material/inbox:")
    st.stop()


def _load_example() -> None:
    st.session_state["sql"] = workbench.EXAMPLES[st.session_state["example"]]


# The editor starts on an example unless the URL brings a query; set through
# session state (not `value=`) because the example picker writes it too.
if "sql" not in st.session_state and "sql" not in st.query_params:
    st.session_state["sql"] = workbench.EXAMPLES[workbench.DEFAULT_EXAMPLE]

editor, schema = st.columns([3, 2])
with editor:
    st.selectbox("Example queries", list(workbench.EXAMPLES), index=None, key="example",
                 placeholder="Start from an example…", on_change=_load_example)
    query = st.text_area("Query (read-only: SELECT, WITH, DESCRIBE, SHOW…)", height=220, key="sql",
                         bind="query-params", help="Ctrl+Enter runs it; the query is kept in the URL.")
    limits = st.columns([1, 1, 1], vertical_alignment="bottom")
    row_limit = limits[0].number_input("Row limit", min_value=1, max_value=100_000, value=1000, step=100,
                                       key="rows", bind="query-params")
    time_limit = limits[1].selectbox("Time limit (s)", TIME_LIMITS, index=1, key="timeout")
    limits[2].button("Run", type="primary", icon=":material/play_arrow:", key="run")
    st.caption("Read-only and sandboxed: the snapshot only, no files, network or extensions, "
               "settings locked, 1 GB of memory, and the time limit above.")

with schema:
    columns = data.schema_columns()

    def _describe(name: str, kind: str) -> None:
        cols = columns[columns["name"] == name]
        with st.expander(f"`{name}` — {workbench.DESCRIPTIONS.get(name, kind)}"):
            st.dataframe(cols[["column_name", "data_type"]], hide_index=True,
                         column_config={"column_name": "Column", "data_type": "Type"})

    st.markdown("**Documented views** (the contract: names and columns stay)")
    for name in dict.fromkeys(columns[columns["kind"] == "view"]["name"]):
        _describe(name, "view")
    with st.expander("Tables (what the views are built from)"):
        st.dataframe(columns[columns["kind"] == "table"][["name", "column_name", "data_type"]],
                     hide_index=True, height=300,
                     column_config={"name": "Table", "column_name": "Column", "data_type": "Type"})

with editor:
    if query.strip():
        try:
            result = data.run_sql(query, row_limit=int(row_limit), time_limit_s=float(time_limit))
        except SandboxError as exc:
            st.error(str(exc), icon=":material/block:")
        else:
            frame = result.frame
            if result.truncated:
                st.warning(f"Showing the first {len(frame):,} rows: the query returned more than the row limit.")
            else:
                st.caption(f"{len(frame):,} rows")
            st.dataframe(frame, hide_index=True, height=min(600, 36 * len(frame) + 40))
            export.download_buttons(st, frame, "rivalwatch-query", key="sql_result")
