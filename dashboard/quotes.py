"""Evidence quotes as HTML, safely. Feed text is written by strangers: every
piece of it is escaped before it is placed in markup, the only markup added
is ours (<mark> around the matched alias, a link to an http(s) source), and
the result goes to `st.html` (sanitised by Streamlit, no Markdown parsing),
never to `st.markdown(..., unsafe_allow_html=True)`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import datetime
from urllib.parse import urlsplit

import pandas as pd

from dashboard.charts import stance_colour

STYLE = """<style>
.rw-quote {border-left: 4px solid var(--rw-stance, #9e9e9e); padding: 0.35rem 0.75rem;
           margin: 0 0 0.6rem 0; line-height: 1.45;}
.rw-quote mark {background: rgba(255, 196, 0, 0.45); color: inherit; padding: 0 0.1em;
                border-radius: 2px;}
.rw-quote .rw-meta {font-size: 0.82rem; opacity: 0.75; margin-top: 0.15rem;}
.rw-quote a {color: inherit; text-decoration: underline;}
.rw-stance {font-weight: 600; color: var(--rw-stance, inherit);}
</style>"""


def web_url(url) -> str | None:
    """`url` when it is an http(s) address with a host, else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, float) and pd.isna(value):
        return []
    return [v for v in list(value) if isinstance(v, str) and v]


def highlight(text, aliases: Iterable[str] = ()) -> str:
    """`text` HTML-escaped, with every occurrence of an alias wrapped in
    <mark> (longest alias first, case-sensitive as the catalog matched it,
    overlaps skipped)."""
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    names = sorted({a for a in aliases or () if isinstance(a, str) and a.strip()}, key=len, reverse=True)
    if not names:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(a) for a in names))
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(f"<mark>{html.escape(match.group(0))}</mark>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _link(url, label: str) -> str:
    safe = web_url(url)
    if safe is None:
        return html.escape(label)
    href = html.escape(safe, quote=True)
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{html.escape(label)}</a>'


def _when(value) -> str:
    if value is None or (not isinstance(value, datetime) and pd.isna(value)):
        return "undated"
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _sources(row: dict) -> str:
    feeds = _as_list(row.get("sources"))
    urls = [u for u in _as_list(row.get("source_urls")) if web_url(u)]
    if len(feeds) <= 1 and len(urls) <= 1:
        return ""
    links = ", ".join(_link(u, _host(u)) for u in dict.fromkeys(urls))
    text = f" · carried by {len(feeds)} feeds ({html.escape(', '.join(feeds))})"
    return text + (f": {links}" if links else "")


def _company(row: dict, column: str) -> str:
    """A company of the row by its name (the `<column>_company_name` that
    dashboard.data adds), else its id."""
    named = row.get(f"{column}_company_name")
    return str(named if isinstance(named, str) and named else row.get(column))


def statement_html(row: dict) -> str:
    """One statement (an evidence_edges row) as a quote: the evidence with the
    aliases marked, who said it about whom (by name) in what stance, when,
    the source."""
    stance = str(row.get("stance") or "")
    speaker, target = _company(row, "speaker"), _company(row, "target")
    said_by = row.get("speaker_name")
    # A company's own feed names the company as the speaker: said once.
    said_by = (f" ({html.escape(said_by)})" if isinstance(said_by, str) and said_by
               and said_by.casefold() != speaker.casefold() else "")
    title = row.get("title") if isinstance(row.get("title"), str) else row.get("feed") or "source"
    meta = (
        f"<b>{html.escape(speaker)}</b>{said_by} → <b>{html.escape(target)}</b> · "
        f"<span class='rw-stance'>{html.escape(stance)}</span> · polarity {float(row.get('polarity') or 0):+.2f} · "
        f"{_when(row.get('published_at'))} · {html.escape(str(row.get('feed') or ''))} · "
        f"{_link(row.get('url'), str(title))}{_sources(row)}"
    )
    return (
        f"<div class='rw-quote' style='--rw-stance: {stance_colour(stance)}'>"
        f"“{highlight(row.get('evidence'), _as_list(row.get('aliases')))}”"
        f"<div class='rw-meta'>{meta}</div></div>"
    )


def sentence_html(row: dict) -> str:
    """One sentence (an evidence_mentions row): the sentence with the aliases
    marked, the companies it names (by name), when, the source."""
    companies = ", ".join(_as_list(row.get("company_names")) or _as_list(row.get("companies")))
    title = row.get("title") if isinstance(row.get("title"), str) else row.get("feed") or "source"
    meta = (
        f"<b>{html.escape(companies)}</b> · {_when(row.get('published_at'))} · "
        f"{html.escape(str(row.get('feed') or ''))} · {_link(row.get('url'), str(title))}{_sources(row)}"
    )
    return (
        f"<div class='rw-quote'>{highlight(row.get('sentence'), _as_list(row.get('aliases')))}"
        f"<div class='rw-meta'>{meta}</div></div>"
    )


def quotes_html(frame: pd.DataFrame, render=statement_html) -> str:
    """The rows of `frame` as quotes, with the style they need, in one block."""
    return STYLE + "".join(render(row) for row in frame.to_dict("records"))
