"""Plotly figures for the dashboard: pure functions from a query's DataFrame to
a figure, so they are tested on literal frames without Streamlit.

A company keeps one colour in every chart: known ids have a fixed colour and
any other id gets one from a fallback palette chosen by a stable hash of its
name (not by its position, which changes with the filters). Every colour is a
mid-tone that reads on Streamlit's light and dark backgrounds; figures leave
their background and text colours to the theme.

Companies are shown by name: a figure of company ids takes `names` (id ->
name, dashboard.names) for its labels, legends and hover text, and keeps the
ids for colours and for what a click selects (`customdata`).

Feed text reaches hover labels, which Plotly renders as a little HTML, so it
is escaped first (`_safe`).
"""

from __future__ import annotations

import html
import math
import zlib

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from dashboard import rollups
from dashboard.names import Names
from dashboard.names import label as _name
from dashboard.names import labels as _names

COMPANY_COLOURS = {
    "meta": "#1f5fd6",
    "openai": "#10a37f",
    "anthropic": "#d97757",
    "google": "#ea4335",
    "microsoft": "#00a4ef",
    "mistral": "#ff8205",
    "xai": "#7b8794",
    "deepseek": "#6a5acd",
    "nvidia": "#76b900",
    "amazon": "#b8860b",
    "apple": "#a2aaad",
}

FALLBACK_PALETTE = (
    "#88ccee", "#cc6677", "#ddcc77", "#117733", "#5a4fcf",
    "#aa4499", "#44aa99", "#999933", "#b8527a", "#a0522d",
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
# Red for hostile, blue for warm, a mid grey between: all three show on the
# light and the dark theme (a white or yellow middle vanishes on white).
POLARITY_SCALE = [[0.0, "#c62828"], [0.5, "#9e9e9e"], [1.0, "#1565c0"]]
COUNT_SCALE = "Viridis"
SPIKE_COLOUR = "#e0245e"
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


def polarity_colour(polarity: float) -> str:
    """A colour on POLARITY_SCALE for a polarity in -1..1."""
    value = 0.0 if polarity is None or pd.isna(polarity) else max(-1.0, min(1.0, float(polarity)))
    return sample_colorscale(POLARITY_SCALE, [(value + 1) / 2])[0]


def _safe(text, limit: int = 160) -> str:
    """Feed text for a hover label: shortened, HTML-escaped."""
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text)


def _by_volume(frame: pd.DataFrame, key: str, value: str) -> list[str]:
    """Keys ordered by their total, largest first, so the legend leads with them."""
    totals = frame.groupby(key, sort=False)[value].sum()
    return sorted(totals.index, key=lambda k: (-totals[k], str(k)))


def _top_and_other(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    """Keep the `limit` companies with most stories and sum the rest into
    one "other" series per bucket, so a wide catalog stays readable."""
    order = _by_volume(frame, "company", "stories")
    if len(order) <= limit:
        return frame
    rest = frame[~frame["company"].isin(order[:limit])]
    summed = [c for c in ("stories", "mentions", "share", "share_named") if c in frame.columns]
    other = rest.groupby("bucket", as_index=False)[summed].sum()
    return pd.concat(
        [frame[frame["company"].isin(order[:limit])], other.assign(company=OTHER)],
        ignore_index=True,
    )


def _series_order(frame: pd.DataFrame) -> list[str]:
    order = [c for c in _by_volume(frame, "company", "stories") if c != OTHER]
    return order + ([OTHER] if (frame["company"] == OTHER).any() else [])


def _empty(title: str, text: str = "No data for these filters") -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, height=260)
    fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
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
    frame: pd.DataFrame, spikes: pd.DataFrame | None = None, *, limit: int = MAX_COMPANY_LINES,
    title: str = "Stories naming each company", names: Names | None = None,
) -> go.Figure:
    """Lines of stories per company per bucket (copies of a story count once),
    the `limit` biggest companies and "other"; `frame` has bucket, company,
    stories, mentions, share. `spikes` (bucket, company, day, stories) adds a
    marker on the bucket of each spike of a drawn company."""
    if frame.empty:
        return _empty(title)
    frame = _top_and_other(frame, limit)
    fig = go.Figure()
    drawn = _series_order(frame)
    for company in drawn:
        rows = frame[frame["company"] == company].sort_values("bucket")
        fig.add_trace(go.Scatter(
            x=rows["bucket"], y=rows["stories"], name=_name(names, company), mode="lines+markers",
            line=dict(color=company_colour(company), width=2), marker=dict(size=5),
            customdata=rows["mentions"],
            hovertemplate=("%{y:,} stories (%{customdata:,} mentions)<extra>"
                           + _safe(_name(names, company)) + "</extra>"),
        ))
    if spikes is not None and not spikes.empty:
        marks = spikes[spikes["company"].isin(drawn)]
        if not marks.empty:
            level = frame.set_index(["bucket", "company"])["stories"]
            y = [level.get((b, c), s) for b, c, s in zip(marks["bucket"], marks["company"],
                                                       marks["stories"], strict=True)]
            fig.add_trace(go.Scatter(
                x=marks["bucket"], y=y, name="spike", mode="markers",
                marker=dict(symbol="star", size=13, color=[company_colour(c) for c in marks["company"]],
                            line=dict(color=SPIKE_COLOUR, width=2)),
                customdata=np.stack([_names(names, marks["company"]), marks["day"].astype(str),
                                     marks["stories"]], axis=1),
                hovertemplate="spike: %{customdata[0]}, %{customdata[2]} stories on %{customdata[1]}"
                              "<extra></extra>",
            ))
    return _layout(fig, title, "stories")


def share_of_voice_figure(
    frame: pd.DataFrame, *, of: str = "all", limit: int = MAX_COMPANY_LINES, title: str | None = None,
    names: Names | None = None,
) -> go.Figure:
    """Stacked areas of each company's share of voice per bucket, the `limit`
    biggest companies and "other"; `frame` is a rollups.volume() frame.
    `of="all"`: its stories over every story in the bucket, as Media Cloud
    normalises (a story naming two companies counts for both, so the stack
    can pass 100%); `of="named"`: its part of the shown companies' stories
    (the stack is 100%)."""
    column = "share" if of == "all" else "share_named"
    title = title or ("Share of voice: % of all stories" if of == "all"
                      else "Share of voice among these companies")
    if frame.empty:
        return _empty(title)
    # A bucket without stories has no shares: leave it out rather than draw
    # the stack dropping to zero.
    totals = frame.groupby("bucket")["stories"].transform("sum")
    frame = frame[totals > 0]
    if frame.empty:
        return _empty(title)
    frame = _top_and_other(frame, limit)
    fig = go.Figure()
    for company in _series_order(frame):
        rows = frame[frame["company"] == company].sort_values("bucket")
        colour = company_colour(company)
        fig.add_trace(go.Scatter(
            x=rows["bucket"], y=rows[column], name=_name(names, company), mode="lines",
            stackgroup="share", line=dict(color=colour, width=0.5), fillcolor=colour,
            customdata=rows["stories"],
            hovertemplate="%{y:.1%} (%{customdata:,} stories)<extra>" + _safe(_name(names, company)) + "</extra>",
        ))
    fig = _layout(fig, title, "share of all stories" if of == "all" else "share of voice")
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    return fig


def stance_mix_figure(
    frame: pd.DataFrame, *, by_speaker: bool = True, by: str = "speaker",
    title: str = "Stance mix of rivalry statements", names: Names | None = None,
) -> go.Figure:
    """Stacked bars of statements per stance, one bar per value of `by`
    (or one overall); `frame` has `by`, stance, edges."""
    if frame.empty:
        return _empty(title)
    if by_speaker:
        frame = frame.assign(bar=frame[by])
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
            y=_names(names, bars), x=counts[stance].tolist(), name=stance, orientation="h",
            marker_color=stance_colour(stance),
            hovertemplate="%{y}: %{x:,} " + stance + "<extra></extra>",
        ))
    fig.update_layout(barmode="stack", title=title, xaxis_title="statements",
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
                      margin=dict(l=10, r=10, t=80, b=10),
                      height=max(260, 34 * len(bars) + 140))
    fig.update_yaxes(autorange="reversed")
    return fig


def _mix_text(row) -> str:
    parts = [f"{s} {int(row[s])}" for s in STANCES if s in row and row[s]]
    return ", ".join(parts) or "none"


def matrix_figure(
    pairs: pd.DataFrame, *, colour_by: str = "edges", title: str = "Who talks about whom",
    names: Names | None = None,
) -> go.Figure:
    """Speaker (rows) x target (columns): cells coloured by statement count
    or mean polarity, the count written in each cell, mean polarity and
    stance mix on hover; `pairs` is a rollups.matrix() frame. An invisible
    marker on every cell makes it clickable (`customdata` = speaker, target),
    which a heatmap alone is not in Streamlit."""
    if pairs.empty:
        return _empty(title)
    speakers = _by_volume(pairs, "speaker", "edges")
    targets = _by_volume(pairs, "target", "edges")
    cells = pairs.set_index(["speaker", "target"])
    counts = cells["edges"].unstack().reindex(index=speakers, columns=targets)
    polarity = cells["mean_polarity"].unstack().reindex(index=speakers, columns=targets)
    by_polarity = colour_by == "polarity"
    z = polarity if by_polarity else counts
    fig = go.Figure(go.Heatmap(
        z=z.to_numpy(dtype=float), x=_names(names, targets), y=_names(names, speakers), hoverinfo="skip",
        xgap=2, ygap=2,
        colorscale=POLARITY_SCALE if by_polarity else COUNT_SCALE,
        zmin=-1 if by_polarity else None, zmax=1 if by_polarity else None,
        zmid=0 if by_polarity else None,
        colorbar=dict(title="mean polarity" if by_polarity else "statements", thickness=12),
        text=counts.map(lambda n: "" if pd.isna(n) else f"{int(n):,}").to_numpy(), texttemplate="%{text}",
    ))
    hover = pairs.assign(mix=pairs.apply(_mix_text, axis=1))
    fig.add_trace(go.Scatter(
        x=_names(names, hover["target"]), y=_names(names, hover["speaker"]), mode="markers", showlegend=False,
        marker=dict(symbol="square", size=26, opacity=0.01, color="#888888"),
        customdata=np.stack([hover["speaker"], hover["target"], hover["edges"],
                             hover["mean_polarity"].round(2), hover["main_stance"].fillna(""),
                             hover["mix"], _names(names, hover["speaker"]), _names(names, hover["target"])],
                            axis=1),
        hovertemplate=("<b>%{customdata[6]} → %{customdata[7]}</b><br>%{customdata[2]} statements, "
                       "mean polarity %{customdata[3]}<br>%{customdata[5]}<br>"
                       "<i>click to read the evidence</i><extra></extra>"),
        unselected=dict(marker=dict(opacity=0.01)), selected=dict(marker=dict(opacity=0.3)),
    ))
    fig.update_layout(
        title=dict(text=title, y=0.99, yanchor="top"), yaxis_title="speaker",
        height=max(320, 34 * len(speakers) + 170), margin=dict(l=10, r=10, t=110, b=10),
        clickmode="event+select", dragmode=False,
    )
    fig.update_xaxes(side="top", type="category", tickangle=-40, title=None)
    fig.update_yaxes(autorange="reversed", type="category")
    return fig


def _circle(names: list[str]) -> dict[str, tuple[float, float]]:
    """Names placed clockwise on a unit circle from the top, in order."""
    count = max(1, len(names))
    return {
        name: (math.sin(2 * math.pi * k / count), math.cos(2 * math.pi * k / count))
        for k, name in enumerate(names)
    }


def _curve(a: tuple[float, float], b: tuple[float, float], bend: float = 0.18, steps: int = 40):
    """Points of a quadratic curve from a to b bulging to the right of the
    direction of travel, so a -> b and b -> a do not overlap."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2 + bend * dy, (y0 + y1) / 2 - bend * dx
    t = np.linspace(0, 1, steps)
    xs = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t ** 2 * x1
    ys = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t ** 2 * y1
    return xs, ys


NETWORK_HEIGHT = 620
# Plot pixels per unit of the network's y axis (its range is 2.6 units).
PX_PER_UNIT = (NETWORK_HEIGHT - 60) / 2.6


def _outward(x: float, y: float) -> str:
    """A label position pointing away from the circle's centre."""
    vertical = "top" if y > 0.5 else ("bottom" if y < -0.5 else "middle")
    horizontal = "right" if x > 0.3 else ("left" if x < -0.3 else "center")
    return "middle center" if vertical == horizontal == "middle" else f"{vertical} {horizontal}"


def _node_size(stories: int, top: int) -> float:
    return 16 + 34 * math.sqrt(max(stories, 0) / max(top, 1))


def network_figure(
    pairs: pd.DataFrame, totals: pd.DataFrame, *, colour_by: str = "polarity", max_pairs: int = 60,
    title: str = "Who talks about whom", names: Names | None = None,
) -> go.Figure:
    """A directed graph: a node per company (size by stories naming it,
    `totals` has company, stories), an arrow per speaker -> target pair
    (width by statements, colour by mean polarity or by the most common
    stance), the `max_pairs` busiest pairs; `pairs` is a rollups.matrix()
    frame. Hover an arrow's middle for the pair's numbers; click it to
    select the pair (`customdata` = speaker, target), or a node to select
    its company (`customdata` = company, stories, statements out, in)."""
    if pairs.empty:
        return _empty(title)
    pairs = pairs.head(max_pairs)
    stories = dict(zip(totals["company"], totals["stories"], strict=True)) if not totals.empty else {}
    nodes = sorted(set(pairs["speaker"]) | set(pairs["target"]),
                   key=lambda c: (-stories.get(c, 0), c))
    where = _circle(nodes)
    top = max([stories.get(c, 0) for c in nodes] + [1])
    biggest = max(pairs["edges"].max(), 1)
    fig = go.Figure()
    mids = []
    for row in pairs.itertuples(index=False):
        xs, ys = _curve(where[row.speaker], where[row.target])
        colour = (stance_colour(row.main_stance) if colour_by == "stance"
                  else polarity_colour(row.mean_polarity))
        width = 1 + 7 * math.sqrt(row.edges / biggest)
        # Stop where the curve meets the target's node, so the arrowhead shows.
        gap = (_node_size(stories.get(row.target, 0), top) / 2 + 3) / PX_PER_UNIT
        tx, ty = where[row.target]
        outside = np.hypot(xs - tx, ys - ty) > gap
        end = max(2, int(np.nonzero(outside)[0].max()) if outside.any() else len(xs) - 1)
        fig.add_trace(go.Scatter(x=xs[:end], y=ys[:end], mode="lines", hoverinfo="skip",
                                 line=dict(color=colour, width=width), showlegend=False))
        fig.add_annotation(x=xs[end], y=ys[end], ax=xs[end - 2], ay=ys[end - 2],
                           xref="x", yref="y", axref="x", ayref="y", showarrow=True, text="",
                           arrowhead=2, arrowsize=1.1, arrowwidth=max(1.5, width * 0.6),
                           arrowcolor=colour)
        mid = len(xs) // 2
        mids.append((xs[mid], ys[mid], row.speaker, row.target, row.edges,
                     round(float(row.mean_polarity), 2), row.main_stance or "", _mix_text(row._asdict()),
                     _name(names, row.speaker), _name(names, row.target)))
    middle = pd.DataFrame(mids, columns=["x", "y", "speaker", "target", "edges", "polarity", "stance", "mix",
                                         "speaker_label", "target_label"])
    fig.add_trace(go.Scatter(
        x=middle["x"], y=middle["y"], mode="markers", showlegend=False,
        marker=dict(size=12, opacity=0.01, color="#888888"),
        customdata=middle[["speaker", "target", "edges", "polarity", "stance", "mix", "speaker_label",
                           "target_label"]].to_numpy(),
        hovertemplate=("<b>%{customdata[6]} → %{customdata[7]}</b><br>%{customdata[2]} statements, "
                       "mean polarity %{customdata[3]}<br>%{customdata[5]}<extra></extra>"),
        unselected=dict(marker=dict(opacity=0.01)), selected=dict(marker=dict(opacity=0.5)),
    ))
    out_counts = pairs.groupby("speaker")["edges"].sum()
    in_counts = pairs.groupby("target")["edges"].sum()
    fig.add_trace(go.Scatter(
        x=[where[c][0] for c in nodes], y=[where[c][1] for c in nodes], mode="markers+text",
        text=_names(names, nodes), textposition=[_outward(*where[c]) for c in nodes],
        marker=dict(size=[_node_size(stories.get(c, 0), top) for c in nodes],
                    color=[company_colour(c) for c in nodes], line=dict(width=1, color="#888888")),
        customdata=np.array([[c, int(stories.get(c, 0)), int(out_counts.get(c, 0)), int(in_counts.get(c, 0))]
                             for c in nodes], dtype=object),
        hovertemplate=("<b>%{text}</b><br>%{customdata[1]:,} stories<br>"
                       "%{customdata[2]:,} statements about others, %{customdata[3]:,} about it"
                       "<extra></extra>"),
        showlegend=False,
    ))
    if colour_by == "stance":
        for stance in [s for s in STANCES if s in set(pairs["main_stance"])]:
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=stance,
                                     line=dict(color=stance_colour(stance), width=4)))
    else:
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
            marker=dict(colorscale=POLARITY_SCALE, cmin=-1, cmax=1, color=[0], showscale=True,
                        colorbar=dict(title="mean polarity", thickness=12)),
        ))
    fig.update_layout(title=title, height=NETWORK_HEIGHT, legend=LEGEND_BELOW, hovermode="closest",
                      margin=dict(l=10, r=10, t=50, b=10), clickmode="event+select", dragmode=False)
    fig.update_xaxes(visible=False, range=[-1.35, 1.35])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    return fig


def pair_stance_figure(pairs: pd.DataFrame, *, limit: int = 15,
                       title: str = "Stance mix of the busiest pairs", names: Names | None = None) -> go.Figure:
    """Stacked bars of statements per stance for the `limit` busiest
    speaker -> target pairs of a rollups.matrix() frame."""
    if pairs.empty:
        return _empty(title)
    busiest = pairs.head(limit)
    busiest = busiest.assign(speaker=_names(names, busiest["speaker"]), target=_names(names, busiest["target"]))
    return stance_mix_figure(rollups.stance_mix(busiest, by="pair"), by="pair", title=title)


def timeline_figure(statements: pd.DataFrame, *, title: str = "Statements over time",
                    names: Names | None = None) -> go.Figure:
    """One dot per statement: when (x), about whom (y), stance (colour),
    the evidence on hover; `statements` is an evidence frame."""
    if statements.empty:
        return _empty(title)
    frame = statements.dropna(subset=["published_at"])
    frame = frame.assign(target=_names(names, frame["target"]))
    targets = _by_volume(frame.assign(n=1), "target", "n")
    fig = go.Figure()
    for stance in [s for s in STANCES if s in set(frame["stance"])]:
        rows = frame[frame["stance"] == stance]
        fig.add_trace(go.Scatter(
            x=rows["published_at"], y=rows["target"], mode="markers", name=stance,
            marker=dict(color=stance_colour(stance), size=10, line=dict(width=0.5, color="#888888")),
            customdata=np.stack([rows["evidence"].map(_safe), rows["speaker_name"].map(_safe),
                                 rows["polarity"].round(2)], axis=1),
            hovertemplate=("%{x|%Y-%m-%d} → <b>%{y}</b> (" + stance + ", %{customdata[2]})<br>"
                           "%{customdata[0]}<br><i>%{customdata[1]}</i><extra></extra>"),
        ))
    fig.update_layout(title=title, legend=LEGEND_BELOW, hovermode="closest",
                      height=max(280, 30 * len(targets) + 150), margin=dict(l=10, r=10, t=50, b=10))
    fig.update_yaxes(categoryorder="array", categoryarray=targets[::-1], type="category")
    return fig


def spike_figure(series: pd.DataFrame, spikes: pd.DataFrame, company: str, *,
                 title: str | None = None, names: Names | None = None) -> go.Figure:
    """One company's stories per day with the spike threshold (baseline mean
    + k standard deviations of the previous days) and its spikes; `series`
    has day, stories, baseline, threshold; `spikes` has day, stories. Spike
    markers are clickable (`customdata` = day)."""
    title = title or f"{_name(names, company)}: stories per day and spikes"
    if series.empty:
        return _empty(title)
    colour = company_colour(company)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=series["day"], y=series["stories"], name="stories per day", mode="lines",
                             line=dict(color=colour, width=1.5),
                             hovertemplate="%{x|%Y-%m-%d}: %{y:,} stories<extra></extra>"))
    fig.add_trace(go.Scatter(x=series["day"], y=series["baseline"], name="baseline (previous days' mean)",
                             mode="lines", line=dict(color="#888888", width=1),
                             hovertemplate="baseline %{y:.1f}<extra></extra>"))
    fig.add_trace(go.Scatter(x=series["day"], y=series["threshold"], name="spike threshold",
                             mode="lines", line=dict(color=SPIKE_COLOUR, width=1, dash="dot"),
                             hovertemplate="threshold %{y:.1f}<extra></extra>"))
    if not spikes.empty:
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(spikes["day"]), y=spikes["stories"], name="spike", mode="markers",
            marker=dict(symbol="star", size=14, color=SPIKE_COLOUR, line=dict(width=1, color="#888888")),
            customdata=spikes["day"].astype(str),
            hovertemplate="spike on %{customdata}: %{y:,} stories<br><i>click to list them</i><extra></extra>",
        ))
    fig = _layout(fig, title, "stories")
    fig.update_layout(hovermode="closest", clickmode="event+select", dragmode="zoom")
    return fig


def momentum_figure(table: pd.DataFrame, label: str, *, limit: int = 15,
                    title: str = "Momentum", names: Names | None = None) -> go.Figure:
    """Bars of recent vs expected counts (lift) for the `limit` biggest
    movers, up and down; `table` is a rollups.momentum() frame whose `label`
    column names the bars (a company id gets its colour)."""
    if table.empty:
        return _empty(title)
    movers = table.reindex(table["lift"].abs().sort_values(ascending=False).index).head(limit)
    movers = movers.sort_values("lift")
    colours = [company_colour(v) if "→" not in str(v) else ("#2ca02c" if lift >= 0 else "#d62728")
               for v, lift in zip(movers[label], movers["lift"], strict=True)]
    change = movers["change"].map(lambda c: "new" if pd.isna(c) else f"{c:+.0%}")
    fig = go.Figure(go.Bar(
        x=movers["lift"], y=_names(names, movers[label]), orientation="h", marker_color=colours,
        customdata=np.stack([movers["recent"], movers["baseline_per_day"].round(2), change], axis=1),
        hovertemplate=("<b>%{y}</b><br>%{customdata[0]:,} recently, %{customdata[1]} a day before "
                       "(%{customdata[2]})<br>lift %{x:+.1f}<extra></extra>"),
    ))
    fig.update_layout(title=title, xaxis_title="recent count minus the count the baseline rate predicts",
                      height=max(260, 26 * len(movers) + 120), margin=dict(l=10, r=10, t=50, b=10))
    return fig
