"""`rivalwatch schedule`: refresh on a fixed tick, one log line per pass.

A plain loop rather than a scheduler library: each feed's timing (interval,
backoff, Retry-After) already lives in the warehouse as ``next_check_at``,
and a pass fetches only the feeds that are due, so the loop needs nothing but
a steady tick and a clean stop. feeds.toml is re-read before every pass, so
edits apply without a restart. A pass that cannot run (another refresh holds
the lock, another process holds the warehouse, a bad feeds.toml, a bug) is
logged and the loop goes on.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from pipelines.catalog import Catalog
from pipelines.feeds import ConfigError, FeedsConfig, format_duration
from pipelines.refresh import RefreshBusy, WarehouseBusy, run_refresh
from warehouse.db import utcnow

BUSY_RETRY_S = 60.0  # a busy warehouse is tried again sooner than the next tick


def _stamp() -> str:
    return utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")


def one_pass(db_path: Path, load_config: Callable[[], FeedsConfig], catalog: Catalog,
             last_good: list) -> tuple[str, bool]:
    """Run one refresh; return (log line, whether to retry soon)."""
    started = time.monotonic()
    try:
        config = load_config()
        last_good[:] = [config]
    except ConfigError as exc:
        if not last_good:
            return f"{_stamp()} pass skipped: {exc}", False
        config = last_good[0]
        note = f" (feeds file unreadable, used the last good one: {exc})"
    else:
        note = ""
    try:
        report = run_refresh(db_path, config, catalog)
    except (RefreshBusy, WarehouseBusy) as exc:
        return f"{_stamp()} pass skipped: {exc}", True
    except Exception as exc:  # the loop must outlive any one pass
        return f"{_stamp()} pass failed: {type(exc).__name__}: {exc}", False
    return f"{_stamp()} {report.summary()} in {time.monotonic() - started:.1f} s{note}", False


def run_schedule(
    db_path: Path, load_config: Callable[[], FeedsConfig], catalog: Catalog, every_s: float, *,
    max_runs: int | None = None, log: Callable[[str], None] = print, stop: threading.Event | None = None,
) -> int:
    """Refresh every ``every_s`` seconds until stopped (SIGTERM, SIGINT, or
    ``max_runs`` passes); a pass that overruns the tick is followed at once by
    the next. Returns the number of passes."""
    stop = stop or threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        def on_signal(signum, frame):
            if stop.is_set():  # asked twice: stop now (a refresh is safe to kill anyway)
                raise KeyboardInterrupt
            stop.set()  # asked once: finish the pass in flight, then stop

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return _loop(db_path, load_config, catalog, every_s, max_runs=max_runs, log=log, stop=stop)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _loop(db_path, load_config, catalog, every_s, *, max_runs, log, stop) -> int:
    passes, last_good = 0, []
    next_start = time.monotonic()
    log(f"{_stamp()} schedule: a refresh pass every {format_duration(every_s)}, warehouse {db_path}")
    while not stop.is_set():
        line, busy = one_pass(db_path, load_config, catalog, last_good)
        passes += 1
        if max_runs and passes >= max_runs:
            log(line)
            break
        now = time.monotonic()
        next_start = now + min(every_s, BUSY_RETRY_S) if busy else max(next_start + every_s, now)
        at = utcnow() + timedelta(seconds=next_start - now)
        log(f"{line}; next pass {at:%H:%M:%S}Z")
        stop.wait(next_start - now)
    if stop.is_set():
        log(f"{_stamp()} schedule stopped after {passes} pass" + ("" if passes == 1 else "es"))
    return passes
