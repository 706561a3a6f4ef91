"""Analysis in worker processes gives exactly what it gives in one process."""

from pipelines import ingest
from pipelines.evaluate import sample_records


def test_pool_and_serial_analysis_agree(catalog, monkeypatch):
    records = sample_records()[:120]
    batches = [records[i : i + 30] for i in range(0, len(records), 30)]

    def run(min_items):
        monkeypatch.setattr(ingest, "POOL_MIN_ITEMS", min_items)
        rows = list(ingest._analyzed(batches, catalog))
        for batch in rows:
            for analysis in batch["analyses"]:
                analysis.pop("analyzed_at")
        return rows

    serial, pooled = run(10**9), run(1)
    assert len(serial) == len(pooled) == 4
    assert serial == pooled
    assert sum(len(b["edges"]) for b in serial) > 0
