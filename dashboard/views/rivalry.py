"""Rivalry: who talks about whom and how. The speaker x target matrix and a
directed network (click a cell or an arrow to read its evidence), the stance
mix of the busiest pairs, and one company side by side: how it talks about
its rivals, and what its rivals say about it, with the quotes."""

import streamlit as st

from dashboard import charts, data, directions, filters, rollups
from dashboard.names import label

EVIDENCE = "views/evidence.py"
COMPANY = "views/company.py"
QUOTES = 6

st.title("Rivalry")

first_day, last_day = data.date_bounds()
start, end = filters.date_range(first_day, last_day)
known = data.company_names()
companies = filters.choose("Companies", data.company_options(), key="company", names=known,
                           help="Pairs where one of these companies speaks or is spoken about.")
colour_by = st.sidebar.radio("Colour the matrix by", ["statements", "mean polarity"], key="colour",
                             bind="query-params", horizontal=True)
network_colour = st.sidebar.radio("Colour the network by", ["mean polarity", "main stance"],
                                  key="net", bind="query-params", horizontal=True)
least = st.sidebar.number_input("Pairs with at least this many statements", min_value=1, value=1,
                                step=1, key="min", bind="query-params")


def _range_params() -> dict:
    """The chosen dates as query parameters, unless they are the whole range."""
    if (start, end) == (first_day, last_day) or start is None or end is None:
        return {}
    return {"dates": [start.isoformat(), end.isoformat()]}


def _go_to_evidence(speaker: str, target: str) -> None:
    st.switch_page(EVIDENCE, query_params={"speaker": speaker, "target": target, **_range_params()})


def _picked(event) -> list:
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    return list(points[0].get("customdata") or []) if points else []


pairs = data.rivalry_matrix(start, end, companies)
shown = pairs[pairs["edges"] >= least]
if shown.empty:
    st.info("No rivalry statements for these filters: widen the dates, choose other companies or "
            "lower the minimum number of statements.")
    st.stop()

st.caption(f"{int(shown['edges'].sum()):,} statements in {len(shown):,} speaker → target pairs. "
           "A statement counts once per story, however many feeds carried it. "
           "Click a cell or an arrow to read the evidence.")
st.subheader("Speaker × target")
matrix = st.plotly_chart(
    charts.matrix_figure(shown, colour_by="polarity" if colour_by == "mean polarity" else "edges", title="",
                         names=known),
    key="matrix", on_select="rerun", selection_mode="points",
)
picked = _picked(matrix)
if len(picked) >= 2:
    _go_to_evidence(str(picked[0]), str(picked[1]))

st.subheader("Who talks about whom")
totals = data.company_totals(start, end)
network = st.plotly_chart(
    charts.network_figure(shown, totals, colour_by="stance" if network_colour == "main stance" else "polarity",
                          title="", names=known),
    key="network", on_select="rerun", selection_mode="points",
)
picked = _picked(network)
if len(picked) >= 2 and isinstance(picked[1], str):
    _go_to_evidence(str(picked[0]), str(picked[1]))
elif picked and isinstance(picked[0], str):
    st.switch_page(COMPANY, query_params={"name": str(picked[0])})
st.caption("Node size: stories naming the company. Arrow width: statements; the busiest "
           f"{min(len(shown), 60)} pairs are drawn. Click a node to open its company page.")

st.subheader("Stance mix per pair")
st.plotly_chart(charts.pair_stance_figure(shown, names=known), key="pair_mix")

st.subheader("Read a pair's evidence")
speakers = shown.groupby("speaker")["edges"].sum().sort_values(ascending=False, kind="stable").index.tolist()
left, middle, right = st.columns([1, 1, 2], vertical_alignment="bottom")
speaker = left.selectbox("Speaker", speakers, key="pair_speaker", format_func=lambda c: label(known, c))
targets = shown[shown["speaker"] == speaker].sort_values("edges", ascending=False)["target"].tolist()
target = middle.selectbox("Target", targets, key="pair_target", format_func=lambda c: label(known, c))
if speaker and target:
    count = int(shown[(shown["speaker"] == speaker) & (shown["target"] == target)]["edges"].sum())
    noun = "statement" if count == 1 else "statements"
    right.page_link(EVIDENCE, label=f"Read the {count:,} {noun} of {label(known, speaker)} about "
                                     f"{label(known, target)}",
                    icon=":material/format_quote:",
                    query_params={"speaker": speaker, "target": target, **_range_params()})

st.divider()
focus = filters.one("Company", rollups.busiest(shown), key="focus", sidebar=False, names=known,
                    help="Its statements about rivals, and its rivals' statements about it.")
if focus:
    name = label(known, focus)
    st.page_link(COMPANY, label=f"{name}'s company page", icon=":material/domain:", query_params={"name": focus})
    said, heard = st.columns(2)
    with said:
        st.subheader(f"How {name} talks about its rivals")
        directions.stance_side(
            shown[shown["speaker"] == focus], by="target", title=f"{name} → …", key="said_mix",
            empty=f"No statements by {name} in this selection.", link_label=f"All of {name}'s statements",
            link_params={"speaker": focus, **_range_params()}, names=known,
            evidence=lambda: data.evidence(speakers=[focus], start=start, end=end, limit=QUOTES).frame)
    with heard:
        st.subheader(f"What rivals say about {name}")
        directions.stance_side(
            shown[shown["target"] == focus], by="speaker", title=f"… → {name}", key="heard_mix",
            empty=f"No statements about {name} in this selection.", link_label=f"All statements about {name}",
            link_params={"target": focus, **_range_params()}, names=known,
            evidence=lambda: data.evidence(targets=[focus], start=start, end=end, limit=QUOTES).frame)
