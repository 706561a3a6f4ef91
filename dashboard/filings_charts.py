"""Plotly figures of the Filings page: pure functions from a named query's
DataFrame to a figure (tested on literal frames, no Streamlit). Colours and
hover escaping follow dashboard.charts: a company keeps its colour and is
shown by name (`names`), feed text is escaped before it reaches a hover
label."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import COUNT_SCALE, LEGEND_BELOW, _empty, _safe, company_colour
from dashboard.names import Names
from dashboard.names import labels as _names

# One marker per kind of record, so forms read apart on the timeline.
FORM_SYMBOLS = {"10-K": "square", "10-Q": "diamond", "8-K": "circle", "S-1": "star", "DEF 14A": "triangle-up",
                "docket entry": "x"}
OTHER_SYMBOL = "circle-open"


def _order(frame: pd.DataFrame, key: str, value: str | None = None) -> list[str]:
    """Keys by volume (rows, or the sum of `value`), largest first."""
    totals = frame.groupby(key).size() if value is None else frame.groupby(key)[value].sum()
    return sorted(totals.index, key=lambda k: (-totals[k], str(k)))


def filings_timeline_figure(frame: pd.DataFrame, *, title: str = "Filings and docket entries",
                            names: Names | None = None) -> go.Figure:
    """One row per company, one marker per filing (shape by form type) or
    docket entry, coloured by company; `frame` is filings_timeline.sql."""
    if frame.empty:
        return _empty(title)
    companies = _order(frame, "company")
    fig = go.Figure()
    for label in _order(frame, "label"):
        rows = frame[frame["label"] == label]
        fig.add_trace(go.Scatter(
            x=rows["day"], y=_names(names, rows["company"]), mode="markers", name=str(label),
            marker=dict(symbol=FORM_SYMBOLS.get(label, OTHER_SYMBOL), size=11,
                        color=[company_colour(str(c)) for c in rows["company"]],
                        line=dict(width=1, color="#555555")),
            customdata=np.stack([rows["reference"].map(_safe), rows["title"].map(_safe)], axis=1),
            hovertemplate=("<b>%{y}</b> · " + _safe(label) + "<br>%{x|%Y-%m-%d}<br>%{customdata[0]}"
                           "<br>%{customdata[1]}<extra></extra>"),
        ))
    fig.update_layout(title=title, legend=LEGEND_BELOW, height=max(300, 38 * len(companies) + 160),
                      margin=dict(l=10, r=10, t=50, b=10))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=_names(names, reversed(companies)),
                     title=None)
    fig.update_xaxes(title=None)
    return fig


def competitor_heatmap_figure(matrix: pd.DataFrame, *, title: str = "Named as competitor",
                              names: Names | None = None) -> go.Figure:
    """Filer (rows) x competitor (columns), coloured by the sentences that
    name the pair (the count in each cell), with the filings and the
    threat/benchmark wording on hover; `matrix` is filings_competitor_matrix.sql."""
    if matrix.empty:
        return _empty(title, "No competition passages in these filings")
    filers = _order(matrix, "filer", "statements")
    competitors = _order(matrix, "competitor", "statements")
    cells = matrix.set_index(["filer", "competitor"])
    counts = cells["statements"].unstack().reindex(index=filers, columns=competitors)
    fig = go.Figure(go.Heatmap(
        z=counts.to_numpy(dtype=float), x=_names(names, competitors), y=_names(names, filers), xgap=2, ygap=2,
        colorscale=COUNT_SCALE,
        zmin=0, colorbar=dict(title="sentences", thickness=12, tickformat="d"),
        text=counts.map(lambda n: "" if pd.isna(n) else f"{int(n):,}").to_numpy(), texttemplate="%{text}",
        hoverinfo="skip",
    ))
    fig.add_trace(go.Scatter(
        x=_names(names, matrix["competitor"]), y=_names(names, matrix["filer"]), mode="markers", showlegend=False,
        marker=dict(symbol="square", size=26, opacity=0.01, color="#888888"),
        customdata=np.stack([matrix["filings"], matrix["statements"], matrix["threat"], matrix["benchmark"],
                             matrix["last_filed"].astype(str).str.slice(0, 10)], axis=1),
        hovertemplate=("<b>%{y} names %{x}</b><br>%{customdata[1]} sentences in %{customdata[0]} filings"
                       "<br>threat wording: %{customdata[2]}, benchmark: %{customdata[3]}"
                       "<br>latest filing %{customdata[4]}<extra></extra>"),
    ))
    fig.update_layout(title=dict(text=title, y=0.99, yanchor="top"), yaxis_title="filer",
                      height=max(300, 40 * len(filers) + 170), margin=dict(l=10, r=10, t=110, b=10),
                      dragmode=False)
    fig.update_xaxes(side="top", type="category", tickangle=-40, title=None)
    fig.update_yaxes(autorange="reversed", type="category")
    return fig


def docket_case_figure(entries: pd.DataFrame, *, title: str = "Docket entries") -> go.Figure:
    """A case as a timeline: entry numbers over filing dates, the docket text
    on hover; `entries` is filings_docket_entries.sql."""
    if entries.empty:
        return _empty(title, "No entries for this case")
    numbered = entries.assign(number=entries["entry_number"].astype("Float64"))
    fig = go.Figure(go.Scatter(
        x=numbered["filed_at"], y=numbered["number"], mode="lines+markers",
        line=dict(color="#9e9e9e", width=1), marker=dict(size=9, color="#1f5fd6"),
        customdata=np.stack([numbered["description"].map(_safe)], axis=1),
        hovertemplate="#%{y}: %{customdata[0]}<br>%{x|%Y-%m-%d %H:%M} UTC<extra></extra>",
    ))
    fig.update_layout(title=title, height=340, margin=dict(l=10, r=10, t=50, b=10), showlegend=False)
    fig.update_yaxes(title="entry number")
    fig.update_xaxes(title=None)
    return fig
