"""Filing and docket fields from feed entries: SEC EDGAR (per-company Atom,
latest filings, XBRL RSS) and court dockets (PACER CM/ECF RSS,
CourtListener). Plain functions over feedparser entries.

EDGAR spells the same field several ways (``accession-number``, the misspelt
``accession-nunber``, ``edgar_accessionnumber``) and puts the filer in the
entry, in the title ("4 - ESGEN LLC (0001865514) (Reporting)") or only in the
feed's title ("Apple Inc. (0000320193)"); every source is tried in turn.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from pipelines.text import html_to_text

_ACCESSION = re.compile(r"\b(\d{10}-\d{2}-\d{6})\b")
_CIK_IN_TITLE = re.compile(r"\((\d{10})\)")
_FILED = re.compile(r"Filed:\s*(?:</b>)?\s*(\d{4}-\d{2}-\d{2})")
# "2:13-cv-01808", "3:23-cv-03417-VC", "5:18-~gr-00001", appellate "22-1214".
_CASE_NUMBER = re.compile(r"^\s*(\d:\d{2}-[a-z~]{1,4}-\d{3,6}(?:-[A-Z]{1,4})*|\d{2}-\d{3,5})\b\s*(.*)$")
_DOCKET_HOSTS = ("uscourts.gov", "courtlistener.com")


def _first(entry, *keys) -> str | None:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%Y%m%d"):
        try:
            return datetime.strptime(value.strip()[:10], fmt)
        except ValueError:
            continue
    return None


def feed_filer(feed_title: str | None) -> tuple[str | None, str | None]:
    """(CIK, company name) from a per-company feed title "Apple Inc.  (0000320193)"."""
    found = _CIK_IN_TITLE.search(feed_title or "")
    if not found:
        return None, None
    return found.group(1), re.sub(r"\s+", " ", feed_title[: found.start()]).strip() or None


def filing_fields(entry, *, feed_cik: str | None = None, feed_company: str | None = None) -> dict | None:
    """accession, form_type, cik, company_name, filed_at, url, role; None when the
    entry is no EDGAR filing."""
    link = entry.get("link") or ""
    # Asked first, as it is the cheap question: most entries are news.
    if "sec.gov" not in link and "sec.gov" not in (entry.get("id") or "") and not entry.get("edgar_accessionnumber"):
        return None
    accession = _first(entry, "accession-number", "accession-nunber", "edgar_accessionnumber")
    if accession is None:
        for source in (entry.get("id"), entry.get("link"), entry.get("summary")):
            found = _ACCESSION.search(source or "")
            if found:
                accession = found.group(1)
                break
    if accession is None:
        return None
    title = html_to_text(entry.get("title", ""))
    tags = entry.get("tags") or []
    form_type = _first(entry, "filing-type", "edgar_formtype") or (tags[0].get("term") if tags else None)
    if not form_type and " - " in title:
        form_type = title.split(" - ", 1)[0].strip()
    in_title = _CIK_IN_TITLE.search(title)
    cik = _first(entry, "cik", "edgar_ciknumber") or (in_title.group(1) if in_title else None) or feed_cik
    company = _first(entry, "conformed-name", "edgar_companyname")
    if company is None and in_title and " - " in title:
        company = title.split(" - ", 1)[1][: in_title.start() - len(title.split(" - ", 1)[0]) - 3].strip()
    company = company or feed_company
    role = re.search(r"\((Filer|Reporting|Issuer|Subject|Filed by|Filer for)\)\s*$", title)
    filed = _date(_first(entry, "filing-date", "edgar_filingdate"))
    if filed is None:
        found = _FILED.search(entry.get("summary", "") or "")
        filed = _date(found.group(1)) if found else None
    return {
        "accession": accession,
        "form_type": (form_type or "").upper() or None,
        "cik": cik.zfill(10) if cik and cik.isdigit() else cik,
        "company_name": company,
        "filed_at": filed,
        "url": _first(entry, "filing-href") or link or None,
        "role": role.group(1) if role else None,
    }


def _court(feed_title: str | None, link: str) -> str | None:
    """"Southern District of West Virginia" from "... - Recent Entries", else the
    CM/ECF host's court code ("cand" in ecf.cand.uscourts.gov)."""
    if feed_title:
        name = re.sub(r"\s*-\s*Recent Entries\b", "", feed_title).strip()
        if name:
            return name
    host = urlsplit(link).hostname or ""
    parts = host.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "ecf" else (host or None)


def docket_fields(entry, *, feed_title: str | None = None) -> dict | None:
    """court, case_number, case_name, entry_number, filed_at, description, url;
    None when the entry is no docket entry."""
    link = entry.get("link") or entry.get("id") or ""
    if not any(host in link for host in _DOCKET_HOSTS):
        return None
    # PACER double-escapes titles ("Food &amp;amp; Water Watch"): unescape twice.
    title = html_to_text(html_to_text(entry.get("title", "")))
    found = _CASE_NUMBER.match(title)
    if not found:
        return None
    summary_html = entry.get("summary", "") or ""
    description = html_to_text(summary_html)
    bracket = re.match(r"\s*\[(?P<what>[^\]]+)\]", description)
    number = re.search(r">\s*(\d{1,6})\s*<", summary_html)
    if number is None:
        number = re.search(r"[&?](?:de_seq_num=)?(\d{1,6})$", entry.get("id", "") or "")
    doc = re.search(r"href=['\"]([^'\"]+)['\"]", summary_html)
    return {
        "court": _court(feed_title, link),
        "case_number": found.group(1),
        "case_name": found.group(2).strip() or None,
        "entry_number": int(number.group(1)) if number else None,
        "description": bracket.group("what").strip() if bracket else (description or None),
        "url": html_to_text(doc.group(1)) if doc else (entry.get("link") or None),
    }
