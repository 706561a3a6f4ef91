"""Plotly figures for the dashboard: pure functions from a query's DataFrame to
a figure, so they are tested on literal frames without Streamlit.

A company keeps one colour in every chart: known ids have a fixed colour and
any other id gets one from a fallback palette chosen by a stable hash of its
name (not by its position, which changes with the filters).
"""

from __future__ import annotations

import zlib

import pandas as pd
import plotly.graph_objects as go

COMPANY_COLOURS = {
    "meta": "#1f5fd6",
    "openai": "#10a37f",
    "anthropic": "#d97757",
    "google": "#ea4335",
    "microsoft": "#00a4ef",
    "mistral": "#ff8205",
    "xai": "#333333",
    "deepseek": "#6a5acd",
    "nvidia": "#76b900",
    "amazon": "#b8860b",
    "apple": "#a2aaad",
}

FALLBACK_PALETTE = (
    "#88ccee", "#cc6677", "#ddcc77", "#117733", "#332288",
    "#aa4499", "#44aa99", "#999933", "#882255", "#661100",
)

OTHER = "other"
OTHER_COLOUR = "#bdbdbd"
MAX_COMPANY_LINES = 10

STANCE_COLOURS = {
    "benchmark": "#1f77b4",
    "dismissive": "#9467bd",
    "praise": "#2ca02c",
    "threat": "#ff7f0e",
    "critical": "#d62728",
    "neutral": "#9e9e9e",
}
STANCES = tuple(STANCE_COLOURS)
# Legends under the plot: above it they collide with the title.
LEGEND_BELOW = dict(orientation="h", yanchor="top", y=-0.12, x=0)


def company_colour(company: str) -> str:
    """The colour of a company id, the same in every chart and every run."""
    if company == OTHER:
        return OTHER_COLOUR
    known = COMPANY_COLOURS.get(company)
    if known:
        return known
    return FALLBACK_PALETTE[zlib.crc32(company.encode("utf-8")) % len(FALLBACK_PALETTE)]


def stance_colour(stance: str) -> str:
    return STANCE_COLOURS.get(stance, "#bdbdbd")


def _by_volume(frame: pd.DataFrame, key: str, value: str) -> list[str]:
    """Keys ordered by their total, largest first, so the legend leads with them."""
    totals = frame.groupby(key, sort=False)[value].sum()
    return sorted(totals.index, key=lambda k: (-totals[k], str(k)))


def _top_and_other(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    """Keep the `limit` companies with most mentions and sum the rest into
    one "other" series per bucket, so a wide catalog stays readable."""
    order = _by_volume(frame, "company", "mentions")
    if len(order) <= limit:
        return frame
    rest = frame[~frame["company"].isin(order[:limit])]
    other = rest.groupby("bucket", as_index=False)[["mentions", "share"]].sum()
    return pd.concat(
        [frame[frame["company"].isin(order[:limit])], other.assign(company=OTHER)],
        ignore_index=True,
    )


def _series_order(frame: pd.DataFrame) -> list[str]:
    order = [c for c in _by_volume(frame, "company", "mentions") if c != OTHER]
    return order + ([OTHER] if (frame["company"] == OTHER).any() else [])


def _empty(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title)
    fig.add_annotation(text="No data for these filters", showarrow=False,
                       xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _layout(fig: go.Figure, title: str, y_title: str) -> go.Figure:
    fig.update_layout(
        title=title,
        yaxis_title=y_title,
        hovermode="x unified",
        legend=LEGEND_BELOW,
        margin=dict(l=10, r=10, t=50, b=10),
    )
    return fig


def mention_volume_figure(
    frame: pd.DataFrame, *, limit: int = MAX_COMPANY_LINES, title: str = "Mentions over time"
) -> go.Figure:
    """Lines of mentions per company per bucket, the `limit` biggest companies
    and "other"; `frame` has bucket, company, mentions and share."""
    if frame.empty:
        return _empty(title)
    frame = _top_and_other(frame, limit)
    fig = go.Figure()
    for company in _series_order(frame):
        rows = frame[frame["company"] == company].sort_values("bucket")
        fig.add_trace(go.Scatter(
            x=rows["bucket"], y=rows["mentions"], name=company, mode="lines+markers",
            line=dict(color=company_colour(company), width=2), marker=dict(size=5),
            hovertemplate="%{y:,} mentions<extra>" + company + "</extra>",
        ))
    return _layout(fig, title, "mentions")


def share_of_voice_figure(
    frame: pd.DataFrame, *, limit: int = MAX_COMPANY_LINES, title: str = "Share of voice"
) -> go.Figure:
    """Stacked areas of each company's share of a bucket's mentions, the
    `limit` biggest companies and "other"; `frame` has bucket, company, share
    (0..1) and mentions."""
    if frame.empty:
        return _empty(title)
    # A bucket with no mentions at all has no shares: leave it out rather than
    # draw the stack dropping to zero.
    totals = frame.groupby("bucket")["mentions"].transform("sum")
    frame = frame[totals > 0]
    if frame.empty:
        return _empty(title)
    frame = _top_and_other(frame, limit)
    fig = go.Figure()
    for company in _series_order(frame):
        rows = frame[frame["company"] == company].sort_values("bucket")
        colour = company_colour(company)
        fig.add_trace(go.Scatter(
            x=rows["bucket"], y=rows["share"], name=company, mode="lines",
            stackgroup="share", line=dict(color=colour, width=0.5), fillcolor=colour,
            customdata=rows["mentions"],
            hovertemplate="%{y:.0%} (%{customdata:,} mentions)<extra>" + company + "</extra>",
        ))
    fig = _layout(fig, title, "share of mentions")
    fig.update_yaxes(tickformat=".0%", range=[0, 1])
    return fig


def stance_mix_figure(
    frame: pd.DataFrame, *, by_speaker: bool = True, title: str = "Stance mix of rivalry edges"
) -> go.Figure:
    """Stacked bars of edges per stance, one bar per speaker (or one overall);
    `frame` has speaker, stance, edges."""
    if frame.empty:
        return _empty(title)
    if by_speaker:
        frame = frame.assign(bar=frame["speaker"])
        bars = _by_volume(frame, "bar", "edges")
    else:
        frame = frame.assign(bar="all speakers")
        bars = ["all speakers"]
    counts = frame.pivot_table(
        index="bar", columns="stance", values="edges", aggfunc="sum", fill_value=0
    ).reindex(bars, fill_value=0)
    seen = set(counts.columns)
    stances = [s for s in STANCES if s in seen] + sorted(seen - set(STANCES))
    fig = go.Figure()
    for stance in stances:
        fig.add_trace(go.Bar(
            y=bars, x=counts[stance].tolist(), name=stance, orientation="h",
            marker_color=stance_colour(stance),
            hovertemplate="%{y}: %{x:,} " + stance + "<extra></extra>",
        ))
    fig.update_layout(barmode="stack", title=title, xaxis_title="edges",
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
                      margin=dict(l=10, r=10, t=80, b=10),
                      height=max(260, 40 * len(bars) + 140))
    fig.update_yaxes(autorange="reversed")
    return fig
