"""Company profile: one company's stories over time, its statements about
rivals and theirs about it, the products and people it is named by, who
speaks for it, the feeds that cover it, and a timeline of its statements."""

import streamlit as st

from dashboard import charts, data, directions, filters, names, rollups

EVIDENCE = "views/evidence.py"
TIMELINE_LIMIT = 500

st.title("Company")

first_day, last_day = data.date_bounds()
known = data.company_names()
ranked = data.company_totals(None, None)["company"].tolist()
options = ranked + [c for c in data.company_options() if c not in ranked]
# Its own URL key (`/company?name=meta`): `company` is the other pages'
# multiselect, whose list a single choice cannot take.
company = filters.one("Company", options, key="name", names=known,
                      help="Companies ordered by the stories that name them.")
start, end = filters.date_range(first_day, last_day)
bucket = st.sidebar.radio(
    "Time buckets", data.BUCKETS, index=data.BUCKETS.index(data.auto_bucket(start, end)),
    key="bucket", bind="query-params", horizontal=True,
)
if company is None:
    st.info("No company is named in the warehouse yet.")
    st.stop()

name = names.label(known, company)
st.header(name)
totals = data.company_totals(start, end)
mine = totals[totals["company"] == company]
pairs = data.rivalry_matrix(start, end, [company])
said = pairs[pairs["speaker"] == company]
heard = pairs[pairs["target"] == company]
tiles = st.columns(4)
tiles[0].metric("Stories naming it", f"{int(mine['stories'].sum()):,}", border=True)
tiles[1].metric("Mentions", f"{int(mine['mentions'].sum()):,}", border=True)
tiles[2].metric("Its statements about rivals", f"{int(said['edges'].sum()):,}", border=True)
tiles[3].metric("Rivals' statements about it", f"{int(heard['edges'].sum()):,}", border=True)

volume = data.mention_volume(bucket, start, end, [company])
spikes = data.spikes(start, end, [company])
if not spikes.empty:
    spikes = spikes.assign(bucket=rollups.bucket_start(spikes["day"], bucket))
st.plotly_chart(charts.mention_volume_figure(volume, spikes, title=f"Stories naming {name}", names=known),
                key="company_volume")

out_col, in_col = st.columns(2)
with out_col:
    st.subheader("Edges out: about whom it speaks")
    directions.stance_side(said, by="target", title=f"{name} → …", key="out_mix",
                           empty=f"No statements by {name} in this selection.", names=known,
                           link_label=f"Read {name}'s statements", link_params={"speaker": company})
with in_col:
    st.subheader("Edges in: who speaks about it")
    directions.stance_side(heard, by="speaker", title=f"… → {name}", key="in_mix",
                           empty=f"No statements about {name} in this selection.", names=known,
                           link_label=f"Read the statements about {name}", link_params={"target": company})

st.subheader("Timeline of its statements")
statements = data.evidence(speakers=[company], start=start, end=end, limit=TIMELINE_LIMIT)
if statements.frame.empty:
    st.info(f"No statements by {name} in this selection.")
else:
    st.plotly_chart(charts.timeline_figure(statements.frame, title=f"What {name} said, and about whom",
                                           names=known), key="timeline")
    if statements.truncated:
        st.caption(f"The newest {len(statements.frame):,} of {statements.matching:,} statements.")

entities_col, people_col = st.columns(2)
with entities_col:
    st.subheader("Named as: products, people, names")
    entities = data.company_entities(company, start, end)
    st.dataframe(entities, hide_index=True, column_config={
        "entity": "Named as", "entity_type": "Kind", "stories": "Stories", "mentions": "Mentions",
        "last_seen": st.column_config.DatetimeColumn("Last seen", format="YYYY-MM-DD"),
    })
with people_col:
    st.subheader("Who speaks for it")
    people = data.company_people(company, start, end)
    people = names.shown(people, known, ["targets"])
    people = people.assign(speaker_name=people["speaker_name"].fillna("(no name: the company's own feed)"))
    st.dataframe(people, hide_index=True, column_config={
        "speaker_name": "Speaker", "statements": "Statements", "targets": "About",
        "main_stance": "Main stance",
        "mean_polarity": st.column_config.NumberColumn("Mean polarity", format="%.2f"),
        "found_via": "Found via",
        "last_seen": st.column_config.DatetimeColumn("Last seen", format="YYYY-MM-DD"),
    })

st.subheader("Feeds that cover it")
sources = names.shown(data.company_sources(company, start, end), known, ["owner"])
st.dataframe(sources, hide_index=True, column_config={
    "feed": "Feed", "kind": "Kind", "owner": "Owner", "items": "Items", "mentions": "Mentions",
    "first_seen": st.column_config.DatetimeColumn("First", format="YYYY-MM-DD"),
    "last_seen": st.column_config.DatetimeColumn("Latest", format="YYYY-MM-DD"),
})
