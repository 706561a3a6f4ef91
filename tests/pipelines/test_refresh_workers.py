"""A refresh that parses and analyses in worker processes stores exactly
what one that does it all here stores; feeds are stored several at a time,
and one that cannot be stored costs only itself."""

import os
import random
import subprocess
import sys
import time
from datetime import datetime

import duckdb

from pipelines import ANALYZER_VERSION
from pipelines.feeds import load_config
from pipelines.ingest import analysis_records
from pipelines.parse import normalize_entries, parse_document
from pipelines.refresh import run_refresh
from pipelines.workers import analysis_input
from tests.conftest import ROOT
from tests.feedserver import FeedServer, feed_of, rss, write_config
from warehouse import db, store

T0 = datetime(2030, 1, 1, 12, 0, 0)

# In a fresh interpreter, as the CLI runs: workers are spawned, which
# re-imports __main__ (earlier tests leave a Streamlit page there).
SCRIPT = """
import random, sys
from datetime import datetime, timedelta
from pathlib import Path

from pipelines import refresh as R
from pipelines.catalog import load_catalog
from pipelines.feeds import load_config
from tests.feedserver import FeedServer, feed_of, rss, write_config
from tests.rollups import assert_rollups_as_rebuilt
from warehouse import db

TABLES = {
    "feed_items": "item_id, title, body, content_hash, published_at",
    "item_analysis": "item_id, content_hash, analyzer_version, catalog_version",
    "item_sentences": "item_id, sentence_no, text",
    "item_mentions": "item_id, sentence_no, start_char, company, alias",
    "item_edges": "item_id, sentence_no, speaker, target, stance, polarity, evidence",
}

def serve(server, grown):
    for i in range(6):
        server.feed(f"/f{i}.xml", feed_of(f"f{i}", 8 + (3 if grown and i % 2 else 0)))
    changed = "Sam Altman said Google is a serious threat." if grown else "Nvidia said Microsoft is a rival."
    server.feed("/own.xml", rss([("own-1", "OpenAI update", changed),
                                 ("own-2", "Llama", "Meta said Mistral is peanuts, and Claude is the bar."),
                                 ("own-2", "Llama again", "A repeated key: the last copy wins.")]))

def content(path):
    con = db.open_reader(path)
    try:
        return {t: con.execute(f"SELECT {c} FROM {t} ORDER BY ALL").fetchall() for t, c in TABLES.items()}
    finally:
        con.close()


def run(tmp, after_documents):
    R.POOL_AFTER_DOCUMENTS = after_documents
    catalog, path, pooled = load_catalog(), tmp / f"after-{after_documents}.duckdb", []
    with FeedServer() as server:
        feeds = [{"name": f"f{i}", "url": server.url(f"/f{i}.xml")} for i in range(6)]
        feeds.append({"name": "own", "url": server.url("/own.xml"), "owner": "openai", "kind": "blog"})
        config = load_config(write_config(tmp / "feeds.toml", feeds))
        for grown in (False, True):
            serve(server, grown)
            report = R.run_refresh(path, config, catalog, now=datetime(2030, 1, 1) + timedelta(hours=grown),
                                   force=True, rng=random.Random(7))
            assert report.errors == 0, report.summary()
            pooled.append(report.pooled_documents)
            assert_rollups_as_rebuilt(path)
    return content(path), pooled

if __name__ == "__main__":
    tmp = Path(sys.argv[1])
    here, none = run(tmp, 10**9)
    pooled, counts = run(tmp, 1)
    assert none == [0, 0], none
    assert counts == [7, 4], f"documents parsed by the workers: {counts}"  # 3 feeds did not change
    for table in TABLES:
        assert here[table] == pooled[table], table
    print("edges", len(pooled["item_edges"]))
"""


def test_workers_store_what_this_process_stores(tmp_path):
    script = tmp_path / "workers_check.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stdout.split()[-1]) > 0


def test_analysis_input_is_what_the_warehouse_gives_the_analyzer(tmp_path):
    body = rss([("a", "OpenAI said so", "Meta said Mistral is peanuts."), ("b", "B", "Nothing here."),
                ("a", "OpenAI again", "The last copy of a key wins.")])
    items = normalize_entries(parse_document(body), feed_name="own", fetched_at=T0)
    items[1]["filer_cik"] = "0001326801"
    with db.writer(tmp_path / "rw.duckdb", publish=False) as con:
        store.upsert_feed(con, name="own", url=None, kind="blog", owner="openai", title="Own", site_url=None)
        store.upsert_items(con, items)
        stored = analysis_records(store.items_to_analyze(con, ANALYZER_VERSION, "any"))
    assert analysis_input(items, owner="openai", kind="blog") == stored
    assert sorted(r["title"] for r in stored) == ["B", "OpenAI again"]


def test_a_feed_that_cannot_be_stored_costs_only_itself(tmp_path, monkeypatch, catalog):
    upsert = store.upsert_items

    def refuse_bad(con, items):
        if any(item["feed"] == "bad" for item in items):
            raise duckdb.ConstraintException("a constraint failed")
        return upsert(con, items)

    monkeypatch.setattr(store, "upsert_items", refuse_bad)
    with FeedServer() as server:
        for name in ("good", "bad", "fine"):
            server.feed(f"/{name}.xml", feed_of(name, 3))
        config = load_config(write_config(tmp_path / "feeds.toml", [
            {"name": name, "url": server.url(f"/{name}.xml")} for name in ("good", "bad", "fine")]))
        report = run_refresh(tmp_path / "rw.duckdb", config, catalog, now=T0, rng=random.Random(7))
    outcomes = {o.feed: o for o in report.outcomes}
    assert outcomes["good"].new == outcomes["fine"].new == 3
    assert outcomes["bad"].outcome == "error" and "could not store its items" in outcomes["bad"].message
    assert report.new_items == 6 and report.analysed == 6


def _children(pid: int) -> set[int]:
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            found |= {int(c) for c in handle.read().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_of_a_killed_refresh_exit(tmp_path):
    with FeedServer() as server:
        for i in range(8):  # the last feeds answer slowly: the run is still going when it is killed
            server.feed(f"/f{i}.xml", feed_of(f"f{i}", 20), delay=0.05 if i < 5 else 3.0)
        config = write_config(tmp_path / "feeds.toml", [{"name": f"f{i}", "url": server.url(f"/f{i}.xml")}
                                                        for i in range(8)])
        victim = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "--db", str(tmp_path / "rw.duckdb"),
                                   "refresh", "--config", str(config), "--no-progress"], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline, workers = time.monotonic() + 60, set()
            while time.monotonic() < deadline and len(workers) < 2 and victim.poll() is None:
                workers = {c for c in _children(victim.pid) if "spawn_main" in open(f"/proc/{c}/cmdline").read()}
                time.sleep(0.05)
            assert len(workers) >= 2, "the refresh started no workers"
        finally:
            victim.kill()
            victim.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
