"""Feed documents (bytes) to normalized item records with stable keys.

feedparser does the parsing, on bytes we fetched ourselves; plain RSS 2.0 and
Atom documents are read by pipelines.fast_feed instead, which gives exactly
feedparser's result on expat in a fraction of its time (feedparser was three
quarters of this stage) and leaves every other document to feedparser. Each
item gets a stable key: the feed's GUID, else its link, else title + date;
``item_id`` is a hash of feed name + key, so the same item from the same feed
always lands on the same row.

Documents come from strangers, so parsing is fenced in (tests/hostile/ holds
the attacks this answers, with measured bounds):

- Refused before any parser sees the bytes, with a message naming the limit:
  XML entity declarations (feedparser's fallback parser expands a "safe"
  entity at every use: 115 KB became 1.5 GB and 20 s when measured), and
  more than ``MAX_ENTRIES`` entries (feedparser reads ~7,000 a second).
- Parsing (the fast reader, then feedparser when it declines) runs in a
  child process (``warehouse.fenced``) with a CPU-time and a memory limit.
  The pre-checks stop the attacks we know; the child stops the ones we do
  not (feedparser spends ~30 µs per element, so 15 MiB of tiny tags costs
  over a minute), and a runaway costs that feed, not the run. The fast
  reader resolves no entity and reads no DTD (it declines a DOCTYPE).
- The bytes reach feedparser as a stream, never as a bare ``bytes`` value:
  feedparser opens a bytes value that names an existing file, so a server
  answering ``/dev/zero`` or a local path would make it read that file.
- Records are bounded: titles, bodies, keys and links have length caps, one
  document's text has a budget (entries past it are not stored, so a feed
  cannot buy minutes of analysis), text loses control characters, and dates
  before 1990 or in the future (a feed pinning itself to the top of every
  list) count as missing.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import feedparser
from feedparser.encodings import convert_to_utf8

from pipelines import fast_feed
from pipelines.filings import docket_fields, feed_filer, filing_fields
from pipelines.stories import canonical_url, title_key
from pipelines.text import html_to_text
from warehouse import fenced

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)

MAX_ENTRIES = 10_000
PARSE_CPU_LIMIT_S = 10          # CPU seconds for feedparser on one document
PARSE_MEMORY_LIMIT = 512 * 1024 * 1024   # address space the parsing child may add to its starting size
PARSE_WALL_LIMIT_S = 60.0       # a backstop: the CPU limit stops a busy child first
MAX_FEED_TITLE_CHARS = 300
MAX_TITLE_CHARS = 1_000
MAX_AUTHOR_CHARS = 300
# Analysis costs ~8 us a character of dense statements, and more than linearly
# within one text; the longest real feed body we have seen is ~20,000
# characters. Together these keep one document's analysis within seconds.
MAX_BODY_CHARS = 25_000
MAX_DOCUMENT_TEXT_CHARS = 500_000  # titles and bodies of one document; later entries are not stored
MAX_RAW_HTML_CHARS = 2_000_000  # HTML cut before it becomes text (bounds the HTML-to-text time)
MAX_KEY_CHARS = 1_000           # longer GUIDs are replaced by their hash
MAX_URL_CHARS = 4_096           # longer links are dropped
EARLIEST = datetime(1990, 1, 1)
FUTURE_SLACK = timedelta(days=1)

# Entities are declared only in a DOCTYPE; the raw bytes and feedparser's own
# UTF-8 view are both searched, so an encoding cannot hide a declaration.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")


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


def _utf8_view(body: bytes, headers: dict[str, str]) -> bytes:
    """The bytes as feedparser will parse them (its own encoding detection)."""
    try:
        return convert_to_utf8({k.lower(): v for k, v in headers.items()}, body, {})
    except Exception:  # its detection failing is feedparser's problem, not a hiding place
        return body


def precheck(body: bytes, headers: dict[str, str] | None = None) -> None:
    """Refuse, before any parser runs, documents whose cost would not be
    bounded by their size: entity declarations and too many entries."""
    if not body or not body.strip():
        raise ParseError("empty document")
    utf8 = _utf8_view(body, headers or {})
    if _ENTITY_DECLARATION.search(body) or _ENTITY_DECLARATION.search(utf8):
        raise ParseError("refused: the document declares XML entities (billion-laughs protection)")
    entries = len(_ENTRY_TAG.findall(utf8))
    if entries > MAX_ENTRIES:
        raise ParseError(
            f"refused: the document has {entries:,} entries, more than the {MAX_ENTRIES:,} a feed may hold"
        )


def _feedparser(body: bytes, headers: dict[str, str]) -> dict:
    """feedparser's result as plain, picklable parts."""
    # A stream, never bytes: feedparser would open bytes naming a file.
    # No sanitizing or rewriting of links inside the HTML: every title and
    # body becomes text in pipelines.text, which drops what the sanitizer
    # would (scripts, styles, handlers) and keeps no links. That work was a
    # third of feedparser's time, spent on markup thrown away.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=False)
    bozo = bool(parsed.get("bozo"))
    return {
        "feed": dict(parsed.get("feed", {})),
        "entries": list(parsed.entries),
        "version": parsed.get("version", "") or "",
        "bozo": bozo,
        "reason": _first_line(parsed.get("bozo_exception", "")) if bozo else None,
    }


def _read(body: bytes, headers: dict[str, str]) -> dict:
    """What ``_feedparser`` gives: from pipelines.fast_feed when it reads the
    document (plain RSS 2.0 and Atom, a fraction of feedparser's time), else
    from feedparser."""
    fast = fast_feed.read(body, headers)
    if fast is None:
        return _feedparser(body, headers)
    bozo = fast.pop("bozo")
    reason = fast.pop("bozo_exception")
    return {**fast, "bozo": bozo, "reason": _first_line(reason) if bozo else None}


def _mib(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB"


# Peak resident memory (KiB) of the parsing children of this process, for tests/hostile.
child_peak_kb = 0


# Below this size feedparser runs in this process: its cost is bounded by the
# size (entity declarations are refused before it runs; at its slowest, ~30 us
# per element, 256 KiB of tiny elements take about a second and ~40 MB), and a
# child process would cost more than the parse (~13 ms per document).
IN_PROCESS_MAX_BYTES = 256 * 1024


def _parse_fenced(body: bytes, headers: dict[str, str]) -> dict:
    """``_read`` in a child process with a CPU-time and a memory limit
    (warehouse.fenced): a runaway costs this document, not the run. Small
    documents are parsed here (IN_PROCESS_MAX_BYTES)."""
    global child_peak_kb
    if len(body) <= IN_PROCESS_MAX_BYTES:
        try:
            return _read(body, headers)
        except RecursionError:
            raise ParseError("refused: the document is nested too deeply to parse") from None
    cpu_s, memory = int(PARSE_CPU_LIMIT_S), int(PARSE_MEMORY_LIMIT)
    status, value, peak_kb = fenced.call("pipelines.parse", "_read", (body, headers),
                                         wall_s=PARSE_WALL_LIMIT_S, cpu_s=cpu_s, memory=memory)
    child_peak_kb = max(child_peak_kb, peak_kb)
    if status == "ok":
        return value
    if status == "cpu":
        raise ParseError(f"refused: parsing took more than the {cpu_s} s CPU time limit")
    if status == "memory":
        raise ParseError(f"refused: parsing needed more than the {_mib(memory)} memory limit")
    if status == "wall":
        raise ParseError(f"refused: parsing took more than the {PARSE_WALL_LIMIT_S:g} s time limit")
    if status == "error":
        if "RecursionError" in str(value):
            raise ParseError("refused: the document is nested too deeply to parse")
        raise ParseError(f"the parser failed ({value})")
    raise ParseError(f"refused: the parser was stopped at a limit ({cpu_s} s CPU, {_mib(memory)} memory)")


_DECLARED = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)(["'])""")
_CHARSET = re.compile(r";\s*charset\s*=\s*[^;]*", re.I)


def _retry_as_utf8(body: bytes, headers: dict[str, str]) -> dict | None:
    """A document that declares one encoding (in its XML declaration or the
    Content-Type) but is valid UTF-8 read as UTF-8, when the declared one
    gave nothing: a wrong declaration is a common publishing slip."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    declared = _DECLARED.match(body)
    charset = {k: v for k, v in headers.items() if k.lower() == "content-type" and _CHARSET.search(v)}
    if not charset and not (declared and declared.group(2).lower() not in (b"utf-8", b"utf8")):
        return None
    fixed = _DECLARED.sub(rb"\1utf-8\3", body, count=1)
    fixed_headers = {k: (_CHARSET.sub("; charset=utf-8", v) if k in charset else v) for k, v in headers.items()}
    parsed = _parse_fenced(fixed, fixed_headers)
    if not parsed["entries"]:
        return None
    parsed["bozo"], parsed["reason"] = True, "the declared encoding is wrong; read as UTF-8"
    return parsed


def parse_document(body: bytes, *, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes. Raise ParseError when nothing feed-like could be read
    or a limit was hit; a recoverable problem (feedparser's bozo with
    entries) becomes a warning."""
    headers = dict(headers or {})
    precheck(body, headers)
    parsed = _parse_fenced(body, headers)
    if not parsed["entries"] and parsed["bozo"]:
        parsed = _retry_as_utf8(body, headers) or parsed
    entries = parsed["entries"]
    bozo, reason = parsed["bozo"], parsed["reason"]
    if not entries:
        if _HTML_START.match(body[:4096]):
            raise ParseError("an HTML page, not an RSS or Atom feed")
        if bozo:
            raise ParseError(f"not a well-formed feed ({reason})")
        if not parsed["version"]:
            raise ParseError("no RSS or Atom elements found")
    feed = parsed["feed"]
    warning = f"read with recovery: {reason}" if bozo and entries else None
    link = feed.get("link")
    return ParsedFeed(
        title=_cap(html_to_text(_text_of(feed.get("title"))[:MAX_RAW_HTML_CHARS]), MAX_FEED_TITLE_CHARS),
        link=link if isinstance(link, str) and len(link) <= MAX_URL_CHARS else None,
        version=parsed["version"],
        entries=entries,
        warning=warning,
    )


def _text_of(value) -> str:
    return value if isinstance(value, str) else ""


def _cap(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ", limit - 200)
    return (cut[:space] if space > 0 else cut).rstrip() + "…"


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clean(value) -> str:
    """A key or link: no control characters, no surrounding space."""
    return _CONTROLS.sub("", value).strip() if isinstance(value, str) else ""


def _timestamp(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                # feedparser normalises to UTC struct_time; timegm keeps it UTC.
                return datetime.utcfromtimestamp(calendar.timegm(value))
            except (OverflowError, ValueError, OSError, TypeError):
                continue
    return None


def _plausible(when: datetime | None, fetched_at: datetime) -> datetime | None:
    """A date feeds can honestly carry: not before 1990 (the epoch is a
    common placeholder) and not in the future (it would stay on top)."""
    if when is None or when < EARLIEST or when > fetched_at + FUTURE_SLACK:
        return None
    return when


def _body_html(entry) -> str:
    contents = [_text_of(c.get("value")) for c in entry.get("content", []) or [] if hasattr(c, "get")]
    longest = max(contents, key=len, default="")
    summary = _text_of(entry.get("summary"))
    return longest if len(longest) >= len(summary) else summary


_CIK_IN_TITLE = re.compile(r"\((\d{10})\)")


def filer_cik(entry) -> str | None:
    """The CIK of an EDGAR entry's filer: SEC's <company-info><cik>, else the
    "(0001326801)" in its title."""
    cik = _text_of(entry.get("cik")).strip()
    if cik.isdigit() and len(cik) <= 10:
        return cik.zfill(10)
    found = _CIK_IN_TITLE.search(_text_of(entry.get("title"))[:MAX_RAW_HTML_CHARS])
    return found.group(1) if found else None


def stable_key(entry) -> str:
    guid = _clean(entry.get("id") or entry.get("guid"))
    if not guid:
        guid = _clean(entry.get("link"))
    if not guid:
        title = _text_of(entry.get("title")).strip()
        date = _text_of(entry.get("published") or entry.get("updated"))
        guid = f"{title}|{date}"
    if len(guid) > MAX_KEY_CHARS:
        return "sha1:" + hashlib.sha1(guid.encode("utf-8", "replace")).hexdigest()
    return guid


def make_item_id(feed_name: str, key: str) -> str:
    return hashlib.sha1(f"{feed_name}\x1f{key}".encode("utf-8", "replace")).hexdigest()[:20]


def _note(parsed: ParsedFeed, text: str) -> None:
    parsed.warning = f"{parsed.warning}; {text}" if parsed.warning else text


def normalize_entries(
    parsed: ParsedFeed, *, feed_name: str, fetched_at: datetime, run_id: int | None = None
) -> list[dict]:
    """One record per entry, ready for ``warehouse.store.upsert_items``.
    An entry without a plausible date is dated when it was first fetched.
    What was cut or dropped is added to ``parsed.warning``."""
    items = []
    cut, undated, dropped_links, text_chars = 0, 0, 0, 0
    feed_cik, feed_company = feed_filer(parsed.title)
    for index, parsed_entry in enumerate(parsed.entries):
        # The plain dict of what feedparser stored: the fields read here are
        # stored under these names, and FeedParserDict's alias lookups cost
        # a tenth of this loop. (filings.py keeps the FeedParserDict.)
        entry = dict(parsed_entry)
        key = stable_key(entry)
        raw_title = _text_of(entry.get("title"))[:MAX_RAW_HTML_CHARS]
        title = html_to_text(raw_title)
        body = html_to_text(_body_html(entry)[:MAX_RAW_HTML_CHARS])
        if not key.strip("|") and not body:
            continue  # nothing to identify or analyse
        if len(title) > MAX_TITLE_CHARS or len(body) > MAX_BODY_CHARS:
            cut += 1
            title, body = _cap(title, MAX_TITLE_CHARS), _cap(body, MAX_BODY_CHARS)
        text_chars += len(title) + len(body)
        if text_chars > MAX_DOCUMENT_TEXT_CHARS and items:
            # Entries come newest first: keep the head, say what was left.
            _note(parsed, f"the document has more than {MAX_DOCUMENT_TEXT_CHARS:,} characters of text: "
                          f"its last {len(parsed.entries) - index} entries were not stored")
            parsed.entries = parsed.entries[:index]
            break
        url = _clean(entry.get("link")) or None
        if url and len(url) > MAX_URL_CHARS:
            url, dropped_links = None, dropped_links + 1
        published = _timestamp(entry)
        plausible = _plausible(published, fetched_at)
        undated += published is not None and plausible is None
        digest = hashlib.sha1("\x1f".join([title, body, url or ""]).encode("utf-8", "replace")).hexdigest()
        items.append(
            {
                "item_id": make_item_id(feed_name, key),
                "feed": feed_name,
                "item_guid": key,
                "url": url,
                "title": title,
                "author": _cap(html_to_text(_text_of(entry.get("author"))[:MAX_RAW_HTML_CHARS]),
                               MAX_AUTHOR_CHARS) or None,
                "published_at": plausible or fetched_at,
                "body": body,
                "content_hash": digest,
                "fetched_at": fetched_at,
                "run_id": run_id,
                "filer_cik": filer_cik(entry) or feed_cik,
                "filing": filing_fields(parsed_entry, feed_cik=feed_cik, feed_company=feed_company),
                "docket": docket_fields(parsed_entry, feed_title=parsed.title),
                "canonical_url": canonical_url(url),
                "title_key": title_key(title),
            }
        )
    if cut:
        _note(parsed, f"{cut} entries cut to {MAX_TITLE_CHARS:,} characters of title and "
                      f"{MAX_BODY_CHARS:,} of text")
    if undated:
        _note(parsed, f"{undated} entries dated before 1990 or in the future: dated when fetched")
    if dropped_links:
        _note(parsed, f"{dropped_links} links longer than {MAX_URL_CHARS:,} characters dropped")
    return items


def parse_feed(
    body: bytes, *, headers: dict[str, str] | None = None, feed_name: str, fetched_at: datetime,
    run_id: int | None = None,
) -> tuple[ParsedFeed, list[dict]]:
    """``parse_document`` then ``normalize_entries``: the feed (its entries
    dropped, as the items carry what was kept of them) and its items. What a
    worker process (pipelines.workers) sends back to the writer."""
    parsed = parse_document(body, headers=headers)
    items = normalize_entries(parsed, feed_name=feed_name, fetched_at=fetched_at, run_id=run_id)
    parsed.entries = []
    return parsed, items
