"""The CPU work of a refresh pass: parsing the fetched documents and
analysing the stored items in the worker processes (pipelines.workers), and
writing what the workers found. Used by pipelines.refresh, which stores the
items in between."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from datetime import datetime
from typing import TYPE_CHECKING

import duckdb

from pipelines.feed_attempt import Attempt, parse_here
from pipelines.feeds import Feed
from pipelines.workers import Job, Workers, analysis_input
from warehouse import store
from warehouse.db import utcnow

if TYPE_CHECKING:
    from pipelines.parse import ParsedFeed

ANALYSIS_CHUNK = 250  # items in one analysis job
# Analysed items written together: 10,000 cost the writer 0.9 s of CPU in writes of 2,500,
# 1.0 s in writes of 1,000, 1.5 s in writes of 250 (roll-ups apart).
ANALYSIS_WRITE = 2500
# Written together in the last stretch: a write costs ~12 ms of the writer's CPU however small,
# and a job (a feed of 50 items) comes back every ~30 ms. Each job written as it came back cost
# the benchmark's first refresh 0.18 s more of the writer's CPU, no less time after the workers.
ANALYSIS_TAIL_WRITE = 500


class Parsing:
    """attempt_feed's ``parse`` for a pass: in the fetching thread, or, from
    the ``after``-th document on (or once the workers run), in a worker
    process."""

    def __init__(self, workers: Workers, after: int):
        self.workers, self.after, self.documents, self._lock = workers, after, 0, threading.Lock()
        self.pooled = 0  # documents parsed by a worker process
        self.in_flight = 0  # documents with the workers now

    def __call__(self, body: bytes, *, headers: dict[str, str], feed: Feed, fetched_at: datetime,
                 run_id: int | None) -> tuple[ParsedFeed, list[dict]]:
        with self._lock:
            self.documents += 1
            pooled = (self.documents >= self.after or self.workers.started) and self.workers.useful
            self.in_flight += pooled
        if not pooled:
            return parse_here(body, headers=headers, feed=feed, fetched_at=fetched_at, run_id=run_id)
        job = self.workers.parse(body, headers, feed_name=feed.name, fetched_at=fetched_at, run_id=run_id)
        try:
            return job.result()
        finally:
            with self._lock:
                self.in_flight -= 1
                self.pooled += job.pooled


class Analysis:
    """Analyses of the items a pass stores (new or changed), by the worker
    processes while the pass goes on (only once the workers run: a small
    pass leaves its items to analyze_pending). A job waits here while the
    workers have documents enough to parse, so that every item is stored
    early (then the stories of the pass are assigned while the workers
    analyse). Written here, by the writer, ANALYSIS_WRITE items at a time,
    then, for the last ANALYSIS_WRITE items, ANALYSIS_TAIL_WRITE at a time
    and, once the workers hold their last jobs, as each job comes back: the
    writer keeps up with the workers, and little is left to write after the
    last job. The roll-ups of what was written are made once the last stretch
    begins (``rolled``; per write they would cost more than the write), those
    of the rest by the caller at the end. Whatever is not written here (a job
    that failed, a kill) is found stale by analyze_pending at the end of the
    pass or of the next one."""

    def __init__(self, con: duckdb.DuckDBPyConnection, workers: Workers, parsing: Parsing):
        self.con, self.workers, self.parsing = con, workers, parsing
        self.waiting: list[list[dict]] = []  # records of jobs not sent yet
        self.jobs: list[tuple[Job, int]] = []  # jobs sent, with their item counts
        self.rows: dict[str, dict[str, list]] = {}  # per table, its columns (as the workers send them)
        self.unwritten = 0
        self.analysed = 0
        self.written: set[str] = set()  # items written, roll-ups still to make
        self.rolled: set[str] | None = None  # items written whose roll-ups were made
        self.wake: Callable[[Future], object] | None = None  # told when a job finishes

    def add(self, attempt: Attempt, item_ids: set[str]) -> None:
        """Analyses of these items of a stored feed (those stored new or changed)."""
        if item_ids and attempt.feed.kind != "edgar" and self.workers.started and self.workers.useful:
            records = [r for r in analysis_input(attempt.items, owner=attempt.feed.owner, kind=attempt.feed.kind)
                       if r["item_id"] in item_ids]
            self.waiting += [records[n : n + ANALYSIS_CHUNK] for n in range(0, len(records), ANALYSIS_CHUNK)]

    def send(self, *, everything: bool = False) -> None:
        """Send waiting jobs to the workers: all (``everything``: no document
        is left to parse), or as many as keep them busy while few are."""
        while self.waiting and (everything or self.parsing.in_flight + len(self.jobs) <= self.workers.processes):
            records = self.waiting.pop(0)
            job = self.workers.analyze(records, utcnow())
            if self.wake is not None:
                job.future.add_done_callback(self.wake)
            self.jobs.append((job, len(records)))

    def collect(self) -> None:
        """Keep what finished jobs found."""
        finished = [entry for entry in self.jobs if entry[0].done()]
        self.jobs = [entry for entry in self.jobs if entry not in finished]
        for job, _ in finished:
            try:
                rows = job.result()
            except Exception:  # noqa: BLE001 (analyze_pending meets it again and says what it is)
                continue
            for key, values in rows.items():
                kept = self.rows.setdefault(key, {})
                for column, column_values in values.items():
                    kept.setdefault(column, []).extend(column_values)
            self.unwritten = len(self.rows.get("analyses", {}).get("item_id", []))

    def last_stretch(self) -> bool:
        """Every job is out, and at most ANALYSIS_WRITE items are still with the workers."""
        return not self.waiting and sum(count for _, count in self.jobs) <= ANALYSIS_WRITE

    def write(self, *, now: bool = False) -> None:
        """Write the rows kept, if there are enough of them (see the class) or ``now``."""
        if self.unwritten and (now or self.unwritten >= ANALYSIS_WRITE or (self.last_stretch() and (
                self.unwritten >= ANALYSIS_TAIL_WRITE or len(self.jobs) <= self.workers.processes))):
            store.replace_analysis(self.con, **self.rows, rollups=False)
            self.written.update(self.rows["analyses"]["item_id"])
            self.analysed += self.unwritten
            self.rows, self.unwritten = {}, 0

    def finish(self) -> None:
        """Wait for every job and write what they found (once the stories of
        the pass are assigned: roll-ups are made here)."""
        self.send(everything=True)
        while self.jobs:
            if self.rolled is None and self.last_stretch():
                self.write(now=True)
                store.update_rollups(self.con, self.written)
                self.rolled, self.written = self.written, set()
            wait({job.future for job, _ in self.jobs}, return_when=FIRST_COMPLETED)
            self.collect()
            self.write()
        self.write(now=True)
