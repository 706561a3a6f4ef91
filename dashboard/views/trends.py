"""Trends and spikes: which companies and rivalries are gaining or losing
attention (recent days against the days before), and the days a company's
coverage spiked, by a documented rule, with the stories that caused them."""

import streamlit as st

from dashboard import charts, data, filters, names, rollups

EVIDENCE = "views/evidence.py"

st.title("Trends & spikes")

first_day, last_day = data.date_bounds()
start, end = filters.date_range(first_day, last_day)
known = data.company_names()
companies = filters.choose("Companies", data.company_options(), key="company", names=known,
                           help="Momentum and spikes of these companies (pairs where one of them speaks "
                                "or is spoken about).")
window = st.sidebar.radio("Momentum window", list(rollups.MOMENTUM_WINDOWS), key="window",
                          bind="query-params")
recent_days, baseline_days = rollups.MOMENTUM_WINDOWS[window]

st.subheader("Momentum")
st.caption(f"Up to {end or last_day}: the last {recent_days} days against the {baseline_days} days before, "
           "as daily rates. Lift is the recent count minus what the earlier rate predicts; change is the "
           "relative change of the rate (new: nothing before).")
by_company = data.company_momentum(end, window)
by_pair = data.pair_momentum(end, window)
if companies:
    by_company = by_company[by_company["company"].isin(companies)]
    by_pair = by_pair[by_pair["speaker"].isin(companies) | by_pair["target"].isin(companies)]
momentum_columns = {
    "recent": st.column_config.NumberColumn("Recent", format="%d"),
    "baseline": st.column_config.NumberColumn("Before", format="%d"),
    "recent_per_day": st.column_config.NumberColumn("Recent / day", format="%.2f"),
    "baseline_per_day": st.column_config.NumberColumn("Before / day", format="%.2f"),
    "change": st.column_config.NumberColumn("Change", format="percent"),
    "lift": st.column_config.NumberColumn("Lift", format="%+.1f"),
}
left, right = st.columns(2)
with left:
    st.plotly_chart(charts.momentum_figure(by_company, "company", title="Companies (stories)", names=known),
                    key="company_momentum")
    st.dataframe(names.shown(by_company, known, ["company"]), hide_index=True, height=260,
                 column_config={"company": "Company", **momentum_columns})
with right:
    st.plotly_chart(charts.momentum_figure(by_pair, "pair", title="Pairs (statements)"), key="pair_momentum")
    st.dataframe(by_pair, hide_index=True, height=260,
                 column_order=["pair", *momentum_columns], column_config={"pair": "Pair", **momentum_columns})

st.subheader("Spikes")
st.caption(
    f"The rule: a day is a spike for a company when its stories exceed the mean of the previous "
    f"{rollups.SPIKE_WINDOW} days by more than {rollups.SPIKE_SIGMAS:g} standard deviations and number at "
    f"least {rollups.SPIKE_MIN_STORIES} (quiet days count as zero), as Huginn's peak detector and "
    "Meltwater's spike alerts do. Copies of a story count once."
)
spikes = data.spikes(start, end, companies)
with_spikes = list(dict.fromkeys(spikes["company"])) if not spikes.empty else []
ranked = data.company_totals(start, end)["company"].tolist()
choices = with_spikes + [c for c in ranked if c not in with_spikes and (not companies or c in companies)]
company = filters.one("Company", choices, key="spiking", sidebar=False, names=known,
                      help="Companies with spikes in the selection come first.")
if company is None:
    st.info("No company is named in this selection.")
    st.stop()

name = names.label(known, company)
mine = spikes[spikes["company"] == company] if not spikes.empty else spikes
chart = st.plotly_chart(charts.spike_figure(data.spike_series(company, start, end), mine, company, names=known),
                        key="spike_chart", on_select="rerun", selection_mode="points")
days = [str(d) for d in mine["day"]] if not mine.empty else []
points = chart.selection.points if chart else []
clicked = str(points[0].get("customdata")) if points and points[0].get("customdata") else None
# A click on a spike picks its day once; the picker below stays the user's afterwards.
if clicked in days and st.session_state.get("_spike_clicked") != clicked:
    st.session_state["_spike_clicked"] = clicked
    st.session_state["day"] = clicked

if not days:
    st.info(f"No spike for {name} in this selection: its coverage stayed within "
            f"{rollups.SPIKE_SIGMAS:g} standard deviations of its recent mean.")
else:
    shown = names.shown(mine, known, ["company"])
    st.dataframe(shown, hide_index=True, height=min(280, 36 * len(mine) + 40), column_config={
        "day": st.column_config.DateColumn("Day"), "company": "Company", "stories": "Stories",
        "baseline": st.column_config.NumberColumn("Mean before", format="%.2f"),
        "std": st.column_config.NumberColumn("Std dev", format="%.2f"),
        "threshold": st.column_config.NumberColumn("Threshold", format="%.2f"),
        "excess": st.column_config.NumberColumn("Std devs above", format="%.1f"),
    })
    day = st.selectbox("Stories behind the spike of", days, key="day", bind="query-params")
    stories = data.spike_items(company, day)
    st.markdown(f"**{len(stories):,} stories named {name} on {day}** (first copies that day), "
                "with every feed that carried them:")
    st.dataframe(stories, hide_index=True, column_order=[
        "published_at", "title", "sentence", "mentions", "copies", "sources", "url", "source_urls"],
        column_config={
            "published_at": st.column_config.DatetimeColumn("Published (UTC)", format="YYYY-MM-DD HH:mm"),
            "title": st.column_config.TextColumn("Title", width="medium"),
            "sentence": st.column_config.TextColumn("First sentence naming it", width="large"),
            "mentions": "Mentions", "copies": "Copies",
            "sources": st.column_config.ListColumn("Carried by"),
            "url": st.column_config.LinkColumn("Source", display_text=r"https?://([^/?#]+)"),
            "source_urls": st.column_config.ListColumn("Every copy"),
        })
    st.page_link(EVIDENCE, label=f"Every sentence naming {name} on {day}", icon=":material/format_quote:",
                 query_params={"mode": "sentences", "company": company, "dates": [day, day]})
