"""`rivalwatch refresh` killed with SIGKILL at random moments, twenty times,
while its feeds keep growing; then one clean run. Nothing may be lost or
doubled: the final item count is exactly what the feeds hold, every item is
analysed, and the snapshot stays readable after every kill.

Each run is the `rivalwatch` entry point in a fresh process forked by
tests/hostile/forkrunner.py, killed (its whole process group) after a delay
drawn from a seeded generator: the seed is in the failure message."""

from __future__ import annotations

import os
import random
import time

from tests.feedserver import feed_of, write_config
from tests.hostile.runner import COLLECTED
from warehouse.sandbox import run_sql

FEEDS = 8
FIRST_ITEMS = 20
KILLS = 20


def _count(db, query: str) -> int:
    return int(run_sql(db, query, time_limit_s=30).frame.iloc[0, 0])


def test_twenty_sigkills_at_random_moments_then_exact_counts(tmp_path, forkrunner, feed_server):
    seed = int(os.environ.get("RIVALWATCH_FAULT_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    counts = {f"k{i}": FIRST_ITEMS for i in range(FEEDS)}

    def serve(name: str) -> None:
        feed_server.feed(f"/sigkill/{name}.xml", feed_of(name, counts[name]), delay=0.05)

    for name in counts:
        serve(name)
    config = write_config(tmp_path / "feeds.toml", [
        {"name": name, "url": feed_server.url(f"/sigkill/{name}.xml"), "interval": "30m"} for name in counts],
        per_host_concurrency=2)
    db = tmp_path / "rw.duckdb"
    argv = ["--db", db, "refresh", "--config", config, "--force", "--no-progress"]

    def grow() -> None:  # new items in three feeds between runs
        for name in rng.sample(sorted(counts), 3):
            counts[name] += rng.randint(1, 6)
            serve(name)

    first = forkrunner.run(argv, workdir=tmp_path, name="first")
    assert first.exit == 0, first.output
    grow()
    typical = forkrunner.run(argv, workdir=tmp_path, name="typical")  # how long a run with new items takes here
    assert typical.exit == 0, typical.output
    outcomes, shortest = [], typical.seconds
    for kill in range(KILLS):
        grow()
        delay = rng.uniform(0.02, shortest)
        run = forkrunner.run(argv, workdir=tmp_path, kill_after_s=delay, name=f"kill{kill}")
        assert run.killed in (None, "kill_after"), run.output
        assert "Traceback" not in run.output, f"seed {seed}\n{run.output}"
        outcomes.append("killed" if run.killed else f"finished (exit {run.exit})")
        if run.killed is None:
            assert run.exit in (0, 3), f"seed {seed}\n{run.output}"
            shortest = min(shortest, run.seconds)  # aim the next kills inside a whole run
        # Readers never see a damaged snapshot, whatever moment the writer died at.
        assert _count(db, "SELECT count(*) FROM items") > 0

    final = forkrunner.run(argv, workdir=tmp_path, name="final")
    assert final.exit == 0, f"seed {seed}\n{final.output}"
    expected = sum(counts.values())
    got = {
        "items": _count(db, "SELECT count(*) FROM feed_items"),
        "distinct": _count(db, "SELECT count(DISTINCT item_id) FROM feed_items"),
        "analysed": _count(db, "SELECT count(*) FROM item_analysis"),
        "running": _count(db, "SELECT count(*) FROM runs WHERE status = 'running'"),
    }
    per_feed = dict(run_sql(db, "SELECT feed, count(*) FROM items GROUP BY feed").frame.values.tolist())
    killed = outcomes.count("killed")
    COLLECTED["faults"]["sigkill_refresh"] = {
        "description": f"{KILLS} runs of `rivalwatch refresh` killed with SIGKILL at random moments, feeds growing",
        "seed": seed, "killed": killed, "finished": KILLS - killed, "expected_items": expected, "got": got,
        "passed": False,
    }
    assert got == {"items": expected, "distinct": expected, "analysed": expected, "running": 0}, \
        f"seed {seed}: {outcomes}"
    assert per_feed == counts, f"seed {seed}"
    assert killed >= KILLS // 2, f"seed {seed}: {outcomes}"  # most runs really died mid-way
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers, leftovers  # temp copies of killed publishes are cleaned up
    COLLECTED["faults"]["sigkill_refresh"]["passed"] = True
