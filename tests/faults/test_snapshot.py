"""The published snapshot under stress: damaged on disk, and replaced fifty
times while another process reads it without pause."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.cli import main
from tests.hostile.runner import COLLECTED
from warehouse import db
from warehouse.sandbox import run_sql

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "pipelines" / "samples"


def _cli(path: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(path), *args])


def _damage(snapshot: Path, how: str) -> None:
    data = snapshot.read_bytes()
    damaged = {
        "emptied": b"",
        "overwritten with text": b"this is not a database\n" * 1000,
        "header scrambled": data[:8] + b"\xff" * 4096 + data[8 + 4096:],
        "cut to its first block": data[:4096],
    }[how]
    snapshot.write_bytes(damaged)


@pytest.mark.parametrize("how", ["emptied", "overwritten with text", "header scrambled", "cut to its first block"])
def test_a_damaged_snapshot_is_named_and_the_next_publish_repairs_it(tmp_path, how):
    path = tmp_path / "rw.duckdb"
    assert _cli(path, "ingest", str(SAMPLES / "openai-blog.xml")).exit_code == 0
    snapshot = db.snapshot_path(path)
    _damage(snapshot, how)

    with pytest.raises(db.WarehouseUnreadable) as unreadable:
        db.open_reader(path)  # what the dashboard's pages call
    assert isinstance(unreadable.value, db.WarehouseMissing)  # the dashboard's empty-state handler catches it
    message = str(unreadable.value)
    assert f"the snapshot at {snapshot} is unreadable" in message
    assert "run any writing command" in message and "to republish it" in message and "\n" not in message

    result = _cli(path, "sql", "SELECT count(*) FROM items")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "is unreadable" in result.stderr and "to republish it" in result.stderr

    assert _cli(path, "ingest", str(SAMPLES / "meta-ai-blog.xml")).exit_code == 0  # any writing command
    assert run_sql(path, "SELECT count(*) AS n FROM items").frame["n"].tolist() == [19 + 22]
    COLLECTED["faults"][f"corrupt_snapshot_{how.replace(' ', '_')}"] = {
        "description": f"snapshot {how}: readers name it, the next publish repairs it", "passed": True,
        "message": message}


READER = """
import json, os, sys, time
from warehouse import db, queries
path, stop, deadline = sys.argv[1], sys.argv[2], time.monotonic() + 120
reads, errors, counts = 0, [], []
print("reading", flush=True)
while not os.path.exists(stop) and time.monotonic() < deadline:
    try:
        con = db.open_reader(path)
        try:
            counts.append(int(con.execute("SELECT count(*) FROM items").fetchone()[0]))
            queries.run(con, "overview_counts", companies=[], start=None, end=None)
        finally:
            con.close()
        reads += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
print(json.dumps({"reads": reads, "errors": errors[:5], "error_count": len(errors), "counts": counts}))
"""


def test_a_reader_loop_in_another_process_sees_no_error_through_50_publishes(tmp_path):
    path = tmp_path / "rw.duckdb"
    assert _cli(path, "ingest", str(SAMPLES / "ai-wire.xml")).exit_code == 0
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(path), str(stop)], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert reader.stdout.readline().strip() == "reading"
    started = time.monotonic()
    for n in range(50):  # fifty writing jobs: a new row, checkpoint, publish
        with db.writer(path) as con:
            con.execute("INSERT INTO feeds (name, url, kind, created_at, updated_at) "
                        "VALUES (?, ?, 'news', now(), now())", [f"publish-{n}", f"https://example.com/{n}"])
    publishing = time.monotonic() - started
    time.sleep(0.2)
    stop.touch()
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    seen = json.loads(out)
    COLLECTED["faults"]["readers_through_50_publishes"] = {
        "description": "a reader loop in another process (open, query, close) while 50 writing jobs publish",
        "reads": seen["reads"], "errors": seen["error_count"], "publishing_seconds": round(publishing, 2),
        "passed": seen["error_count"] == 0}
    assert seen["error_count"] == 0, seen["errors"]
    assert seen["reads"] >= 50 and set(seen["counts"]) == {106}
