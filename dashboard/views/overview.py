"""Overview: the warehouse at a glance (KPIs, feed health, last refresh), how
many stories name each company over time, its share of voice, spikes, the
stance mix of who-says-what-about-whom, and the busiest rivalries."""

import streamlit as st

from dashboard import charts, data, filters, names, rollups

st.title("Overview")

first_day, last_day = data.date_bounds()
start, end = filters.date_range(first_day, last_day)
known = data.company_names()
companies = filters.choose(
    "Companies", data.company_options(), key="company", names=known,
    help="Stories naming these companies; statements where one of them speaks or is spoken about.",
)
bucket = st.sidebar.radio(
    "Time buckets", data.BUCKETS, index=data.BUCKETS.index(data.auto_bucket(start, end)),
    key="bucket", bind="query-params", horizontal=True,
)

kpis = data.kpis(start, end, companies)
tiles = st.columns(5)
tiles[0].metric("Stories", f"{kpis.stories:,}", border=True,
                delta=f"{kpis.items:,} items", delta_arrow="off", delta_color="off",
                chart_data=data.story_trend(start, end), chart_type="bar",
                help="Copies of one story carried by several feeds count once; items count every copy. "
                     "The bars: stories per week.")
tiles[1].metric("Mentions", f"{kpis.mentions:,}", border=True, help="Company names found in sentences.")
tiles[2].metric("Rivalry edges", f"{kpis.edges:,}", border=True,
                help="Statements of one company about another, each counted once per story.")
tiles[3].metric(
    "Feeds healthy", f"{kpis.feeds_ok:,} / {kpis.feeds:,}", border=True,
    delta=f"{kpis.feeds_failing:,} failing", delta_arrow="off",
    delta_color="inverse" if kpis.feeds_failing else "off",
    help="From the last refresh of each feed (see the Feeds page).",
)
tiles[4].metric(
    "Since last refresh", data.ago(kpis.last_refresh), border=True,
    delta=kpis.last_status or "no run yet", delta_arrow="off",
    delta_color="off" if kpis.last_status in (None, "ok") else "inverse",
    help=(f"Last run finished {kpis.last_refresh:%Y-%m-%d %H:%M} UTC; " if kpis.last_refresh else "")
    + "the tag is its status.",
)
if kpis.feeds_failing:
    st.page_link("views/feeds.py", label=f"{kpis.feeds_failing} failing feeds: see why on the Feeds page",
                 icon=":material/warning:")

volume = data.mention_volume(bucket, start, end, companies)
if volume.empty:
    st.info("No dated mentions for these filters: widen the dates or choose other companies.")
else:
    spikes = data.spikes(start, end, companies)
    if not spikes.empty:
        spikes = spikes.assign(bucket=rollups.bucket_start(spikes["day"], bucket))
    left, right = st.columns(2)
    left.plotly_chart(charts.mention_volume_figure(volume, spikes, names=known), key="volume")
    with right:
        share = st.empty()  # the chart above its switch, level with the volume chart
        of = st.radio("Share of voice as a share of", ["all stories", "these companies' stories"],
                      key="sov", bind="query-params", horizontal=True)
        share.plotly_chart(charts.share_of_voice_figure(volume, of="all" if of == "all stories" else "named",
                                                        names=known), key="share")
    st.caption(
        "Stories, not copies: a story carried by several feeds counts once, on the day of its first "
        "copy. Share of voice is a company's stories over all stories in the bucket (as Media Cloud "
        "normalises), so a story naming two companies counts for both and the stack can pass 100%; "
        "switch to these companies' stories for the classic 100% split. ★ marks a spike "
        f"(a day above the previous {rollups.SPIKE_WINDOW} days' mean + "
        f"{rollups.SPIKE_SIGMAS:g} standard deviations, at least {rollups.SPIKE_MIN_STORIES} stories)."
    )
    st.page_link("views/trends.py", label="Spikes and momentum, with the stories behind them",
                 icon=":material/trending_up:")

st.subheader("Stance mix")
by_speaker = st.radio(
    "Stance mix", ["per speaker", "overall"], key="mix", horizontal=True,
    label_visibility="collapsed", bind="query-params",
) == "per speaker"
mix = data.stance_mix(start, end, companies)
if mix.empty:
    st.info("No rivalry statements for these filters.")
else:
    st.plotly_chart(charts.stance_mix_figure(mix, by_speaker=by_speaker, names=known), key="mix_chart")

st.subheader("Top speaker → target pairs")
pairs = data.top_pairs(start, end, companies)
st.dataframe(
    names.shown(pairs, known, ["speaker", "target"]), hide_index=True,
    column_config={
        "speaker": "Speaker", "target": "Target", "edges": "Statements",
        "main_stance": "Main stance",
        "mean_polarity": st.column_config.NumberColumn("Mean polarity", format="%.2f"),
        "last_seen": st.column_config.DatetimeColumn("Last seen", format="YYYY-MM-DD"),
    },
)
st.page_link("views/rivalry.py", label="The rivalry matrix and network", icon=":material/swords:")
st.page_link("views/evidence.py", label="Read the sentences behind these edges", icon=":material/format_quote:")
