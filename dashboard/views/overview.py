"""Overview: how much each company is talked about, its share of voice, the
stance mix of who-says-what-about-whom, and the busiest rivalries."""

import streamlit as st

from dashboard import charts, data, filters

st.title("Overview")

first_day, last_day = data.date_bounds()
start, end = filters.date_range(first_day, last_day)
companies = filters.choose(
    "Companies", data.company_options(), key="company",
    help="Mentions of these companies; edges where one of them speaks or is spoken about.",
)
bucket = st.sidebar.radio(
    "Time buckets", data.BUCKETS, index=data.BUCKETS.index(data.auto_bucket(start, end)),
    key="bucket", bind="query-params", horizontal=True,
)

kpis = data.kpis(start, end, companies)
tiles = st.columns([1, 1, 1, 0.7, 2.3])
tiles[0].metric("Items", f"{kpis.items:,}", border=True)
tiles[1].metric("Mentions", f"{kpis.mentions:,}", border=True)
tiles[2].metric("Rivalry edges", f"{kpis.edges:,}", border=True)
tiles[3].metric("Feeds", f"{kpis.feeds:,}", border=True, help="All configured feeds.")
tiles[4].metric(
    "Last refresh",
    kpis.last_refresh.strftime("%b %d %H:%M UTC") if kpis.last_refresh else "never",
    border=True,
    help=(f"{kpis.last_refresh:%Y-%m-%d %H:%M} UTC; " if kpis.last_refresh else "")
    + f"status of the last run: {kpis.last_status or 'none yet'}.",
)

volume = data.mention_volume(bucket, start, end, companies)
if volume.empty:
    st.info("No dated mentions for these filters.")
else:
    left, right = st.columns(2)
    left.plotly_chart(charts.mention_volume_figure(volume), key="volume")
    right.plotly_chart(charts.share_of_voice_figure(volume), key="share")

st.subheader("Stance mix")
by_speaker = st.radio(
    "Stance mix", ["per speaker", "overall"], key="mix", horizontal=True,
    label_visibility="collapsed", bind="query-params",
) == "per speaker"
mix = data.stance_mix(start, end, companies)
if mix.empty:
    st.info("No rivalry edges for these filters.")
else:
    st.plotly_chart(charts.stance_mix_figure(mix, by_speaker=by_speaker), key="mix_chart")

st.subheader("Top speaker → target pairs")
pairs = data.top_pairs(start, end, companies)
st.dataframe(
    pairs, hide_index=True,
    column_config={
        "speaker": "Speaker", "target": "Target", "edges": "Edges",
        "main_stance": "Main stance",
        "mean_polarity": st.column_config.NumberColumn("Mean polarity", format="%.2f"),
        "last_seen": st.column_config.DatetimeColumn("Last seen", format="YYYY-MM-DD"),
    },
)
st.page_link("views/evidence.py", label="Read the sentences behind these edges", icon=":material/format_quote:")
