"""Measuring processes for the benchmarks: wall time, CPU time and peak
memory of a command, and local feed servers in a process of their own.

Peak memory comes from /proc, sampled every 50 ms over the child and all its
descendants (a process pool's workers count together): the larger of the
summed PSS of the tree (proportional set size: a page shared by forked
workers counts once in all, where summed RSS would count it in each) and the
largest single ``VmHWM`` (the kernel's own high-water mark of one process's
RSS, so a spike between two samples is not missed).

Not ``ru_maxrss``: on Linux a child's ``ru_maxrss`` (from ``wait4``, or
``getrusage(RUSAGE_CHILDREN)``) starts at the RSS the parent had when it
forked (exec keeps the old address space's high-water mark), so after the
harness has built a 1M-item warehouse every child reported at least the
harness's own size (measured: 1,201.8 MiB for both the refresh and the
dashboard process). CPU time does come from ``wait4``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path


@dataclass
class Measured:
    command: list[str]
    returncode: int
    wall_s: float
    cpu_s: float          # user + system, the process and its waited-for descendants
    peak_memory_mib: float   # max(tree_peak_mib, hwm_mib)
    tree_peak_mib: float  # largest sampled sum of PSS over the process tree
    hwm_mib: float        # largest VmHWM of any process of the tree
    stdout: str
    stderr: str

    def summary(self) -> dict:
        return {"wall_s": round(self.wall_s, 3), "cpu_s": round(self.cpu_s, 3),
                "cores_used": round(self.cpu_s / self.wall_s, 2) if self.wall_s else None,
                "peak_memory_mib": round(self.peak_memory_mib, 1), "returncode": self.returncode}


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _field_kib(path: str, name: str) -> int:
    try:
        with open(path) as handle:
            for line in handle:
                if line.startswith(name):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _memory_kib(pid: int) -> tuple[int, int]:
    """(PSS, VmHWM) of a process in KiB; zeros once it is gone. PSS falls
    back to VmRSS on kernels without smaps_rollup."""
    pss = _field_kib(f"/proc/{pid}/smaps_rollup", "Pss:") or _field_kib(f"/proc/{pid}/status", "VmRSS:")
    return pss, _field_kib(f"/proc/{pid}/status", "VmHWM:")


def tree_memory_kib(pid: int) -> tuple[int, int]:
    """(summed PSS, largest VmHWM) over a process and its descendants."""
    total = largest = 0
    todo, seen = [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        rss, hwm = _memory_kib(current)
        total, largest = total + rss, max(largest, hwm)
        todo += _children(current)
    return total, largest


def measure(command: list[str], *, env: dict | None = None, cwd: Path | None = None,
            timeout: float | None = None, check: bool = True) -> Measured:
    """Run ``command`` to its end; wall time, CPU time and peak memory."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=cwd)
        peak = [0, 0]  # summed PSS, largest high-water mark
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                total, hwm = tree_memory_kib(proc.pid)
                peak[0], peak[1] = max(peak[0], total), max(peak[1], hwm)
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = None if timeout is None else started + timeout
        while True:
            # wait4 (not Popen.wait) so this child's CPU times come back with it. WNOWAIT
            # is not offered by wait4, so /proc is read by the sampler until the child exits.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline and time.perf_counter() > deadline:
                proc.kill()
            time.sleep(0.01)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Measured(
            command=[str(c) for c in command], returncode=proc.returncode, wall_s=wall,
            cpu_s=usage.ru_utime + usage.ru_stime, tree_peak_mib=peak[0] / 1024, hwm_mib=peak[1] / 1024,
            peak_memory_mib=max(peak) / 1024,
            stdout=out.read(), stderr=err.read(),
        )
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(result.command)} exited with {result.returncode}:\n{result.stderr[-2000:]}")
    return result


# -- local feed servers, in their own process ----------------------------------------------
# In the harness's process their threads would compete for its GIL with the
# refresh measured in-process; in a process of their own they are what a
# remote server is, apart from sharing the cores.


def _serve(conn, seed: int, feeds: int, items: int, hosts: int) -> None:
    import sys

    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    from benchmarks import corpus
    from tests.feedserver import FeedServer

    servers = [FeedServer(host=f"127.0.0.{h + 1}").__enter__() for h in range(hosts)]
    urls = []
    for n in range(feeds):
        server = servers[n % hosts]
        path = f"/{corpus.feed_name(n)}.xml"
        server.feed(path, corpus.rss(seed, n, items))
        urls.append(server.url(path))
    conn.send(urls)
    while True:
        command = conn.recv()
        if command == "drop-validators":  # same bytes, no ETag: only the body hash can skip the parse
            for server in servers:
                for route in server.routes.values():
                    route.etag = None
            conn.send("ok")
        elif command == "requests":
            conn.send(sum(len(s.requests) for s in servers))
        else:
            for server in servers:
                server.__exit__(None, None, None)
            conn.send("stopped")
            return


class FeedServers:
    """``hosts`` local HTTP servers (127.0.0.1, .2, ...) serving the corpus's
    feeds with ETags, in a child process. Use as a context manager."""

    def __init__(self, *, seed: int, feeds: int, items: int, hosts: int = 4):
        self.args = (seed, feeds, items, hosts)
        self.urls: list[str] = []

    def __enter__(self) -> FeedServers:
        context = get_context("spawn")
        self._conn, child = context.Pipe()
        self._proc = context.Process(target=_serve, args=(child, *self.args), daemon=True)
        self._proc.start()
        if not self._conn.poll(300):
            raise RuntimeError("the feed servers did not start")
        self.urls = self._conn.recv()
        return self

    def drop_validators(self) -> None:
        self._conn.send("drop-validators")
        self._conn.recv()

    def __exit__(self, *exc) -> None:
        try:
            self._conn.send("stop")
            self._conn.poll(10)
        finally:
            self._proc.join(10)
            if self._proc.is_alive():
                self._proc.terminate()
