"""Analysis in worker processes gives exactly what it gives in one process.

Run in a fresh interpreter, as the CLI runs it: the pool starts its workers
with spawn, which re-imports __main__, and earlier tests (Streamlit's AppTest)
leave a dashboard page there."""

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
from pipelines import ingest
from pipelines.catalog import load_catalog
from pipelines.evaluate import sample_records

def run(batches, catalog, min_items):
    ingest.POOL_MIN_ITEMS = min_items
    rows = list(ingest._analyzed(batches, catalog))
    for batch in rows:  # each table as columns
        assert len(batch["analyses"]["analyzed_at"]) == len(batch["analyses"]["item_id"]) > 0
        batch["analyses"].pop("analyzed_at")
    return rows

if __name__ == "__main__":
    records = sample_records()[:120]
    batches = [records[i : i + 30] for i in range(0, len(records), 30)]
    catalog = load_catalog()
    serial, pooled = run(batches, catalog, 10**9), run(batches, catalog, 1)
    assert ingest.LAST_RUN_POOLED, "the pool did not run"
    assert len(serial) == len(pooled) == 4
    assert serial == pooled
    print("edges", sum(len(b["edges"].get("item_id", [])) for b in serial))
"""


def test_pool_and_serial_analysis_agree(tmp_path):
    script = tmp_path / "pool_check.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stdout.split()[-1]) > 0
