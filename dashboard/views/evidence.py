"""Evidence: the sentences behind every number. Statements (who said what
about whom, in what stance) or any sentence naming a company, searchable by
text, company, speaker, stance, feed and date; the matched names are marked,
each result links to its source and lists every feed that carried the story;
CSV and Parquet downloads (companies by id and by name)."""

import streamlit as st

from dashboard import charts, data, export, filters, quotes
from dashboard.names import labels

PAGE_SIZE = 25
MODES = ["statements", "sentences"]

st.title("Evidence")

mode = st.sidebar.radio(
    "Search", MODES, key="mode", bind="query-params", horizontal=True,
    help="Statements: a company speaking about another, with its stance. "
         "Sentences: every sentence that names a company.",
)
companies, known = data.company_options(), data.company_names()
if mode == "statements":
    speakers = filters.choose("Speaker", companies, key="speaker", names=known)
    targets = filters.choose("Target", companies, key="target", names=known)
    stances = filters.choose("Stance", list(charts.STANCES), key="stance")
else:
    named = filters.choose("Companies named", companies, key="company", names=known)
feeds = filters.choose("Feed", data.feed_names(), key="feed")
start, end = filters.date_range(*data.date_bounds())
search = st.sidebar.text_input(
    "Search the text", key="q", bind="query-params",
    help=("Matches the evidence, the item title and the speaker's name." if mode == "statements"
          else "Matches the sentence."),
)
view = st.sidebar.radio("Show as", ["quotes", "table"], key="view", bind="query-params", horizontal=True)

if mode == "statements":
    result = data.evidence(speakers=speakers, targets=targets, stances=stances, feeds=feeds,
                           start=start, end=end, search=search)
    noun, render = "statements", quotes.statement_html
else:
    result = data.sentences(companies=named, feeds=feeds, start=start, end=end, search=search)
    noun, render = "sentences", quotes.sentence_html

if mode == "statements" and (speakers or targets):
    who = ", ".join(labels(known, speakers)) if speakers else "anyone"
    whom = ", ".join(labels(known, targets)) if targets else "anyone"
    st.subheader(f"{who} → {whom}" + (f" · {', '.join(stances)}" if stances else ""))

frame = result.frame
if frame.empty:
    st.info(f"No {noun} match these filters: clear the search or widen the dates.")
    st.stop()
if result.matching is None:
    st.caption(f"The newest {len(frame):,} {noun}" + (" (narrow the filters to reach older ones)."
                                                      if result.truncated else "."))
elif result.truncated:
    st.warning(f"Showing the newest {len(frame):,} of {result.matching:,} matching {noun} "
               f"(the limit is {result.limit:,}); narrow the filters to see the rest.")
else:
    st.caption(f"{result.matching:,} matching {noun}; copies of a story carried by several feeds are "
               "listed once, with every feed that carried it.")

if view == "quotes":
    pages = max(1, -(-len(frame) // PAGE_SIZE))
    number = 1
    if pages > 1:
        number = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=1, step=1,
                                 key="page", bind="query-params", width=160)
    shown = frame.iloc[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
    st.html(quotes.quotes_html(shown, render))
else:
    # Names on screen; the ids stay in the frame for the downloads.
    columns = (["published_at", "speaker_company_name", "target_company_name", "stance", "polarity", "evidence",
                "speaker_name", "speaker_via", "feed", "url", "sources", "copies"] if mode == "statements" else
               ["published_at", "company_names", "sentence", "aliases", "feed", "url", "sources", "copies"])
    st.dataframe(
        frame, hide_index=True, height=640, column_order=columns,
        column_config={
            "published_at": st.column_config.DatetimeColumn("Published (UTC)", format="YYYY-MM-DD HH:mm"),
            "speaker_company_name": "Speaker", "target_company_name": "Target", "stance": "Stance",
            "polarity": st.column_config.NumberColumn("Polarity", format="%.2f"),
            "evidence": st.column_config.TextColumn("Evidence", width="large"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
            "company_names": st.column_config.ListColumn("Companies"),
            "aliases": st.column_config.ListColumn("Named as"),
            "speaker_name": "Said by", "speaker_via": "Found via", "feed": "Feed",
            "url": st.column_config.LinkColumn("Source", display_text=r"https?://([^/?#]+)"),
            "sources": st.column_config.ListColumn("Carried by"),
            "copies": st.column_config.NumberColumn("Copies"),
        },
    )
export.download_buttons(st, frame, f"rivalwatch-{noun}", key="evidence")
