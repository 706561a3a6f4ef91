"""The hostile-input catalogue's machinery: the fork runner's client, the case
loader, and the context a case builds its hostile source in.

A case is one file in ``tests/hostile/cases/`` (``NNN_name.py``) with:

- ``DESCRIPTION``: one line, what the attack is;
- ``EXPECTED``: one line, what rivalwatch must do about it;
- ``OUTCOME``: ``"error"`` (a clear per-feed error) or ``"ok"`` (a safe result);
- ``MESSAGE``: a regular expression the hostile source's line must match;
- ``source(ctx)``: builds the hostile source (a served URL or a file) and
  returns it;
- optionally ``MODE`` (``"ingest"``, the default, or ``"refresh"``), ``FLAGS``
  (more `ingest` arguments), ``SETTINGS`` (feeds.toml settings for refresh),
  ``PATCH`` (module attributes set in the child, e.g. a lower parse limit),
  ``TIME_LIMIT_S`` (default 10) and ``check(ctx, run)`` for more assertions.

Every case is run as `rivalwatch ingest HOSTILE GOOD` (or a refresh of a
feeds.toml with both), in its own process, and must end with the good feed
stored, no traceback, the hostile line as expected, within the time limit
and under 512 MB of peak resident memory (the command's process and its
parsing child each).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pandas as pd

from tests.feedserver import FeedServer, feed_of, write_config
from warehouse.sandbox import run_sql

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "cases"
RESULTS = Path(__file__).resolve().parent / "results.json"
MEMORY_BOUND_MB = 512
TIME_BOUND_S = 10.0
GOOD_ITEMS = 3


@dataclass
class Run:
    argv: list[str]
    exit: int
    seconds: float
    maxrss_kb: int
    killed: str | None
    stdout: str
    stderr: str
    stats: dict
    db: Path | None = None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @property
    def peak_mb(self) -> float:
        return round(self.maxrss_kb / 1024, 1)

    @property
    def parse_peak_mb(self) -> float:
        return round(self.stats.get("parse_child_peak_kb", 0) / 1024, 1)

    def sql(self, query: str) -> pd.DataFrame:
        return run_sql(self.db, query, time_limit_s=30).frame

    def scalar(self, query: str):
        return self.sql(query).iloc[0, 0]


class ForkRunner:
    """Client of tests/hostile/forkrunner.py (one process per test session)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.hostile.forkrunner"], cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=dict(os.environ, PYTHONUNBUFFERED="1"),
        )
        ready = json.loads(self.process.stdout.readline())
        assert "ready" in ready, ready

    def run(self, argv: list[str], *, workdir: Path, deadline_s: float = 60, patch: dict | None = None,
            kill_after_s: float | None = None, file_size_limit: int | None = None, env: dict | None = None,
            name: str = "run") -> Run:
        workdir.mkdir(parents=True, exist_ok=True)
        files = {key: workdir / f"{name}.{key}" for key in ("stdout", "stderr", "stats")}
        request = dict(argv=[str(a) for a in argv], cwd=str(workdir), deadline_s=deadline_s, patch=patch or {},
                       kill_after_s=kill_after_s, file_size_limit=file_size_limit, env=env or {},
                       **{key: str(path) for key, path in files.items()})
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        stats = json.loads(files["stats"].read_text()) if files["stats"].exists() else {}
        return Run(argv=request["argv"], exit=answer["exit"], seconds=answer["seconds"],
                   maxrss_kb=answer["maxrss_kb"], killed=answer["killed"],
                   stdout=files["stdout"].read_text(errors="replace"),
                   stderr=files["stderr"].read_text(errors="replace"), stats=stats)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


# -- cases ---------------------------------------------------------------------------


def load_cases() -> list[ModuleType]:
    modules = []
    for path in sorted(CASES.glob("[0-9][0-9][0-9]_*.py")):
        spec = importlib.util.spec_from_file_location(f"hostile_case_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.ID = path.stem
        for name in ("DESCRIPTION", "EXPECTED", "OUTCOME", "MESSAGE", "source"):
            assert hasattr(module, name), f"{path.name} has no {name}"
        assert module.OUTCOME in ("ok", "error"), path.name
        modules.append(module)
    return modules


@dataclass
class Context:
    """What a case builds its hostile source with."""

    case: str
    server: FeedServer
    tmp: Path
    notes: dict = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        return f"/{self.case}"

    def url(self, path: str) -> str:
        return self.server.url(self.prefix + path)

    def serve(self, path: str, body: bytes = b"", **options) -> str:
        """Serve ``body`` at ``path`` (under the case's prefix); return its URL."""
        options.setdefault("headers", {"Content-Type": "application/rss+xml"})
        self.server.add(self.prefix + path, body, **options)
        return self.url(path)

    def route(self, path: str, handler) -> str:
        """Serve ``path`` with a callable given the request handler."""
        self.server.routes[self.prefix + path] = handler
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.server.redirect(self.prefix + path, location, status)
        return self.url(path)

    def write(self, name: str, body: bytes) -> Path:
        path = self.tmp / name
        path.write_bytes(body)
        return path

    @property
    def port(self) -> int:
        return self.server.httpd.server_address[1]


def run_case(case: ModuleType, runner: ForkRunner, server: FeedServer, tmp: Path) -> tuple[Run, str, Context]:
    """Run one case; return the run, the hostile source's line and the context."""
    ctx = Context(case=case.ID, server=server, tmp=tmp)
    hostile = case.source(ctx)
    db = tmp / "rw.duckdb"
    mode = getattr(case, "MODE", "ingest")
    time_limit = getattr(case, "TIME_LIMIT_S", TIME_BOUND_S)
    if mode == "ingest":
        good = ctx.write("good.xml", feed_of(f"good-{case.ID}", GOOD_ITEMS))
        argv = ["--db", db, "ingest", hostile, good, *getattr(case, "FLAGS", ["--allow-private-networks"])]
    else:
        good = ctx.serve("/good.xml", feed_of(f"good-{case.ID}", GOOD_ITEMS))
        settings = {"total_timeout": "5s", **getattr(case, "SETTINGS", {})}
        config = write_config(tmp / "feeds.toml", [
            {"name": "hostile", "url": hostile, "interval": "30m"},
            {"name": "good", "url": good, "interval": "30m"},
        ], **settings)
        argv = ["--db", db, "refresh", "--config", config, "--no-progress"]
    run = runner.run(argv, workdir=tmp, deadline_s=time_limit + 20, patch=getattr(case, "PATCH", None),
                     name=case.ID)
    run.db = db
    return run, hostile_line(run, case, hostile), ctx


def hostile_line(run: Run, case: ModuleType, hostile: str) -> str:
    from pipelines.fetch import redact

    lines = [line for line in run.output.splitlines() if line.startswith(("ok ", "error ", "304 ", "same "))]
    if getattr(case, "MODE", "ingest") == "refresh":
        found = [line for line in lines if line.split()[1].rstrip(":") == "hostile"]
    else:
        shown = redact(str(hostile))
        found = [line for line in lines if f"({shown})" in line or line.startswith(f"error  {shown}:")]
    return found[0] if found else ""


def good_feed_name(case: ModuleType) -> str:
    return "good" if getattr(case, "MODE", "ingest") == "refresh" else f"good-{case.ID}"


# What the hostile, SQL and fault tests measured, written to results.json at
# the end of the session (merged into what is there, so running one part keeps the rest).
COLLECTED: dict[str, dict] = {"cases": {}, "sql": {}, "faults": {}}


def write_results() -> None:
    if not any(COLLECTED.values()):
        return
    try:
        previous = json.loads(RESULTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    merged = {section: {**previous.get(section, {}), **COLLECTED[section]} for section in COLLECTED}
    cases, sql, faults = merged["cases"], merged["sql"], merged["faults"]
    summary = {
        "cases": len(cases),
        "cases_passed": sum(1 for r in cases.values() if r["passed"]),
        "cases_max_seconds": max((r["seconds"] for r in cases.values()), default=0),
        "cases_max_peak_rss_mb": max((r["peak_rss_mb"] for r in cases.values()), default=0),
        "cases_max_parse_child_peak_rss_mb": max((r["parse_child_peak_rss_mb"] for r in cases.values()), default=0),
        "sql_attempts": len(sql),
        "sql_passed": sum(1 for r in sql.values() if r["passed"]),
        "sql_max_seconds": max((r["seconds"] for r in sql.values()), default=0),
        "sql_max_child_peak_rss_mb": max((r.get("child_peak_rss_mb", 0) for r in sql.values()), default=0),
        "faults": len(faults),
        "faults_passed": sum(1 for r in faults.values() if r["passed"]),
    }
    RESULTS.write_text(json.dumps({"summary": summary, **merged}, indent=2, sort_keys=True) + "\n",
                       encoding="utf-8")
