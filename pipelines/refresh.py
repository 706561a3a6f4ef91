"""One refresh pass over the configured feeds: polite, incremental, and
safe to kill at any point.

- Feeds are fetched in a thread pool (a per-host limit keeps us polite) with
  conditional GET; a body whose hash did not change is not parsed again.
- Parsing and analysis are CPU work: past the first few documents of a pass
  they run in worker processes, one per core (pipelines.workers), while
  fetching and storing go on here. Parsing goes first: new and changed items
  go back to the workers once stored, but their analysis waits while the
  workers have documents to parse, so every item of the pass is stored
  early and its story assigned while the workers analyse.
- The main thread alone writes: the feeds fetched since its last write land
  together, each feed's items with its new state, in one transaction (one
  write per feed cost more than the parsing), so a kill loses at most the
  feeds in flight, and those are fetched again next time.
- Analysis covers only items stored by this run and by runs that died (their
  ``runs`` row still says 'running'), so its cost follows new data.
- One refresh at a time: a lock file next to the warehouse (flock, released
  by the kernel even on SIGKILL) names its holder to a second one
  (pipelines.refresh_lock).
- Each feed's attempt and the rules for its next state are in
  pipelines.feed_attempt; what the pass reports, in pipelines.refresh_report;
  the parsing and analysis jobs and the writing of analyses, in
  pipelines.refresh_work.
- SEC EDGAR: feeds are refused without a contact in the User-Agent, skipped
  while EDGAR is paused (after a 403/429, kept across runs), and the filings
  of the chosen forms get their primary documents fetched after the feeds
  (pipelines.filing_fetch), all under one EDGAR rate limit.
"""

from __future__ import annotations

import queue
import random
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from threading import BoundedSemaphore
from urllib.parse import urlsplit

import duckdb

from pipelines import ANALYZER_VERSION, filing_fetch, sec_access
from pipelines.catalog import Catalog

# The lock, the attempt and its rules, the report and the workers' part of
# the pass live in modules of their own; some of their names are imported
# from here too (`as` marks re-exports).
from pipelines.feed_attempt import MAX_BACKOFF as MAX_BACKOFF
from pipelines.feed_attempt import Attempt, attempt_feed, next_state
from pipelines.feeds import Feed, FeedsConfig, Settings
from pipelines.fetch import new_client, redact
from pipelines.refresh_lock import RefreshBusy as RefreshBusy
from pipelines.refresh_lock import lock_path as lock_path
from pipelines.refresh_lock import refresh_lock
from pipelines.refresh_report import FeedOutcome, RefreshReport, Reporter
from pipelines.refresh_work import Analysis, Parsing
from pipelines.workers import POOL_AFTER_DOCUMENTS, Workers
from warehouse import db, feed_state, filing_store, store
from warehouse.db import utcnow
from warehouse.feed_state import FeedState


class WarehouseBusy(RuntimeError):
    """Another process (an ingest, a DuckDB CLI in write mode) holds the warehouse file."""


# -- the pass ---------------------------------------------------------------------------


def _round_robin_by_host(jobs: list[tuple[Feed, FeedState]]) -> list[tuple[Feed, FeedState]]:
    """Interleave hosts, so workers waiting on one host's limit do not starve the others."""
    by_host: dict[str, list] = {}
    for job in jobs:
        by_host.setdefault(urlsplit(job[1].fetch_url).hostname or "", []).append(job)
    ordered, queues = [], list(by_host.values())
    while queues:
        ordered += [queue.pop(0) for queue in queues]
        queues = [queue for queue in queues if queue]
    return ordered


def _store(con: duckdb.DuckDBPyConnection, batch: list[tuple[Attempt, FeedState]]) -> list[tuple[list[str], list[str]]]:
    """Feeds' items and their new states, in one transaction; (new ids,
    changed ids) of each feed."""
    con.execute("BEGIN TRANSACTION")
    try:
        store.upsert_feeds(con, [
            dict(name=attempt.feed.name, url=redact(state.fetch_url), kind=attempt.feed.kind,
                 owner=attempt.feed.owner, title=attempt.parsed.title, site_url=attempt.parsed.link)
            for attempt, state in batch if attempt.parsed is not None
        ])
        new_ids, changed_ids = store.upsert_items(con, [item for attempt, _ in batch for item in attempt.items])
        # Item ids hash the feed's name: each belongs to one feed of the batch.
        owner = {item["item_id"]: n for n, (attempt, _) in enumerate(batch) for item in attempt.items}
        per_feed: list[tuple[list[str], list[str]]] = [([], []) for _ in batch]
        for ids, slot in ((new_ids, 0), (changed_ids, 1)):
            for item_id in ids:
                per_feed[owner[item_id]][slot].append(item_id)
        feed_state.save_states(con, [replace(state, last_new_items=len(new))
                                     for (_, state), (new, _) in zip(batch, per_feed, strict=True)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return per_feed


def _store_each(con: duckdb.DuckDBPyConnection, batch: list[tuple[Attempt, FeedState]]) -> list:
    """What ``_store`` returns, or, for a feed that could not be stored, the
    error: a batch that fails is stored feed by feed, so one bad feed costs
    only itself."""
    try:
        return _store(con, batch)
    except duckdb.Error as exc:
        if len(batch) == 1:
            return [exc]
    results = []
    for one in batch:
        try:
            results += _store(con, [one])
        except duckdb.Error as exc:
            results.append(exc)
    return results


def _record(con, attempts: list[Attempt], states, report, reporter, pending_states, stored, now, rng,
            analysis: Analysis) -> None:
    """Store the feeds of these attempts together and report each."""
    afters = {}
    for attempt in attempts:
        # Every state is dated at the start of the pass, so `schedule --every` ticks line up with intervals.
        afters[attempt.feed.name] = next_state(states[attempt.feed.name], attempt, now, rng)
    fetched = [a for a in attempts if a.outcome == "fetched"]
    results = dict(zip([a.feed.name for a in fetched],
                       _store_each(con, [(a, afters[a.feed.name]) for a in fetched]) if fetched else [],
                       strict=True))
    for attempt in attempts:
        before, after = states[attempt.feed.name], afters[attempt.feed.name]
        outcome = FeedOutcome(feed=attempt.feed.name, outcome=attempt.outcome, status=attempt.status,
                              message=attempt.error or (attempt.parsed.warning if attempt.parsed else "") or "")
        if attempt.outcome == "fetched":
            result = results[attempt.feed.name]
            if isinstance(result, Exception):
                attempt = replace(attempt, outcome="error", error=f"could not store its items ({result})")
                after = next_state(before, attempt, now, rng)
                outcome = FeedOutcome(feed=attempt.feed.name, outcome="error", status=attempt.status,
                                      message=attempt.error)
                pending_states.append(after)
            else:
                new_ids, changed_ids = result
                stored.update(new_ids, changed_ids)
                outcome.items, outcome.new, outcome.changed = len(attempt.items), len(new_ids), len(changed_ids)
                analysis.add(attempt, set(new_ids) | set(changed_ids))
        elif attempt.outcome != "skipped":
            # Nothing to store but the state: these go in one transaction at the end
            # (if a kill loses them, the feed is merely asked again).
            pending_states.append(replace(after, last_new_items=0))
        outcome.next_check_at = after.next_check_at if attempt.outcome != "skipped" else None
        outcome.disabled = after.disabled_reason if after.disabled_at and not before.disabled_at else None
        outcome.moved_to = after.fetch_url if after.fetch_url != before.fetch_url else None
        states[attempt.feed.name] = after
        report.outcomes.append(outcome)
        reporter.feed(outcome)
    analysis.write()


# Fetched feeds are stored together, up to this many items at a time, and none
# waits longer than this. A write costs the writer ~17 ms of CPU whatever its
# size, plus ~10 ms per 1,000 items: 10,000 items in writes of 1,000 cost it
# 0.33 s, in writes of 2,500 0.22 s.
STORE_ITEMS = 2500
STORE_WAIT_S = 2.0


def _collect(con, futures, states, report, reporter, pending_states, stored, now, rng, analysis: Analysis) -> None:
    """Store feeds as their fetches complete, several at a time, and write
    their analyses as the workers deliver them (main thread only)."""
    # Finished futures arrive in a queue: waiting on every future still out
    # (hundreds) after each completion cost the writer's thread time that
    # the workers need.
    finished: queue.SimpleQueue = queue.SimpleQueue()
    order = {future: n for n, future in enumerate(futures)}
    for future in futures:
        future.add_done_callback(finished.put)
    analysis.wake = finished.put
    left, ready, since = len(futures), [], 0.0
    while left:
        timeout = max(0.0, since + STORE_WAIT_S - time.monotonic()) if ready else None
        done = _drain(finished, timeout)
        fetched = sorted((future for future in done if future in order), key=order.get)
        if fetched and not ready:
            since = time.monotonic()
        ready += [future.result() for future in fetched]
        left -= len(fetched)
        if ready and (not left or sum(len(a.items) for a in ready) >= STORE_ITEMS
                      or time.monotonic() - since >= STORE_WAIT_S):
            _record(con, ready, states, report, reporter, pending_states, stored, now, rng, analysis)
            ready = []
        analysis.collect()
        analysis.send(everything=not left)
        analysis.write()


def _drain(finished: queue.SimpleQueue, timeout: float | None) -> list:
    """What finished within ``timeout`` (at least one, unless it passed), and all that finished since."""
    try:
        done = [finished.get(timeout=timeout)]
    except queue.Empty:
        return []
    while True:
        try:
            done.append(finished.get_nowait())
        except queue.Empty:
            return done


def select_due(config: FeedsConfig, states: dict[str, FeedState], now: datetime, *, force: bool = False,
               only: Iterable[str] | None = None) -> tuple[list[tuple[Feed, FeedState]], int, int]:
    """(feeds to fetch now, how many are not due yet, how many are disabled)."""
    wanted = set(only) if only else None
    due, not_due, disabled = [], 0, 0
    for feed in config.feeds:
        if not feed.enabled or (wanted is not None and feed.name not in wanted):
            continue
        state = states[feed.name]
        if state.disabled_at is not None:
            disabled += 1
        elif force or state.next_check_at is None or state.next_check_at <= now:
            due.append((feed, state))
        else:
            not_due += 1
    return due, not_due, disabled


def _held_back(feed: Feed, state: FeedState, settings: Settings, gate: sec_access.EdgarGate) -> FeedOutcome | None:
    """An EDGAR feed that must not be asked now: refused (no contact in the
    User-Agent; nothing is recorded, so fixing the setting takes effect at
    once) or skipped (EDGAR paused after a 403/429)."""
    on_edgar = gate.covers(urlsplit(state.fetch_url).hostname)
    if feed.kind == "edgar" or on_edgar:
        problem = sec_access.contact_problem(settings.user_agent)
        if problem:
            return FeedOutcome(feed=feed.name, outcome="error", message=f"refused: {problem}")
    paused = gate.pause_message() if on_edgar else None
    if paused:
        return FeedOutcome(feed=feed.name, outcome="skipped", message=paused)
    return None


def refresh(
    con: duckdb.DuckDBPyConnection, config: FeedsConfig, catalog: Catalog, *, now: datetime | None = None,
    force: bool = False, only: Iterable[str] | None = None, reporter: Reporter | None = None,
    rng: random.Random | None = None, workers: Workers | None = None,
) -> RefreshReport:
    """One pass over the due feeds of ``config``, on an open writer connection
    (with the caller's worker pool, if any; closed by the pass)."""
    now = now or utcnow()
    # The worker processes have the cores: DuckDB's own threads would only
    # compete with them (one thread: 0.15 s less of the writer's CPU for the
    # benchmark's 10,000 items, no slower writes).
    with sec_access.session(con, now) as gate, db.threads(con, 1):
        return _refresh(con, config, catalog, gate, now=now, force=force, only=only,
                        reporter=reporter or Reporter(), rng=rng or random.Random(),
                        workers=workers or Workers(catalog))


def _refresh(
    con: duckdb.DuckDBPyConnection, config: FeedsConfig, catalog: Catalog, gate: sec_access.EdgarGate, *,
    now: datetime, force: bool, only: Iterable[str] | None, reporter: Reporter, rng: random.Random,
    workers: Workers,
) -> RefreshReport:
    settings = config.settings
    # The warehouse (and so every analyst's SQL) sees feed URLs without the
    # user:password some feeds need; the config keeps them for fetching.
    states = feed_state.sync_config(con, [replace(f, url=redact(f.url)) for f in config.feeds], now)
    resumed = feed_state.unfinished_runs(con)
    due, not_due, disabled = select_due(config, states, now, force=force, only=only)
    run_id = store.start_run(con, "refresh")
    report = RefreshReport(run_id=run_id, started_at=now, not_due=not_due, disabled=disabled, resumed_runs=resumed)
    reporter.start(len(due))
    asked = []
    for feed, state in due:
        held = _held_back(feed, state, settings, gate)
        if held is None:
            asked.append((feed, state))
        else:
            report.outcomes.append(held)
            reporter.feed(held)
    stored: set[str] = set()
    pending_states: list[FeedState] = []
    semaphores = {urlsplit(s.fetch_url).hostname or "": BoundedSemaphore(settings.per_host_concurrency)
                  for _, s in asked}
    with workers, new_client(settings.max_workers) as client:
        parsing = Parsing(workers, POOL_AFTER_DOCUMENTS)
        analysis = Analysis(con, workers, parsing)
        if sum(1 for _, state in asked if state.body_hash is None) >= POOL_AFTER_DOCUMENTS:
            # Feeds never read before will be parsed: the workers start now,
            # while the first fetches are in flight, not at the POOL_AFTER_DOCUMENTS-th.
            workers.start()
        with ThreadPoolExecutor(settings.max_workers) as pool:
            futures = [
                pool.submit(attempt_feed, feed, state, settings, client=client,
                            semaphore=semaphores[urlsplit(state.fetch_url).hostname or ""], fetched_at=now,
                            run_id=run_id, parse=parsing)
                for feed, state in _round_robin_by_host(asked)
            ]
            try:
                _collect(con, futures, states, report, reporter, pending_states, stored, now, rng, analysis)
            except BaseException:
                for future in futures:  # Ctrl+C or a bug: do not wait for feeds not started yet
                    future.cancel()
                raise
        report.pooled_documents = parsing.pooled
        if pending_states:
            con.execute("BEGIN TRANSACTION")
            feed_state.save_states(con, pending_states)
            con.execute("COMMIT")
        # Filing documents of the EDGAR feeds read in this pass (each stored as it arrives).
        read = {o.feed for o in report.outcomes if o.outcome in ("fetched", "not_modified", "unchanged")}
        edgar_feeds = [feed for feed, _ in asked if feed.kind == "edgar" and feed.name in read]
        documents = filing_fetch.fetch_pending(con, edgar_feeds, settings, client=client, now=now, run_id=run_id,
                                               reporter=reporter)
        report.documents = len(documents)
        todo = (stored | set(documents) | set(feed_state.items_of_runs(con, resumed))
                | set(filing_store.documents_of_runs(con, resumed)))
        if todo:
            reporter.phase(f"analysing {len(todo)} new or changed items")
            # Every item of the pass is stored: their stories now, while the
            # workers finish the last analyses (written with their stories).
            store.assign_stories(con)
        analysis.finish()
        report.analysed = analysis.analysed
        if todo:  # the roll-ups Analysis left: the rest of the pass, and a pass that died
            store.update_rollups(con, todo - (analysis.rolled or set()))
        left = store.stale_items(con, ANALYZER_VERSION, catalog.version, todo) if todo else []
        if left:  # a job that failed, items of a run that died
            from pipelines.ingest import analyze_pending  # the analyzer (and pandas), here only if need be

            report.analysed += analyze_pending(con, catalog, item_ids=left, workers=workers)
        workers.close(wait=False)  # they exit while the run is recorded and the snapshot published
    feed_state.mark_runs_interrupted(con, resumed, run_id)
    report.next_due_at = min(
        (s.next_check_at for f in config.feeds if f.enabled
         for s in [states[f.name]] if s.next_check_at and not s.disabled_at),
        default=None,
    )
    report.finished_at = utcnow()
    errors = report.errors
    status = "ok" if not errors else ("failed" if errors == len(report.outcomes) else "partial")
    store.finish_run(con, run_id, status=status, items_seen=sum(o.items for o in report.outcomes),
                     items_new=report.new_items, errors=errors, detail=[o.detail() for o in report.outcomes])
    reporter.close()
    return report


def run_refresh(db_path: Path, config: FeedsConfig, catalog: Catalog, **options) -> RefreshReport:
    """Lock, open the warehouse, refresh, publish the snapshot once at the end.
    ``workers``: a pool the caller started already (the `refresh` command
    does when the warehouse is new)."""
    with refresh_lock(db_path):
        try:
            with db.writer(db_path) as con:
                return refresh(con, config, catalog, **options)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            raise WarehouseBusy(
                f"the warehouse {db_path} is held by another process ({str(exc).splitlines()[0]}); "
                "try again when it is done"
            ) from None
