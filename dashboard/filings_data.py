"""Cached wrappers over the Filings page's named queries (filings_*.sql,
docket_gaps.sql). Like dashboard.data, every result is cached per published
snapshot (its version is part of the key), and nothing connects at import."""

from __future__ import annotations

import pandas as pd

from dashboard.data import _cached  # one cache of named queries per snapshot
from warehouse import db

# Annual reports: where a company lists its competitors under legal duty.
ANNUAL_FORMS = ("10-K", "20-F", "40-F")
PASSAGE_LIMIT = 500
DOCUMENT_LIMIT = 500


def _run(name: str, **params) -> pd.DataFrame:
    path = db.resolve_db_path()
    return _cached(str(path), db.snapshot_version(path), name, **params)


def _list(values) -> list[str]:
    return sorted({str(v) for v in values or ()})


def form_types() -> pd.DataFrame:
    """form_type, filings: the forms stored, most frequent first."""
    return _run("filings_form_types")


def timeline(*, forms=(), companies=(), dockets: bool = True) -> pd.DataFrame:
    """kind (filing | docket), company, day, label (form type or "docket entry"),
    reference, title, url (http(s) only), feed; newest first."""
    return _run("filings_timeline", forms=_list(forms), companies=_list(companies), dockets=bool(dockets))


def competitor_matrix(forms=ANNUAL_FORMS) -> pd.DataFrame:
    """filer, competitor, filings, statements, threat, benchmark, last_filed."""
    return _run("filings_competitor_matrix", forms=_list(forms))


def competitor_passages(*, forms=ANNUAL_FORMS, filer: str | None = None, competitor: str | None = None,
                        limit: int = PASSAGE_LIMIT) -> pd.DataFrame:
    """The sentences behind the matrix: filed_at, filer, competitor, form_type,
    accession, section, stance, evidence, passage, url."""
    return _run("filings_competitor_passages", forms=_list(forms), filer=filer or None,
                competitor=competitor or None, limit=int(limit))


def documents(limit: int = DOCUMENT_LIMIT) -> pd.DataFrame:
    """Filing documents read: filed_at, filer, form_type, accession, status,
    bytes, truncated, note, fetched_at, passages, url."""
    return _run("filings_documents", limit=int(limit))


def docket_cases() -> pd.DataFrame:
    """court, case_number, case_name, entries, first_entry, last_entry, parties."""
    return _run("filings_docket_cases")


def docket_entries(case_number: str, court: str | None = None) -> pd.DataFrame:
    """filed_at, entry_number, description, case_name, court, url of one case."""
    return _run("filings_docket_entries", case_number=case_number, court=court)


def docket_gaps() -> pd.DataFrame:
    """Docket feeds that may have missed entries (docket_gaps.sql): feed, url,
    last_success_at, previous_success_at, gap_hours, warning. For the feed page."""
    path = db.resolve_db_path()
    # The clock is a parameter of the query; an hourly key keeps the cache useful.
    now = pd.Timestamp(db.utcnow()).floor("h").to_pydatetime()
    return _cached(str(path), db.snapshot_version(path), "docket_gaps", now=now)
