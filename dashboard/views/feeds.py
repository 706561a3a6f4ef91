"""Feeds: the health of every feed (status, last fetch, error, items, next
check), the latest runs, and "refresh now", which starts `rivalwatch
refresh` in the background and never blocks the page."""

import streamlit as st

from dashboard import data, filings_data, names, refresh
from warehouse.db import WarehouseMissing

STATE = "refresh_started"

st.title("Feeds")

with st.container(border=True):
    left, right = st.columns([1, 3], vertical_alignment="center")
    started = st.session_state.get(STATE)
    running = started is not None and started.process.poll() is None
    if left.button("Refresh now", icon=":material/refresh:", disabled=running, type="primary", key="refresh"):
        started = refresh.start(data.db_path())
        st.session_state[STATE] = started
        refresh.wait_briefly(started)
        st.rerun()  # draw the page again knowing the refresh runs (button off, status polled)
    right.caption("Fetches the feeds that are due (`rivalwatch refresh`) in a separate process; the pages "
                  "keep working meanwhile and show the new data once it has finished. Schedule it with "
                  "cron or `rivalwatch schedule` for regular updates.")

    @st.fragment(run_every=3 if running else None)
    def _status() -> None:
        current = st.session_state.get(STATE)
        if current is None:
            return
        told = refresh.report(current)
        shown = {"running": st.info, "done": st.success, "unavailable": st.info,
                 "busy": st.info}.get(told.state, st.warning)
        shown(told.message, icon=":material/sync:" if told.state == "running" else None)
        output = refresh.output(current)
        if output:
            with st.expander(f"Output (full log: {current.log})"):
                st.code(output, language=None)
        if told.state != "running" and running:
            st.rerun()  # the button comes back, and the tables below show the new snapshot

    _status()

if not data.has_snapshot():
    st.info(data.EMPTY_STATE, icon=":material/inbox:")
    st.stop()

try:
    table = names.shown(data.feeds(), data.company_names(), ["owner"])
    runs = data.recent_runs()
except WarehouseMissing:
    st.info(data.EMPTY_STATE, icon=":material/inbox:")
    st.stop()

# Docket feeds only look back about a day: a long gap between fetches may have lost entries.
gaps = filings_data.docket_gaps()
for gap in gaps.itertuples():
    st.warning(f"{gap.feed}: {gap.warning}", icon=":material/gavel:")

if table.empty:
    st.info("No feeds yet: add them to feeds.toml (`rivalwatch feeds import FILE.opml` reads an OPML "
            "list) and press Refresh now, or run `rivalwatch ingest FILE_OR_URL`.")
else:
    counts = table["status"].value_counts()
    st.caption(" · ".join(f"{count} {status}" for status, count in counts.items())
               + ". ok: the last fetch worked; failing: the last fetches failed (retried with backoff); "
                 "disabled: stopped after 410 Gone or 30 days of failure; ingested: read with "
                 "`rivalwatch ingest`, not refreshed.")
    st.dataframe(table, hide_index=True, column_config={
        "feed": "Feed", "status": "Status", "kind": "Kind", "owner": "Owner", "items": "Items",
        "latest_item_at": st.column_config.DatetimeColumn("Latest item", format="YYYY-MM-DD HH:mm"),
        "last_fetch_at": st.column_config.DatetimeColumn("Last fetch (UTC)", format="YYYY-MM-DD HH:mm"),
        "next_check_at": st.column_config.DatetimeColumn("Next check (UTC)", format="YYYY-MM-DD HH:mm"),
        "error": st.column_config.TextColumn("Last error", width="large"),
        "error_count": st.column_config.NumberColumn("Errors in a row", format="%d"),
        "url": st.column_config.TextColumn("URL or file"),
    })

st.subheader("Recent runs")
if runs.empty:
    st.info("No run recorded yet.")
else:
    st.dataframe(runs, hide_index=True, column_config={
        "run_id": "Run", "command": "Command",
        "started_at": st.column_config.DatetimeColumn("Started (UTC)", format="YYYY-MM-DD HH:mm:ss"),
        "finished_at": st.column_config.DatetimeColumn("Finished (UTC)", format="YYYY-MM-DD HH:mm:ss"),
        "status": "Status", "items_seen": "Items seen", "items_new": "New", "errors": "Errors",
        "seconds": st.column_config.NumberColumn("Seconds", format="%.1f"),
        "failed": st.column_config.ListColumn("Failed sources"),
    })
