"""SEC fair access for EDGAR (sec.gov and every *.sec.gov host).

SEC asks automated clients to say who they are (a User-Agent with a name and
a contact e-mail) and to stay under 10 requests a second; a client it finds
too fast gets 403 or 429 and should back off. So, for every EDGAR request of
the process, whichever thread or feed it comes from:

- a User-Agent without a name and an e-mail address is refused before any
  request, with a message that says how to set one;
- one sliding-window limiter lets at most ``MAX_PER_WINDOW`` requests start
  in any ``WINDOW_S`` (8 in 1.25 s: the extra quarter second keeps network
  and scheduling jitter on a busy machine from showing SEC nine requests
  inside one second; 1.1 s let a loaded test machine bunch nine);
- a 403 or 429 pauses all EDGAR fetching for ``PAUSE`` (10 minutes). The
  pause is kept in the warehouse (``source_pauses``), so the next run within
  it skips EDGAR with a line that says until when.

The gate is one object per process (``GATE``); fetch() consults it on every
hop, so redirects into sec.gov count too.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import duckdb

from warehouse import filing_store
from warehouse.db import utcnow

SOURCE = "sec-edgar"
EDGAR_DOMAINS = ("sec.gov",)
MAX_PER_WINDOW = 8
WINDOW_S = 1.25
PAUSE = timedelta(minutes=10)
PAUSE_STATUSES = (403, 429)
HOW_TO = ('set [settings] user_agent = "Your Name you@example.com" in feeds.toml '
          "or the RIVALWATCH_USER_AGENT environment variable")

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NAME = re.compile(r"[A-Za-z]{2,}")


def contact_problem(user_agent: str | None) -> str | None:
    """Why SEC would refuse this User-Agent (no e-mail, no name), else None."""
    text = (user_agent or "").strip()
    email = _EMAIL.search(text)
    if email is None:
        return (f"SEC EDGAR requires a User-Agent with your name and a contact e-mail, and "
                f"{text!r} has no e-mail address: {HOW_TO}")
    if not _NAME.search(text.replace(email.group(), " ")):
        return (f"SEC EDGAR requires a User-Agent with your name and a contact e-mail, and "
                f"{text!r} has no name beside the address: {HOW_TO}")
    return None


class RateLimiter:
    """At most ``limit`` starts in any ``window`` seconds, across threads
    (a sliding window over the last starts; callers sleep outside the lock)."""

    def __init__(self, limit: int = MAX_PER_WINDOW, window: float = WINDOW_S,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.limit, self.window, self._clock, self._sleep = limit, window, clock, sleep
        self._starts: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        while True:
            with self._lock:
                now = self._clock()
                while self._starts and now - self._starts[0] >= self.window:
                    self._starts.popleft()
                if len(self._starts) < self.limit:
                    self._starts.append(now)
                    return
                wait = self.window - (now - self._starts[0])
            self._sleep(max(wait, 0.001))


class EdgarGate:
    """The process-wide EDGAR policy: which hosts, the limiter, the pause."""

    def __init__(self, domains: tuple[str, ...] = EDGAR_DOMAINS, limiter: RateLimiter | None = None,
                 pause: timedelta = PAUSE):
        self.domains = tuple(d.lower() for d in domains)
        self.limiter = limiter or RateLimiter()
        self.pause_length = pause
        self.clock: Callable[[], datetime] = utcnow
        self._lock = threading.Lock()
        self.paused_until: datetime | None = None
        self.pause_status: int | None = None
        self.pause_reason: str | None = None
        self.paused_here = False  # set by a 403/429 seen in this process since the last restore()

    def covers(self, host: str | None) -> bool:
        host = (host or "").lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def pause_message(self) -> str | None:
        """Why EDGAR must not be asked now, or None."""
        with self._lock:
            if self.paused_until is None or self.clock() >= self.paused_until:
                return None
            return (f"SEC EDGAR paused until {self.paused_until:%Y-%m-%d %H:%M} UTC after {self.pause_reason} "
                    "(SEC fair access); not fetched")

    def pause(self, status: int, host: str) -> None:
        """A 403/429 from ``host``: no EDGAR request for the pause length."""
        with self._lock:
            self.paused_until = self.clock() + self.pause_length
            self.pause_status = status
            self.pause_reason = f"HTTP {status} from {host}"
            self.paused_here = True

    def restore(self, record: dict | None) -> None:
        """Take the pause recorded in the warehouse (or none)."""
        with self._lock:
            self.paused_here = False
            if record and record.get("paused_until") and record["paused_until"] > self.clock():
                self.paused_until = record["paused_until"]
                self.pause_status = record.get("status")
                self.pause_reason = record.get("reason") or "a refusal from SEC EDGAR"
            else:
                self.paused_until = self.pause_status = self.pause_reason = None


GATE = EdgarGate()


@contextmanager
def session(con: duckdb.DuckDBPyConnection, now: datetime | None = None) -> Iterator[EdgarGate]:
    """Run EDGAR fetches against the pause kept in the warehouse: it is read
    first, and a pause that starts during the session is written back. The
    gate's clock runs from ``now`` (a refresh's own clock)."""
    gate = GATE
    start, origin = time.monotonic(), now or utcnow()
    gate.clock = lambda: origin + timedelta(seconds=time.monotonic() - start)
    try:
        gate.restore(filing_store.load_pause(con, SOURCE))
        yield gate
    finally:
        if gate.paused_here and gate.paused_until is not None:
            filing_store.save_pause(con, SOURCE, paused_until=gate.paused_until, status=gate.pause_status,
                                    reason=gate.pause_reason, set_at=gate.clock())
            gate.paused_here = False
        gate.clock = utcnow
