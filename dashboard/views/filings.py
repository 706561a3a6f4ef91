"""Filings: SEC filings and court docket entries per company on a timeline
(form-type filter), the companies each filer names as competitors in its
annual reports (with the sentences), the filing documents read, and each
court case as a timeline of its entries. Links go to the originals.
Companies show by name; a filer the catalog does not know shows as EDGAR
spells it, a case naming no known company by its case name."""

import streamlit as st

from dashboard import data, filings_charts, filings_data, filters, names

LINK = st.column_config.LinkColumn("Original", display_text="open")

st.title("Filings")

forms_stored = filings_data.form_types()
forms = filters.choose("Form types", forms_stored["form_type"].tolist(), key="forms",
                       help="SEC form types to show on the timeline (none chosen: all).")
with_dockets = st.sidebar.toggle("Docket entries", value=True, key="dockets",
                                 help="Court docket entries on the timeline, on each company named in the case.")
everything = filings_data.timeline(forms=forms, dockets=with_dockets)
known = data.company_names()
companies = filters.choose("Companies", sorted(everything["company"].unique().tolist(),
                                               key=lambda c: names.label(known, c).lower()),
                           key="company", names=known)
rows = everything[everything["company"].isin(companies)] if companies else everything

st.subheader("Filings and docket entries per company")
if rows.empty:
    st.info("No filings or docket entries for these filters: add `kind = \"edgar\"` or `kind = \"docket\"` "
            "feeds to feeds.toml, or `rivalwatch ingest --kind edgar FILE`.")
else:
    st.plotly_chart(filings_charts.filings_timeline_figure(rows, names=known), key="timeline")
    st.dataframe(names.shown(rows, known, ["company"]), hide_index=True, column_config={
        "kind": "Kind", "company": "Company", "label": "Form",
        "day": st.column_config.DatetimeColumn("Filed", format="YYYY-MM-DD"),
        "reference": "Accession / case", "title": st.column_config.TextColumn("Title", width="large"),
        "url": LINK, "feed": "Feed",
    })

st.subheader("Named as competitor in annual reports")
st.caption("Companies each filer names in the Competition and Risk Factors passages of its annual reports "
           f"({', '.join(filings_data.ANNUAL_FORMS)}); cells count the sentences. A plain list of competitors is "
           "neutral; threat and benchmark count wording that says so (\"intense competition\", \"could "
           "adversely affect\", \"match or exceed\").")
matrix = filings_data.competitor_matrix()
st.plotly_chart(filings_charts.competitor_heatmap_figure(matrix, names=known), key="competitors")
if not matrix.empty:
    left, right = st.columns(2)
    def _sorted(column: str) -> list[str]:
        return sorted(matrix[column].unique(), key=lambda c: names.label(known, c).lower())

    filer = left.selectbox("Filer", [None, *_sorted("filer")], key="filer",
                           format_func=lambda v: "All filers" if v is None else names.label(known, v))
    competitor = right.selectbox("Competitor", [None, *_sorted("competitor")], key="competitor",
                                 format_func=lambda v: "All competitors" if v is None else names.label(known, v))
    passages = filings_data.competitor_passages(filer=filer, competitor=competitor)
    passages = names.shown(passages.drop(columns=["passage"]), known, ["filer", "competitor"])
    st.dataframe(passages, hide_index=True, column_config={
        "filed_at": st.column_config.DatetimeColumn("Filed", format="YYYY-MM-DD"),
        "filer": "Filer", "competitor": "Competitor", "form_type": "Form", "accession": "Accession",
        "section": "Section", "stance": "Stance", "evidence": st.column_config.TextColumn("Sentence", width="large"),
        "url": LINK,
    })

with st.expander("Filing documents read"):
    st.caption("The primary document of each filing of the chosen forms, as text; a document over the size "
               "cap is truncated and says so here.")
    st.dataframe(names.shown(filings_data.documents(), known, ["filer"]), hide_index=True, column_config={
        "filed_at": st.column_config.DatetimeColumn("Filed", format="YYYY-MM-DD"),
        "fetched_at": st.column_config.DatetimeColumn("Read (UTC)", format="YYYY-MM-DD HH:mm"),
        "note": st.column_config.TextColumn("Note", width="large"), "url": LINK,
    })

st.subheader("Court dockets")
cases = filings_data.docket_cases()
if cases.empty:
    st.info("No docket entries yet: add a `kind = \"docket\"` feed (PACER CM/ECF RSS or CourtListener).")
else:
    labels = {f"{r['case_number']} {r['case_name'] or ''} ({r['court']})".strip(): r
              for r in cases.to_dict("records")}
    chosen = labels[filters.one("Case", list(labels), key="case", sidebar=False)]
    entries = filings_data.docket_entries(chosen["case_number"], chosen["court"])
    st.plotly_chart(filings_charts.docket_case_figure(entries, title=f"{chosen['case_number']} "
                                                      f"{chosen['case_name'] or ''}"), key="case_timeline")
    st.dataframe(entries, hide_index=True, column_config={
        "filed_at": st.column_config.DatetimeColumn("Filed (UTC)", format="YYYY-MM-DD HH:mm"),
        "entry_number": st.column_config.NumberColumn("Entry", format="%d"),
        "description": st.column_config.TextColumn("Docket text", width="large"),
        "case_name": None, "court": None, "url": LINK,
    })
