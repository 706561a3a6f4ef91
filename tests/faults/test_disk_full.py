"""A full disk while the warehouse is written or its snapshot published.

Two ways to fill it: for real, with RLIMIT_FSIZE on the writing process
(writes past the size fail with EFBIG, as on a full file system, without
needing a mount), and by injecting ENOSPC into the snapshot copy. Either way
the last snapshot stays readable with its rows, no temp copy is left, nothing
committed is lost, and the next run completes the work."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from click.testing import CliRunner

from pipelines.cli import main
from tests.hostile.runner import COLLECTED
from warehouse.sandbox import run_sql

SAMPLES = Path(__file__).resolve().parents[2] / "pipelines" / "samples"


def _ingest(path: Path, *files: str):
    return CliRunner().invoke(main, ["--db", str(path), "ingest", *(str(SAMPLES / f) for f in files)])


def _feeds(path: Path) -> dict[str, int]:
    frame = run_sql(path, "SELECT feed, count(*) AS n FROM items GROUP BY feed", time_limit_s=30).frame
    return dict(frame.values.tolist())


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_file_system_that_fills_up_while_writing(tmp_path, forkrunner):
    path = tmp_path / "rw.duckdb"
    assert _ingest(path, "ai-wire.xml").exit_code == 0
    before = _feeds(path)
    limit = path.stat().st_size // 2  # the next checkpoint or snapshot copy cannot fit
    full = forkrunner.run(["--db", path, "ingest", SAMPLES / "openai-blog.xml"], workdir=tmp_path,
                          file_size_limit=limit, name="full")
    assert full.exit != 0 and full.killed is None, full.output
    assert "File too large" in full.output, full.output
    assert _feeds(path) == before  # the last snapshot: readable, unchanged
    assert not _leftovers(tmp_path)
    after = forkrunner.run(["--db", path, "ingest", SAMPLES / "meta-ai-blog.xml"], workdir=tmp_path, name="after")
    assert after.exit == 0, after.output
    # What the failed run committed was kept (DuckDB's write-ahead log) and is now published.
    assert _feeds(path) == {**before, "OpenAI News (sample)": 19, "Meta AI Blog": 22}
    assert run_sql(path, "SELECT count(*) = count(DISTINCT item_id) AS ok FROM item_analysis").frame["ok"][0]
    COLLECTED["faults"]["disk_full_real"] = {
        "description": "RLIMIT_FSIZE below the warehouse's size during `ingest` (EFBIG at checkpoint)",
        "passed": True, "message": full.output.strip().splitlines()[-1][:300]}


def test_an_injected_enospc_while_publishing(tmp_path, monkeypatch):
    path = tmp_path / "rw.duckdb"
    assert _ingest(path, "ai-wire.xml").exit_code == 0
    before = _feeds(path)

    def half_then_full(src, dst, *args, **kwargs):
        with open(src, "rb") as source, open(dst, "wb") as target:
            target.write(source.read(Path(src).stat().st_size // 2))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", half_then_full)
    failed = _ingest(path, "openai-blog.xml")
    # The command ends with the SnapshotError's sentence, not a traceback.
    assert failed.exit_code == 1 and "Traceback" not in failed.output, failed.output
    message = failed.output.strip().splitlines()[-1]
    assert message.startswith("error: ")
    assert "could not publish the snapshot" in message and "No space left on device" in message
    assert "readers keep the previous one" in message
    assert _feeds(path) == before
    assert not _leftovers(tmp_path)
    monkeypatch.undo()
    assert _ingest(path, "meta-ai-blog.xml").exit_code == 0
    assert _feeds(path) == {**before, "OpenAI News (sample)": 19, "Meta AI Blog": 22}
    COLLECTED["faults"]["disk_full_injected"] = {
        "description": "ENOSPC injected half-way through the snapshot copy", "passed": True, "message": message}


def test_a_full_disk_is_reported_in_one_sentence(tmp_path, forkrunner):
    """The command says what happened and what happens next, without a
    traceback (STYLE.md: errors are sentences for a person)."""
    path = tmp_path / "rw.duckdb"
    assert _ingest(path, "ai-wire.xml").exit_code == 0
    full = forkrunner.run(["--db", path, "ingest", SAMPLES / "openai-blog.xml"], workdir=tmp_path,
                          file_size_limit=path.stat().st_size // 2, name="full")
    assert full.exit == 1, full.output
    assert "Traceback" not in full.output, full.output
    assert "could not write the warehouse" in full.output and "the next run completes it" in full.output
