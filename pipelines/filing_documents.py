"""Filing documents, as plain functions: which document of a filing to read
(the primary one, from EDGAR's filing index page), its text, and the
passages of it that the analysis reads.

The passages are the paragraphs that name a catalog company other than the
filer, each labelled with the section it sits in:

- ``competition``: the "Competition" part of Item 1 (Business), or any
  paragraph headed "Competition" (an S-1 has no item numbers);
- ``risk_factors``: Item 1A (Risk Factors) paragraphs that speak of
  competition, or that follow a risk-factor heading that does;
- ``other``: the rest (an 8-K naming a partner, a risk about a supplier).

Only ``competition`` and ``risk_factors`` passages feed `filing_competitors`;
every passage is analysed with the filer as the speaker.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from pipelines.catalog import Catalog
from pipelines.text import html_to_text

SECTIONS = ("competition", "risk_factors", "other")
MAX_PASSAGES = 120          # per document: a 10-K names companies a few dozen times at most
MAX_COMPETITION_PARAGRAPHS = 25

_DOCUMENT_SUFFIXES = (".htm", ".html", ".txt", ".xml")
_INDEX = re.compile(r"-index(?:-headers)?\.html?$", re.I)
_HTML_HINT = re.compile(rb"<\s*(?:html|body|div|p|table|span|font|br)\b", re.I)
_IX_HEADER = re.compile(r"<ix:header\b.*?</ix:header\s*>", re.I | re.S)
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)

_COMPETE = re.compile(r"\bcompet\w*|\brivals?\b", re.I)
_ITEM = re.compile(r"^\s*item\s+(\d{1,2}[a-d]?)\b\s*[.:\-\u2013\u2014]?\s*(.*)$", re.I)
_RISK_HEADING = re.compile(r"^\s*(?:item\s+1a\b\s*[.:\-\u2013\u2014]?\s*)?risk\s+factors\b\W*(?:\d+\s*)?$", re.I)
_COMPETITION_HEADING = re.compile(
    r"^\s*(?:competition|competitors|our competitors|competitive (?:environment|landscape|conditions|position)"
    r"|the competitive landscape)\s*[.:]?\s*$", re.I)
_COMPETITION_RUN_IN = re.compile(r"^\s*competition\s*[.:\u2014\u2013-]\s+\S", re.I)
# Headings that end Item 1A in documents without item numbers (an S-1, a proxy).
_AFTER_RISKS = re.compile(
    r"^\s*(?:unresolved staff comments|cybersecurity|properties|legal proceedings|use of proceeds|"
    r"dividend policy|capitalization|dilution|special note regarding forward[- ]looking statements|"
    r"cautionary note regarding forward[- ]looking statements|management.s discussion and analysis)\b", re.I)
_SHORT_HEADING_WORDS = 8


@dataclass(frozen=True)
class Passage:
    section: str
    text: str


# -- which document -------------------------------------------------------------------


def is_index_url(url: str) -> bool:
    """EDGAR's filing index page ("...-index.htm"), not a document."""
    return bool(_INDEX.search(urlsplit(url).path))


def is_document_url(url: str) -> bool:
    """An entry link that already points at a document (not an index or a folder)."""
    path = urlsplit(url).path.lower()
    return path.endswith(_DOCUMENT_SUFFIXES) and not is_index_url(url)


def _strip_viewer(href: str) -> str:
    """'/ix?doc=/Archives/...htm' (the inline XBRL viewer) -> '/Archives/...htm'."""
    parts = urlsplit(href)
    if parts.path.rstrip("/").endswith(("/ix", "/ixviewer/doc/action", "/cgi-bin/viewer")) or parts.path == "/ix":
        doc = parse_qs(parts.query).get("doc")
        if doc:
            return doc[0]
    return href


def _same_form(cell: str, form_type: str) -> bool:
    """'10-K' matches '10-K' and its amendment '10-K/A', either way round."""
    cell, form = cell.strip().upper(), form_type.strip().upper()
    return bool(form) and cell.removesuffix("/A") == form.removesuffix("/A")


def primary_document_url(index_html: str, index_url: str, form_type: str | None) -> str | None:
    """The primary document of a filing from its index page: the first row of
    the "Document Format Files" table whose Type is the form type, else the
    first row with a document link. Only links on the index page's own host
    are followed (an index page cannot send us elsewhere)."""
    tree = LexborHTMLParser(index_html or "")
    tables = tree.css('table[summary="Document Format Files"]') or tree.css("table.tableFile")
    rows: list[tuple[str, str]] = []  # (type, href)
    for table in tables[:1]:
        for row in table.css("tr"):
            cells = row.css("td")
            if len(cells) < 4:
                continue
            link = cells[2].css_first("a")
            href = (link.attributes.get("href") or "").strip() if link is not None else ""
            if href:
                rows.append((cells[3].text(strip=True), href))
    chosen = next((href for kind, href in rows if form_type and _same_form(kind, form_type)), None)
    if chosen is None:
        chosen = next((href for _kind, href in rows if urlsplit(href).path.lower().endswith(_DOCUMENT_SUFFIXES)),
                      None)
    if chosen is None:
        return None
    url = urljoin(index_url, _strip_viewer(chosen))
    base, target = urlsplit(index_url), urlsplit(url)
    if target.scheme not in ("http", "https") or target.hostname != base.hostname:
        return None
    return url


# -- its text --------------------------------------------------------------------------


def decode(body: bytes, content_type: str | None = None) -> str:
    """Bytes to str: the declared charset, else UTF-8, else windows-1252 (what
    older EDGAR documents are written in)."""
    declared = _CHARSET.search(content_type or "")
    for encoding in ([declared.group(1)] if declared else []) + ["utf-8"]:
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def document_text(body: bytes, content_type: str | None = None) -> str:
    """Plain text of an HTML or text filing document, paragraphs kept."""
    text = decode(body, content_type)
    if "html" in (content_type or "").lower() or _HTML_HINT.search(body[:200_000]):
        # Inline XBRL keeps its machine-readable facts in a hidden header: not prose.
        return html_to_text(_IX_HEADER.sub(" ", text))
    # Plain text: blank lines separate paragraphs, single newlines are layout;
    # escaped so that a "<PAGE>" or "AT&T" stays text.
    return html_to_text(text.replace("&", "&amp;").replace("<", "&lt;"))


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _size(n: int) -> str:
    for unit, step in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if n >= step and n % step == 0:
            return f"{n // step} {unit}"
    return f"{n:,} bytes"


def truncation_note(max_bytes: int, declared: str | None) -> str:
    """What a truncated document's row says: how big it was, what was kept."""
    size = _size(max_bytes)
    whole = f"the document is {int(declared):,} bytes" if declared and declared.isdigit() else \
        f"the document is larger than {size}"
    return f"truncated: {whole}; only the first {size} were read (max_document_bytes)"


# -- its passages ----------------------------------------------------------------------


def _is_heading(paragraph: str) -> bool:
    """A short line in heading style: few words, no closing punctuation."""
    words = paragraph.split()
    return 0 < len(words) <= _SHORT_HEADING_WORDS and not paragraph.rstrip().endswith((".", ",", ";", ":")) \
        and paragraph.lstrip()[:1].isupper()


def _item_of(paragraph: str) -> str | None:
    if len(paragraph) > 160:
        return None
    found = _ITEM.match(paragraph)
    return found.group(1).lower() if found else None


def _sections(paragraphs: list[str]) -> list[str]:
    """The section of every paragraph: competition, risk_factors or other."""
    labels = ["other"] * len(paragraphs)
    # Risk factors: from each "Item 1A"/"Risk Factors" heading to the next item
    # heading (or the heading that follows risks in an S-1). The table of
    # contents lists the same headings: its span is short, so the longest wins.
    spans = []
    for start, paragraph in enumerate(paragraphs):
        if len(paragraph) <= 160 and (_item_of(paragraph) == "1a" or _RISK_HEADING.match(paragraph)):
            end = start + 1
            while end < len(paragraphs):
                item = _item_of(paragraphs[end])
                if (item is not None and item != "1a") or (
                        _AFTER_RISKS.match(paragraphs[end]) and _is_heading(paragraphs[end])):
                    break
                end += 1
            spans.append((sum(len(p) for p in paragraphs[start:end]), start, end))
    if spans:
        _, start, end = max(spans)
        for index in range(start + 1, end):
            labels[index] = "risk_factors"
    # Competition: from a "Competition" heading to the next heading-like line
    # that is not about competition, or a run-in "Competition. We ..." paragraph.
    for start, paragraph in enumerate(paragraphs):
        if _COMPETITION_RUN_IN.match(paragraph) and not _COMPETITION_HEADING.match(paragraph):
            labels[start] = "competition"
        if not _COMPETITION_HEADING.match(paragraph):
            continue
        for index in range(start + 1, min(start + 1 + MAX_COMPETITION_PARAGRAPHS, len(paragraphs))):
            following = paragraphs[index]
            if _item_of(following) is not None or (_is_heading(following) and not _COMPETE.search(following)):
                break
            labels[index] = "competition"
    return labels


def _names_another(paragraph: str, catalog: Catalog, filer: str | None) -> bool:
    return any(catalog.aliases[m.group()][0].company != filer for m in catalog.pattern.finditer(paragraph))


def find_passages(text: str, catalog: Catalog, filer: str | None = None) -> list[Passage]:
    """The paragraphs of a document that name a catalog company other than
    the filer, in document order, each with its section (see the module)."""
    paragraphs = [p.strip() for p in (text or "").split("\n\n") if p.strip()]
    labels = _sections(paragraphs)
    found: list[Passage] = []
    seen: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        if paragraph in seen or not _names_another(paragraph, catalog, filer):
            continue
        section = labels[index]
        if section == "risk_factors":
            heading = paragraphs[index - 1] if index else ""
            if not (_COMPETE.search(paragraph) or _COMPETE.search(heading)):
                section = "other"
        seen.add(paragraph)
        found.append(Passage(section, paragraph))
        if len(found) >= MAX_PASSAGES:
            break
    return found
