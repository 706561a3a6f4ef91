"""The filing-document edge: fetch a filing's primary document (through its
EDGAR index page when the entry links there) and turn it into the row
`warehouse.filing_store.save_document` stores. ``fetch_document`` runs in
worker threads (no database); ``fetch_pending`` picks the work and stores
each row from the calling thread as it arrives. SEC fair access (contact,
rate limit, pause) is applied by fetch() on every request.

A document over the cap is cut at the cap and its row says so (``truncated``
and ``note``); a document that could not be read gets a row with the reason
and is tried again later (a few times). A refusal that is not the
document's fault (EDGAR paused, or answering 403/429) stores nothing, so the
document stays pending.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from pipelines import sec_access
from pipelines.feeds import Feed, Settings
from pipelines.fetch import EdgarPaused, EdgarRefused, FetchError, fetch, redact
from pipelines.filing_documents import (
    document_text,
    is_document_url,
    primary_document_url,
    text_hash,
    truncation_note,
)
from warehouse import filing_store

DOCUMENT_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.5"
INDEX_MAX_BYTES = 2 * 1024 * 1024
MAX_ATTEMPTS = 3
RETRY_AFTER = timedelta(hours=6)  # between attempts at a document that failed


class DocumentSkipped(RuntimeError):
    """Not fetched now, through no fault of the document; the message says why."""


@dataclass(frozen=True)
class DocumentJob:
    item_id: str
    accession: str
    form_type: str | None
    url: str
    feed: str


def _row(job: DocumentJob, *, fetched_at: datetime, run_id: int | None, **fields) -> dict:
    return {"item_id": job.item_id, "accession": job.accession, "fetched_at": fetched_at, "run_id": run_id,
            "truncated": False, **fields}


def _get(url: str, fetch_options: dict, client, **options):
    got = fetch(url, headers={"Accept": DOCUMENT_ACCEPT}, client=client, **{**fetch_options, **options})
    if got.status in sec_access.PAUSE_STATUSES and sec_access.GATE.covers(urlsplit(got.final_url).hostname):
        raise DocumentSkipped(f"{redact(got.final_url)} answered HTTP {got.status}; EDGAR fetching pauses")
    if got.status != 200:
        raise FetchError(f"{redact(got.final_url)} answered HTTP {got.status}")
    return got


def fetch_document(
    job: DocumentJob, *, fetch_options: dict, max_bytes: int, client=None, fetched_at: datetime,
    run_id: int | None = None,
) -> dict:
    """The row for one filing's document; raises DocumentSkipped when
    nothing should be stored now (EDGAR paused or refusing)."""
    index_url = None
    try:
        url = job.url
        if not is_document_url(url):
            index_url = url
            index = _get(url, fetch_options, client, max_bytes=INDEX_MAX_BYTES)
            url = primary_document_url(index.body.decode("utf-8", errors="replace"), index.final_url, job.form_type)
            if url is None:
                raise FetchError(f"no {job.form_type or 'primary'} document listed on the filing index page "
                                 f"{redact(index.final_url)}")
        got = _get(url, fetch_options, client, max_bytes=max_bytes, truncate=True)
    except (EdgarPaused, EdgarRefused) as exc:
        raise DocumentSkipped(str(exc)) from None
    except FetchError as exc:
        return _row(job, fetched_at=fetched_at, run_id=run_id, url=job.url, index_url=index_url, status="error",
                    note=str(exc).splitlines()[0])
    text = document_text(got.body, got.headers.get("content-type"))
    note = truncation_note(max_bytes, got.headers.get("content-length")) if got.truncated else None
    return _row(job, fetched_at=fetched_at, run_id=run_id, url=redact(got.final_url), index_url=index_url,
                status="truncated" if got.truncated else "ok", bytes=len(got.body), truncated=got.truncated,
                note=note, text=text, text_hash=text_hash(text))


def document_from_file(path: Path, *, item_id: str, accession: str, fetched_at: datetime, url: str | None = None,
                       max_bytes: int | None = None) -> dict:
    """The row for a document read from a local file (the bundled demo), with
    the same cap and note as a fetched one."""
    body = path.read_bytes()
    cut = max_bytes is not None and len(body) > max_bytes
    if cut:
        body = body[:max_bytes]
    content_type = "text/html" if path.suffix.lower() in (".htm", ".html") else "text/plain"
    text = document_text(body, content_type)
    return {"item_id": item_id, "accession": accession, "url": url or path.name, "index_url": None,
            "fetched_at": fetched_at, "status": "truncated" if cut else "ok", "bytes": len(body), "truncated": cut,
            "note": truncation_note(max_bytes, str(path.stat().st_size)) if cut else None, "text": text,
            "text_hash": text_hash(text), "run_id": None}


def _attempt(job: DocumentJob, **options) -> dict:
    try:
        return fetch_document(job, **options)
    except DocumentSkipped:
        raise
    except Exception as exc:  # a bug must cost one document, not the run
        return _row(job, fetched_at=options["fetched_at"], run_id=options.get("run_id"), url=job.url,
                    status="error", note=f"unexpected {type(exc).__name__}: {exc}")


def fetch_pending(
    con, feeds: list[Feed], settings: Settings, *, client, now: datetime, run_id: int | None, reporter=None,
) -> list[str]:
    """Fetch and store the pending documents of these EDGAR feeds (their
    chosen forms, at most ``documents_per_refresh`` each, newest first);
    return the items whose document was stored. A document already stored
    for the same accession in another feed is copied, not fetched again."""
    jobs: list[DocumentJob] = []
    for feed in feeds:
        frame = filing_store.pending_documents(
            con, feed=feed.name, forms=feed.forms or settings.edgar_forms, limit=settings.documents_per_refresh,
            retry_before=now - RETRY_AFTER, max_attempts=MAX_ATTEMPTS)
        jobs += [DocumentJob(item_id=r["item_id"], accession=r["accession"], form_type=r["form_type"], url=r["url"],
                             feed=feed.name) for r in frame.to_dict("records")]
    stored = [job.item_id for job in jobs if filing_store.copy_document(con, job.accession, job.item_id)]
    jobs = [job for job in jobs if job.item_id not in stored]
    if not jobs:
        return stored
    if reporter is not None:
        reporter.phase(f"fetching {len(jobs)} filing documents")
    options = dict(fetch_options=settings.fetch_options(), max_bytes=settings.max_document_bytes, client=client,
                   fetched_at=now, run_id=run_id)
    skipped: list[str] = []
    # Documents live on one host (www.sec.gov): as many at once as one host may take.
    with ThreadPoolExecutor(settings.per_host_concurrency) as pool:
        futures = {pool.submit(_attempt, job, **options): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                row = future.result()
            except DocumentSkipped as exc:
                skipped.append(str(exc))
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                filing_store.save_document(con, row)
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            stored.append(job.item_id)
            if row.get("note") and reporter is not None:
                reporter.note(f"{'error' if row['status'] == 'error' else 'doc'}".ljust(7)
                              + f"{job.feed} {job.accession} ({job.form_type}): {row['note']}")
    if skipped and reporter is not None:
        reporter.note(f"skip   {len(skipped)} filing documents left for a later refresh: {skipped[0]}")
    return stored
