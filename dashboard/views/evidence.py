"""Evidence: every rivalry edge with the text it was judged on and a link to
its source, filterable by speaker, target, stance, dates and text."""

import streamlit as st

from dashboard import charts, data, export, filters

st.title("Evidence")

companies = data.company_options()
speakers = filters.choose("Speaker", companies, key="speaker")
targets = filters.choose("Target", companies, key="target")
stances = filters.choose("Stance", list(charts.STANCES), key="stance")
start, end = filters.date_range(*data.date_bounds())
search = st.sidebar.text_input(
    "Search the text", key="q", bind="query-params",
    help="Matches the evidence, the sentence, the item title and the speaker's name.",
)

result = data.evidence(
    speakers=speakers, targets=targets, stances=stances, start=start, end=end, search=search,
)
if result.truncated:
    st.warning(
        f"Showing the newest {len(result.frame):,} of {result.matching:,} matching edges "
        f"(the limit is {result.limit:,}); narrow the filters to see the rest."
    )
else:
    st.caption(f"{result.matching:,} matching edges")

st.dataframe(
    result.frame, hide_index=True, height=640,
    column_order=[
        "published_at", "speaker", "target", "stance", "polarity", "evidence",
        "speaker_name", "speaker_via", "feed", "url",
    ],
    column_config={
        "published_at": st.column_config.DatetimeColumn("Published (UTC)",
                                                        format="YYYY-MM-DD HH:mm"),
        "speaker": "Speaker", "target": "Target", "stance": "Stance",
        "polarity": st.column_config.NumberColumn("Polarity", format="%.2f"),
        "evidence": st.column_config.TextColumn("Evidence", width="large"),
        "speaker_name": "Said by", "speaker_via": "Found via", "feed": "Feed",
        "url": st.column_config.LinkColumn("Source", display_text=r"https?://([^/?#]+)"),
    },
)
st.download_button(
    "Download CSV", export.to_csv(result.frame), file_name="rivalwatch-evidence.csv",
    mime="text/csv", disabled=result.frame.empty,
)
