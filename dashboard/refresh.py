"""The Feeds page's "refresh now": start `rivalwatch refresh` as a detached
process and report on it, without ever blocking the page.

The refresh writes the working warehouse and publishes a new snapshot when it
is done; the pages read snapshots only, so they go on answering meanwhile and
show the new data on the next rerun after it finishes. Its output goes to a
log next to the warehouse (`<name>.refresh.log`).
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Started through the console entry point's function rather than
# `python -m pipelines.cli`: run as __main__, that module calls main() before
# the module that registers `refresh` on it is imported.
LAUNCHER = "import sys; from pipelines.cli import main; sys.exit(main(prog_name='rivalwatch'))"
EXIT_BUSY = 3
QUICK_FAILURE_S = 1.5


def log_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.refresh.log")


def command(db_path: Path) -> list[str]:
    return [sys.executable, "-c", LAUNCHER, "--db", str(db_path), "refresh"]


@dataclass
class Started:
    process: subprocess.Popen
    log: Path
    started_at: datetime
    log_offset: int


def start(db_path: Path, *, argv: list[str] | None = None) -> Started:
    """Start the refresh in its own session (it outlives a page rerun, and a
    closed browser tab), output appended to the log."""
    log = log_path(db_path)
    log.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC).replace(tzinfo=None)
    with open(log, "ab") as handle:
        handle.write(f"\n--- refresh started from the dashboard at {now:%Y-%m-%d %H:%M:%S} UTC ---\n".encode())
        offset = handle.tell()
        process = subprocess.Popen(
            argv or command(db_path), stdin=subprocess.DEVNULL, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True, close_fds=True,
        )
    return Started(process=process, log=log, started_at=now, log_offset=offset)


def wait_briefly(started: Started, seconds: float = QUICK_FAILURE_S) -> int | None:
    """Give a refresh that cannot start (no such command, another refresh
    running) the moment it needs to say so; None while it runs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        code = started.process.poll()
        if code is not None:
            return code
        time.sleep(0.1)
    return started.process.poll()


def output(started: Started, lines: int = 12) -> str:
    """The last lines this refresh wrote to the log."""
    try:
        with open(started.log, "rb") as handle:
            handle.seek(started.log_offset)
            text = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])


@dataclass(frozen=True)
class Report:
    state: str   # running | done | partial | busy | unavailable | failed
    message: str


def report(started: Started) -> Report:
    """What to tell the user about a refresh started from the page."""
    code = started.process.poll()
    if code is None:
        return Report("running", f"Refresh running since {started.started_at:%H:%M:%S} UTC "
                                 f"(process {started.process.pid}); the pages show its data once it finishes.")
    text = output(started)
    last = text.splitlines()[-1] if text else ""
    if code == 0:
        return Report("done", f"Refresh finished: {last or 'done'}. Reload any page to see the new data.")
    if "No such command" in text or "No module named" in text:
        return Report("unavailable", "This installation of rivalwatch has no `refresh` command yet, so "
                                     "nothing was fetched. Use `rivalwatch ingest FILE_OR_URL` meanwhile.")
    if code == EXIT_BUSY:
        return Report("busy", f"Another refresh is already running; this one stepped aside. {last}")
    if code == 1 and text:
        return Report("partial", f"Refresh finished with some feeds failing: {last}")
    return Report("failed", f"Refresh stopped (exit code {code}): {last or 'no output'}")
