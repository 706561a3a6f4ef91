"""The benchmark harness works: the corpus is deterministic and realistic
enough to exercise the analyzer, and a tiny --quick run yields every stage.
No timing is asserted here (benchmarks are numbers in files)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import duckdb

from benchmarks import corpus, run
from pipelines.analyze import analyze_records
from tests.conftest import ROOT


def test_corpus_is_deterministic_and_seeded():
    assert corpus.rss(8, 3, 12) == corpus.rss(8, 3, 12)
    assert corpus.rss(8, 3, 12) != corpus.rss(9, 3, 12)
    # An item does not depend on what was generated before it.
    late = corpus.make_item(8, 5, 40)
    assert corpus.feed_items(8, 5, 41)[40] == late


def test_corpus_rows_straight_into_duckdb_are_deterministic(tmp_path):
    rows = []
    for name in ("a.duckdb", "b.duckdb"):
        path = tmp_path / name
        assert corpus.write_duckdb(path, items=120, feeds=7, processes=1) == 120
        con = duckdb.connect(str(path), read_only=True)
        rows.append(con.execute("SELECT * FROM corpus_items ORDER BY item_guid").fetchall())
        con.close()
    assert rows[0] == rows[1]
    assert len({r[0] for r in rows[0]}) == 7


def test_corpus_items_exercise_mentions_quotes_and_edges(catalog):
    records = run.analysis_records(8, 10, 200)
    texts = [r["body"] for r in records]
    assert any(" said." in t and '"' in t for t in texts)            # quotes with a speech verb
    assert any("said in a statement that" in t for t in texts)       # reported speech
    assert any("According to" in t for t in texts)
    rows = analyze_records(records, catalog, now=datetime(2026, 1, 1))
    with_mentions = {m["item_id"] for m in rows["mentions"]}
    assert 0.6 * len(records) < len(with_mentions) < len(records)     # some items name no company
    assert {"quote", "reported_speech", "according_to"} <= {e["speaker_via"] for e in rows["edges"]}


def test_quick_harness_on_a_tiny_size_reports_every_stage(tmp_path):
    out, markdown = tmp_path / "results.json", tmp_path / "BENCHMARKS.md"
    # In its own interpreter, as `make bench` runs it: the harness starts its
    # servers with multiprocessing's spawn, which re-imports __main__, and
    # earlier tests (Streamlit's AppTest) leave a dashboard page there.
    done = subprocess.run([
        sys.executable, "-m", "benchmarks.run",
        "--quick", "--feeds", "3", "--items-per-feed", "4", "--analysis-items", "30", "--rounds", "1",
        "--dashboard-sizes", "500", "--dashboard-runs", "1", "--no-real-feeds",
        "--out", str(out), "--markdown", str(markdown), "--workdir", str(tmp_path / "work"),
    ], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    stages = results["stages"]
    for stage in ("parse", "analysis", "end_to_end", "unchanged_refresh", "dashboard"):
        assert stage in stages and "error" not in stages[stage], (stage, stages.get(stage))
    dashboard = stages["dashboard"]
    assert dashboard["sizes"]["500"]["queries"]
    assert "error" not in dashboard["refresh_at_scale"] and not dashboard["dashboard_process"]["error"]
    assert stages["end_to_end"]["naive"]["items"] == 12
    measures = {(c["stage"], c["measure"]) for c in results["checks"]}
    assert len(measures) == len(results["checks"]) >= 9
    for c in results["checks"]:
        assert c["value"] is not None and isinstance(c["pass"], bool) and c["target"], c
    text = markdown.read_text()
    assert "## Targets" in text and "cores" in text
