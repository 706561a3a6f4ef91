"""The ingest edge: read sources (files or URLs), parse, load, analyse.

Each source lands in its own transaction, so a broken one costs nothing but
itself; analysis runs afterwards over every item whose stored analysis is
missing or stale, so a run that died half-way is completed by the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from pipelines import ANALYZER_VERSION
from pipelines.analyze import analyze_columns
from pipelines.catalog import Catalog
from pipelines.fetch import DEFAULT_USER_AGENT, MAX_BYTES, FetchError, fetch, redact
from pipelines.parse import ParsedFeed, ParseError, normalize_entries, parse_document
from pipelines.workers import Workers
from warehouse import store
from warehouse.db import utcnow

KINDS = ("news", "blog", "edgar", "docket")
ANALYSIS_BATCH = 500


@dataclass
class SourceOutcome:
    source: str
    feed: str | None = None
    ok: bool = False
    items_seen: int = 0
    items_new: int = 0
    items_changed: int = 0
    skipped: int = 0
    duplicates: int = 0
    message: str = ""
    warning: str | None = None
    owner_guessed: str | None = None  # the company whose own site the feed comes from

    def line(self) -> str:
        if not self.ok:
            return f"error  {self.source}: {self.message}"
        text = (
            f"ok     {self.feed} ({self.source}): {self.items_seen} items, "
            f"{self.items_new} new, {self.items_changed} changed"
        )
        if self.duplicates:
            text += f", {self.duplicates} repeated keys"
        if self.skipped:
            text += f", {self.skipped} empty entries skipped"
        if self.warning:
            text += f" [{self.warning}]"
        if self.owner_guessed:
            text += f" [speaking: {self.owner_guessed}, from its own site; --owner none to turn off]"
        return text


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def read_source(
    source: str, *, user_agent: str = DEFAULT_USER_AGENT, max_bytes: int = MAX_BYTES,
    allow_private_networks: bool | list[str] = False,
) -> tuple[bytes, dict[str, str]]:
    """Bytes and response headers of a URL or a local file."""
    if is_url(source):
        response = fetch(source, user_agent=user_agent, max_bytes=max_bytes,
                         allow_private_networks=allow_private_networks)
        if response.status >= 400:
            raise FetchError(f"server answered HTTP {response.status}")
        return response.body, response.headers
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError("no such file")
    if path.stat().st_size > max_bytes:
        raise ParseError(f"file larger than the {max_bytes // (1024 * 1024)} MiB cap")
    return path.read_bytes(), {}


def guess_kind(parsed: ParsedFeed, source: str) -> str:
    """EDGAR and PACER feeds announce themselves; everything else is news."""
    where = f"{parsed.link or ''} {source}".lower()
    if "sec.gov" in where or re.search(r"\(\d{10}\)", parsed.title or ""):
        return "edgar"
    if "uscourts.gov" in where or "courtlistener" in where:
        return "docket"
    return "news"


_DATED_TITLE = re.compile(r"^(?P<name>.+?)\s+-\s+\w{3}, \d{1,2} \w{3} \d{4} [\d:]+(?: \w+)?$")


def default_feed_name(parsed: ParsedFeed, source: str) -> str:
    """The feed's title, without the timestamp that EDGAR's "Latest Filings"
    puts in it (else every fetch would make a new feed)."""
    if parsed.title:
        dated = _DATED_TITLE.match(parsed.title)
        return dated.group("name") if dated else parsed.title
    if is_url(source):
        return urlsplit(source).hostname or source
    return Path(source).stem


def ingest_source(
    con: duckdb.DuckDBPyConnection, source: str, *, feed_name: str | None, owner: str | None,
    kind: str | None, run_id: int, fetch_options: dict, catalog: Catalog | None = None,
) -> SourceOutcome:
    shown = redact(source)
    outcome = SourceOutcome(source=shown)
    try:
        body, headers = read_source(source, **fetch_options)
        parsed = parse_document(body, headers=headers)
    except (FetchError, ParseError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        outcome.message = reason.splitlines()[0] if reason else type(exc).__name__
        return outcome
    name = feed_name or default_feed_name(parsed, source)
    items = normalize_entries(parsed, feed_name=name, fetched_at=utcnow(), run_id=run_id)
    for item in items:
        if item.get("filing"):
            # The filer speaks in its filing: its CIK names the catalog company.
            item["filing"]["company"] = catalog.company_for_cik(item["filing"]["cik"]) if catalog else None
    kind = kind or guess_kind(parsed, source)
    if owner is None and catalog is not None and kind in ("news", "blog"):
        # A feed from a company's own site (its blog, its newsroom) is the
        # company speaking, as `--owner` would say; "" means nobody.
        owner = outcome.owner_guessed = catalog.company_for_site(source if is_url(source) else None, parsed.link)
    con.execute("BEGIN TRANSACTION")
    try:
        store.upsert_feed(
            con, name=name, url=shown if is_url(source) else str(Path(source).resolve()),
            kind=kind, owner=owner or None, title=parsed.title, site_url=parsed.link,
        )
        new_ids, changed_ids = store.upsert_items(con, items)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    outcome.ok = True
    outcome.feed = name
    outcome.items_seen = len(items)
    outcome.duplicates = len(items) - len({item["item_id"] for item in items})
    outcome.items_new = len(new_ids)
    outcome.items_changed = len(changed_ids)
    outcome.skipped = len(parsed.entries) - len(items)
    outcome.warning = parsed.warning
    return outcome


def analysis_records(frame) -> list[dict]:
    """Rows of ``store.items_to_analyze`` as the analyzer takes them."""
    # SQL NULLs arrive as NaN in pandas; the analyzer wants None.
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def analyze_pending(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, *, item_ids: Iterable[str] | None = None,
    everything: bool = False, workers: Workers | None = None,
) -> int:
    """Analyse items whose analysis is missing or stale, in batches; with
    ``everything`` re-analyse all stored items (after a rule change). New
    items first get their stories (copies of one story across feeds).
    ``workers``: a caller's running pool, used whatever the count."""
    store.assign_stories(con)
    frame = (
        store.all_items_for_analysis(con) if everything
        else store.items_to_analyze(con, ANALYZER_VERSION, catalog.version, item_ids)
    )
    records = analysis_records(frame)
    batches = [records[start : start + ANALYSIS_BATCH] for start in range(0, len(records), ANALYSIS_BATCH)]
    for rows in _analyzed(batches, catalog, workers):
        store.replace_analysis(con, **rows)  # the one writer stays in this process
    return len(records)


# Analysis is pure Python and CPU-bound: past this many items, worker
# processes (one per core) pay for their start-up (~0.3 s each).
POOL_MIN_ITEMS = 1000
LAST_RUN_POOLED = False  # whether the last large analysis really ran in worker processes


def _analyzed(batches: list[list[dict]], catalog: Catalog, workers: Workers | None = None):
    """Analysis rows per batch, in order; in worker processes when there is
    enough work or the caller's are running already."""
    global LAST_RUN_POOLED
    own = workers is None
    workers = workers or Workers(catalog)
    try:
        if not batches or not workers.useful or (
                not workers.started and sum(len(b) for b in batches) < POOL_MIN_ITEMS):
            for batch in batches:  # in the form the workers send: each table as columns
                yield analyze_columns(batch, catalog, now=utcnow())
            return
        jobs = [workers.analyze(batch, utcnow()) for batch in batches]
        for job in jobs:
            yield job.result()
        LAST_RUN_POOLED = not workers.broken
    except BaseException:  # Ctrl+C, a failed write: the batches not started yet are dropped, not waited for
        if own:
            workers.close(cancel=True)
        raise
    finally:
        if own:
            workers.close()


def ingest(
    con: duckdb.DuckDBPyConnection, sources: list[str], catalog: Catalog, *,
    feed_name: str | None = None, owner: str | None = None, kind: str | None = None,
    fetch_options: dict | None = None, command: str = "ingest",
) -> tuple[list[SourceOutcome], int]:
    """Ingest every source; return the outcomes and how many items were analysed."""
    run_id = store.start_run(con, command)
    outcomes = [
        ingest_source(con, source, feed_name=feed_name, owner=owner, kind=kind, run_id=run_id,
                      fetch_options=fetch_options or {}, catalog=catalog)
        for source in sources
    ]
    analysed = analyze_pending(con, catalog)
    errors = sum(1 for o in outcomes if not o.ok)
    status = "ok" if not errors else ("failed" if errors == len(outcomes) else "partial")
    store.finish_run(
        con, run_id, status=status, items_seen=sum(o.items_seen for o in outcomes),
        items_new=sum(o.items_new for o in outcomes), errors=errors,
        detail=[{"source": o.source, "feed": o.feed, "ok": o.ok, "new": o.items_new,
                 "message": o.message or o.warning} for o in outcomes],
    )
    return outcomes, analysed
