"""Feed documents (bytes) to normalized item records with stable keys.

feedparser does the parsing, on bytes we fetched ourselves. Each item gets a
stable key: the feed's GUID, else its link, else title + date; ``item_id`` is a
hash of feed name + key, so the same item from the same feed always lands on
the same row.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

import feedparser

from pipelines.filings import docket_fields, feed_filer, filing_fields
from pipelines.stories import canonical_url, title_key
from pipelines.text import html_to_text

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


class ParseError(ValueError):
    """A document that is not a readable feed; the message says why."""


@dataclass
class ParsedFeed:
    title: str
    link: str | None
    version: str
    entries: list = field(default_factory=list)
    warning: str | None = None


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def parse_document(body: bytes, *, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes. Raise ParseError when nothing feed-like could be read;
    a recoverable problem (feedparser's bozo with entries) becomes a warning."""
    if not body or not body.strip():
        raise ParseError("empty document")
    parsed = feedparser.parse(body, response_headers=headers or {})
    entries = list(parsed.entries)
    bozo = bool(parsed.get("bozo"))
    reason = _first_line(parsed.get("bozo_exception", "")) if bozo else None
    if not entries:
        if _HTML_START.match(body[:4096]):
            raise ParseError("an HTML page, not an RSS or Atom feed")
        if bozo:
            raise ParseError(f"not a well-formed feed ({reason})")
        if not parsed.get("version"):
            raise ParseError("no RSS or Atom elements found")
    feed = parsed.get("feed", {})
    warning = f"read with recovery: {reason}" if bozo and entries else None
    return ParsedFeed(
        title=html_to_text(feed.get("title", "")).strip(),
        link=feed.get("link"),
        version=parsed.get("version", ""),
        entries=entries,
        warning=warning,
    )


def _timestamp(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                # feedparser normalises to UTC struct_time; timegm keeps it UTC.
                return datetime.utcfromtimestamp(calendar.timegm(value))
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _body_html(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) or []]
    longest = max(contents, key=len, default="")
    summary = entry.get("summary", "") or ""
    return longest if len(longest) >= len(summary) else summary


_CIK_IN_TITLE = re.compile(r"\((\d{10})\)")


def filer_cik(entry) -> str | None:
    """The CIK of an EDGAR entry's filer: SEC's <company-info><cik>, else the
    "(0001326801)" in its title."""
    cik = (entry.get("cik") or "").strip()
    if cik.isdigit():
        return cik.zfill(10)
    found = _CIK_IN_TITLE.search(entry.get("title", "") or "")
    return found.group(1) if found else None


def stable_key(entry) -> str:
    guid = (entry.get("id") or entry.get("guid") or "").strip()
    if guid:
        return guid
    link = (entry.get("link") or "").strip()
    if link:
        return link
    title = (entry.get("title") or "").strip()
    date = entry.get("published") or entry.get("updated") or ""
    return f"{title}|{date}"


def make_item_id(feed_name: str, key: str) -> str:
    return hashlib.sha1(f"{feed_name}\x1f{key}".encode()).hexdigest()[:20]


def normalize_entries(
    parsed: ParsedFeed, *, feed_name: str, fetched_at: datetime, run_id: int | None = None
) -> list[dict]:
    """One record per entry, ready for ``warehouse.store.upsert_items``.
    An entry without any date is dated when it was first fetched."""
    items = []
    feed_cik, feed_company = feed_filer(parsed.title)
    for entry in parsed.entries:
        key = stable_key(entry)
        title = html_to_text(entry.get("title", ""))
        body = html_to_text(_body_html(entry))
        if not key.strip("|") and not body:
            continue  # nothing to identify or analyse
        url = (entry.get("link") or "").strip() or None
        digest = hashlib.sha1("\x1f".join([title, body, url or ""]).encode()).hexdigest()
        items.append(
            {
                "item_id": make_item_id(feed_name, key),
                "feed": feed_name,
                "item_guid": key,
                "url": url,
                "title": title,
                "author": html_to_text(entry.get("author", "")) or None,
                "published_at": _timestamp(entry) or fetched_at,
                "body": body,
                "content_hash": digest,
                "fetched_at": fetched_at,
                "run_id": run_id,
                "filer_cik": filer_cik(entry) or feed_cik,
                "filing": filing_fields(entry, feed_cik=feed_cik, feed_company=feed_company),
                "docket": docket_fields(entry, feed_title=parsed.title),
                "canonical_url": canonical_url(url),
                "title_key": title_key(title),
            }
        )
    return items
