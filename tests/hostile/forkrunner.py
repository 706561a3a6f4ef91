"""Run `rivalwatch` commands in fresh processes, fast, and measure each one.

Started once per test session (``python -m tests.hostile.forkrunner``), it
imports rivalwatch and waits for JSON requests on stdin. Each request forks a
child that runs the `rivalwatch` entry point (``pipelines.cli.main``) with the
given arguments, exactly as the console script would, with its output in two
files. The parent measures the child's wall time and peak resident memory
(``os.wait4``), kills its whole process group at the deadline, or at
``kill_after_s`` for the SIGKILL faults, and answers with one JSON line.

Forking skips a second of interpreter start and imports per run, which is what
lets 40 hostile cases and 20 killed refreshes fit in the test budget; the
children share one ``warehouse.fenced`` server, started here first. This
process starts no thread and opens no database, so forking it is safe.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import signal
import sys
import time
import traceback

import pipelines.cli  # noqa: F401  (loaded once, shared by every child)
import pipelines.parse
import pipelines.refresh  # noqa: F401
import warehouse.sandbox
from warehouse import fenced

# A safety net for the machine, far above the bounds the tests assert
# (DuckDB alone reserves ~1 GB of address space it never touches).
ADDRESS_SPACE_CAP = 6 * 1024**3


def _patch(patches: dict) -> None:
    for dotted, value in patches.items():
        module_name, _, attribute = dotted.rpartition(".")
        setattr(importlib.import_module(module_name), attribute, value)


def _child(request: dict) -> None:
    os.setpgid(0, 0)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    code = 99
    try:
        os.chdir(request.get("cwd") or os.getcwd())
        os.environ.update(request.get("env") or {})
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))
        if request.get("file_size_limit"):
            # A full disk, for real: writes past this size fail with EFBIG.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            limit = int(request["file_size_limit"])
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        _patch(request.get("patch") or {})
        from pipelines.cli import main

        main.main(args=request["argv"], prog_name="rivalwatch", standalone_mode=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 98
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            stats = {"parse_child_peak_kb": pipelines.parse.child_peak_kb,
                     "sql_child_peak_kb": warehouse.sandbox.child_peak_kb,
                     "descendants_peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}
            with open(request["stats"], "w", encoding="utf-8") as handle:
                json.dump(stats, handle)
        finally:
            os._exit(code)


def _run(request: dict) -> dict:
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(request)
    deadline = started + float(request.get("deadline_s", 60))
    kill_at = started + float(request["kill_after_s"]) if request.get("kill_after_s") is not None else None
    killed = None
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        now = time.monotonic()
        if killed is None and kill_at is not None and now >= kill_at:
            killed = "kill_after"
        elif killed is None and now >= deadline:
            killed = "deadline"
        if killed:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            done, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.005)
    seconds = time.monotonic() - started
    if killed:  # whatever it started dies with it (the parse server, its children)
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return {
        "exit": os.waitstatus_to_exitcode(status), "seconds": round(seconds, 3),
        "maxrss_kb": usage.ru_maxrss, "killed": killed,
    }


def _warm_up() -> None:
    """What every run would otherwise pay once: the catalog, the analyzers'
    lexicons, the parse server's imports. Children inherit it warm, so a
    case's time is the cost of its input."""
    from pipelines.analyze import analyze_text
    from pipelines.catalog import load_catalog

    analyze_text("Nvidia said that Microsoft is a serious threat to its business.", load_catalog())
    pipelines.parse.parse_document(b'<rss version="2.0"><channel><title>w</title><item><title>t</title></item>'
                                   b"</channel></rss>")


def main() -> None:
    fenced.start()  # one parse/SQL server for every child, started before any of them
    _warm_up()
    sys.stdout.write(json.dumps({"ready": os.getpid()}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        answer = _run(json.loads(line))
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
