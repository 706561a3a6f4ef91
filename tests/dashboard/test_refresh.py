"""Refresh now: a detached process, reported calmly, never waited for."""

from __future__ import annotations

import sys
import time

from dashboard import refresh


def _run(tmp_path, code: str) -> refresh.Started:
    return refresh.start(tmp_path / "rw.duckdb", argv=[sys.executable, "-c", code])


def test_the_command_is_rivalwatch_refresh_on_the_warehouse(tmp_path):
    argv = refresh.command(tmp_path / "rw.duckdb")
    assert argv[0] == sys.executable and argv[-3:] == ["--db", str(tmp_path / "rw.duckdb"), "refresh"]
    assert refresh.log_path(tmp_path / "rw.duckdb") == tmp_path / "rw.refresh.log"


def test_start_returns_at_once_and_runs_in_its_own_session(tmp_path):
    began = time.monotonic()
    started = _run(tmp_path, "import time; time.sleep(5)")
    try:
        assert time.monotonic() - began < 1.0
        assert refresh.report(started).state == "running"
        import os
        assert os.getsid(started.process.pid) == started.process.pid  # detached from the server
    finally:
        started.process.kill()
        started.process.wait()


def test_a_missing_refresh_command_is_reported_calmly(tmp_path):
    started = _run(tmp_path, "import sys; print(\"Error: No such command 'refresh'.\"); sys.exit(2)")
    assert refresh.wait_briefly(started, 10) == 2
    told = refresh.report(started)
    assert told.state == "unavailable" and "no `refresh` command" in told.message


def test_outcomes_are_told_from_the_exit_code_and_the_log(tmp_path):
    done = _run(tmp_path, "print('12 feeds, 30 new items -> rw.duckdb')")
    refresh.wait_briefly(done, 10)
    assert refresh.report(done).state == "done" and "30 new items" in refresh.report(done).message
    busy = _run(tmp_path, "import sys; print('error: another refresh is running'); sys.exit(3)")
    refresh.wait_briefly(busy, 10)
    assert refresh.report(busy).state == "busy"
    partial = _run(tmp_path, "import sys; print('2 of 12 feeds failed'); sys.exit(1)")
    refresh.wait_briefly(partial, 10)
    assert refresh.report(partial).state == "partial"
    assert "2 of 12 feeds failed" in refresh.output(partial)
    assert "30 new items" not in refresh.output(partial)  # each run reads its own part of the log
    log = refresh.log_path(tmp_path / "rw.duckdb").read_text()
    assert log.count("refresh started from the dashboard") == 3
