"""One refresh at a time: a lock file next to the warehouse (flock, released
by the kernel even on SIGKILL) that names its holder to a second one."""

from __future__ import annotations

import fcntl
import json
import os
import socket
from contextlib import contextmanager
from pathlib import Path

from warehouse.db import utcnow


class RefreshBusy(RuntimeError):
    """Another refresh holds the lock; the message says who."""


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.name}.refresh.lock")


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return f"pid unknown (lock file {path})"
    return (f"pid {info.get('pid')} on {info.get('host')}, started {info.get('started_at')} UTC "
            f"(lock file {path})")


@contextmanager
def refresh_lock(db_path: Path, command: str = "refresh"):
    """Hold the one-refresh-at-a-time lock, or raise RefreshBusy naming the holder."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise RefreshBusy(f"another refresh is running: {_holder(path)}; this one exits without fetching") from None
    try:
        os.ftruncate(fd, 0)
        info = dict(pid=os.getpid(), host=socket.gethostname(), command=command,
                    started_at=utcnow().isoformat(sep=" ", timespec="seconds"))
        os.write(fd, json.dumps(info).encode())
        yield path
    finally:
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
