"""Worker processes for the CPU-bound steps: parsing feed documents
(feedparser is pure Python) and analysing items. Threads would share one
core under the GIL; a process per core lets the writer's process fetch and
store while the workers parse and analyse.

- Spawned, never forked: the writer runs DuckDB and HTTP threads, and a
  forked child can inherit a lock one of them held and hang for ever.
- Started on first use, so a pass where nothing changed starts none, or
  by ``start`` when a pass knows it will need them, so they start while the
  first documents are fetched. This module imports no DuckDB, pandas or HTTP
  client (neither does what it imports), so a worker is ready in a few
  tenths of a second; the parser and the analyzer are imported by the
  workers as they start, and by the calling process only when a job has to
  run there (it needs neither otherwise: 0.2 s of its start-up).
- A pool whose workers cannot start or die (``BrokenProcessPool``: an
  embedding host's odd ``__main__``, the kernel's OOM killer) costs speed,
  never the run: the job is done in this process instead.
- The catalog reaches the workers through a queue, not as an argument of
  their start: multiprocessing writes a new process's arguments into a pipe
  whose reading end it holds open itself, so a child dying before it read
  more than the pipe holds (64 KiB; the catalog is more) would hang the
  parent for ever.
- A worker whose parent died (SIGKILL: nothing could tell it) exits within
  a second instead of waiting for work for ever.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import Any

from pipelines.catalog import Catalog

MAX_PROCESSES = 4
# A refresh parses its first few documents in its fetching threads; from
# this one on, worker processes parse them. Starting them costs a few tenths
# of a second, so a pass with a changed feed or two never does.
POOL_AFTER_DOCUMENTS = 4
_worker_catalog: Catalog | None = None


def cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _init_worker(catalogs, parent: int) -> None:
    global _worker_catalog
    # Ctrl+C reaches the whole process group: the parent stops the pool, the workers need not each say so.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="exit-with-parent").start()
    _worker_catalog = catalogs.get()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _ready() -> None:
    """The first job of a worker started early (Workers.start): load the
    parser and the analyzer while the first documents are fetched, and
    compile the analyzer's patterns (0.1 s the first analysis would spend)."""
    import pipelines.analyze
    import pipelines.parse  # noqa: F401

    pipelines.analyze.analyze_text('Nvidia said OpenAI was "a serious competitor."', _worker_catalog)


def _parse(body: bytes, headers: dict[str, str], options: dict):
    from pipelines.parse import parse_feed

    return parse_feed(body, headers=headers, **options)


def _analyze(records: list[dict], now: datetime, catalog: Catalog | None = None) -> dict[str, dict[str, list]]:
    from pipelines.analyze import analyze_columns

    return analyze_columns(records, catalog or _worker_catalog, now=now)


class Job:
    """One piece of work: a future of the pool, or its result computed here."""

    def __init__(self, workers: Workers, future: Future, here: Callable[[], Any], *, pooled: bool = True):
        self.workers, self.future, self._here = workers, future, here
        self.pooled = pooled  # done by a worker process (known for sure once result() returned)

    def done(self) -> bool:
        return self.future.done()

    def result(self) -> Any:
        try:
            return self.future.result()
        except BrokenProcessPool:
            self.workers.broken, self.pooled = True, False
            return self._here()


def _finished(value: Any = None, error: BaseException | None = None) -> Future:
    future: Future = Future()
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)
    return future


class Workers:
    """A pool of ``processes`` worker processes (default: one per core, at
    most MAX_PROCESSES), started by the first job. Jobs may be submitted
    from any thread. Use as a context manager."""

    def __init__(self, catalog: Catalog, processes: int | None = None):
        self.catalog = catalog
        self.processes = processes or min(cores(), MAX_PROCESSES)
        self.broken = False
        self.started = False
        self._warming: list[Future] = []
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def useful(self) -> bool:
        """Whether jobs run in other processes (a second core, a pool that works)."""
        return self.processes >= 2 and not self.broken

    def _pool(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._executor is None and self.useful:
                context = multiprocessing.get_context("spawn")
                self._catalogs = context.Queue()
                for _ in range(self.processes):
                    self._catalogs.put(self.catalog)
                self._executor = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_init_worker,
                                                     initargs=(self._catalogs, os.getpid()))
                self.started = True
            return self._executor if self.useful else None

    def start(self) -> None:
        """Start the worker processes now rather than with the first job (the
        pool spawns a process per job submitted while none is idle, so one
        empty job per process starts them all)."""
        pool = self._pool()
        if pool is None or self._warming:
            return
        try:
            self._warming = [pool.submit(_ready) for _ in range(self.processes)]
        except (BrokenProcessPool, RuntimeError):
            self.broken = True

    def submit(self, function: Callable, *args, here: Callable[[], Any]) -> Job:
        """``function(*args)`` in a worker; ``here()`` instead when the pool is no use."""
        pool = self._pool()
        if pool is not None:
            try:
                return Job(self, pool.submit(function, *args), here)
            except (BrokenProcessPool, RuntimeError):  # RuntimeError: the pool was shut down
                self.broken = True
        try:
            return Job(self, _finished(here()), here, pooled=False)
        except Exception as exc:  # raised by .result(), as a worker's exception would be
            return Job(self, _finished(error=exc), here, pooled=False)

    def parse(self, body: bytes, headers: dict[str, str], *, feed_name: str, fetched_at: datetime,
              run_id: int | None) -> Job:
        """A job for ``pipelines.parse.parse_feed``: (the feed without its entries, its items)."""
        options = dict(feed_name=feed_name, fetched_at=fetched_at, run_id=run_id)
        return self.submit(_parse, body, headers, options, here=lambda: _parse(body, headers, options))

    def analyze(self, records: list[dict], now: datetime) -> Job:
        """A job for ``pipelines.analyze.analyze_columns`` with this pool's catalog."""
        return self.submit(_analyze, records, now, here=lambda: _analyze(records, now, self.catalog))

    def close(self, *, cancel: bool = False, wait: bool = True) -> None:
        """Stop the workers: after their jobs, or dropping those not started
        (``cancel``); ``wait=False`` returns at once and they exit meanwhile
        (the interpreter joins them at its exit)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=wait and not cancel, cancel_futures=cancel)
            # A catalog no worker took (one died first) must not keep this process from exiting.
            self._catalogs.cancel_join_thread()
            self._catalogs.close()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(cancel=kind is not None)


def analysis_input(items: list[dict], *, owner: str | None, kind: str) -> list[dict]:
    """Records for analyze_records from freshly parsed items, as
    ``warehouse.store.items_to_analyze`` gives them once the items are stored
    (an item of a feed with no filing document; tests hold the two equal).
    The last copy of a repeated key wins, as it does in the warehouse."""
    latest = {item["item_id"]: item for item in items}
    return [{"item_id": item["item_id"], "title": item["title"], "body": item["body"],
             "content_hash": item["content_hash"], "owner": owner or None, "kind": kind,
             "filer_cik": item["filer_cik"], "published_at": item["published_at"], "document": None}
            for item in sorted(latest.values(), key=lambda item: item["item_id"])]


