"""Measure `rivalwatch refresh` on 200 feeds x 50 items served from 127.0.0.1.

Four local servers (127.0.0.1-4, so the per-host limit acts as it would on
the internet) serve generated feeds with ETags. Measured:
- first refresh: fetch, parse, store and analyse 10,000 new items;
- unchanged (304): nothing changed, every feed answers 304 Not Modified;
- unchanged (same body): the servers stop sending validators, every feed
  answers 200 with the same bytes, and the body hash skips the parse;
- one feed changed (5 new items among 10,000 stored): cost follows new data;
- an unchanged refresh through the `rivalwatch` command (interpreter start
  and imports included).
Target: an unchanged refresh of the 200 feeds under 2 s.
Writes benchmarks/results/refresh.json.

Run: .venv/bin/python benchmarks/refresh_bench.py

With ``--end-to-end N``: only `make bench`'s end-to-end stage, N times: the
first `rivalwatch refresh` of the benchmark corpus (benchmarks/corpus.py,
200 feeds x 50 items unless told) into an empty warehouse, through the
command. Prints each run's wall and CPU time and the load average, the best
and the median, and a checksum of every table of the warehouse it wrote
(clock columns left out, local ports masked), so two versions of the code
can be shown to write the same rows. ``--naive`` adds the naive script once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.catalog import load_catalog  # noqa: E402
from pipelines.feeds import load_config  # noqa: E402
from pipelines.refresh import Reporter, run_refresh  # noqa: E402
from tests.feedserver import FeedServer, rss, write_config  # noqa: E402
from warehouse.db import utcnow  # noqa: E402

FEEDS, ITEMS, HOSTS = 200, 50, 4
COMPANIES = ["OpenAI", "Meta", "Google", "Microsoft", "Nvidia", "Anthropic", "Mistral", "Amazon", "Apple", "xAI"]


def feed_body(n: int, extra: int = 0) -> bytes:
    items = []
    for i in range(ITEMS + extra):
        a, b = COMPANIES[(n + i) % len(COMPANIES)], COMPANIES[(n + 3 * i + 1) % len(COMPANIES)]
        if a == b:
            b = "DeepSeek"
        text = (f"{a} said in a statement that its new model outperformed {b} on reasoning tests. "
                f"Analysts expect {b} to answer within weeks. The company declined to comment on pricing. "
                f"Feed {n}, story {i}.")
        items.append((f"bench-{n}-{i}", f"{a} and {b}: story {i} of feed {n}", text))
    return rss(items, title=f"Bench feed {n}")


class PhaseClock(Reporter):
    """When fetching+storing ended and analysis began."""

    def start(self, total: int) -> None:
        self.started = time.perf_counter()
        self.analysis_started = None

    def phase(self, text: str) -> None:
        self.analysis_started = time.perf_counter()

    def close(self) -> None:
        self.ended = time.perf_counter()

    def split(self) -> dict:
        middle = self.analysis_started or self.ended
        return {"fetch_parse_store_s": round(middle - self.started, 3), "analyse_s": round(self.ended - middle, 3)}


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    seconds = round(time.perf_counter() - started, 3)
    print(f"{label}: {seconds} s")
    return result, seconds


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="rw-bench-"))
    servers = [FeedServer(host=f"127.0.0.{h + 1}") for h in range(HOSTS)]
    for server in servers:
        server.__enter__()
    try:
        entries = []
        for n in range(FEEDS):
            server = servers[n % HOSTS]
            server.feed(f"/feed-{n}.xml", feed_body(n))
            entries.append({"name": f"bench-{n}", "url": server.url(f"/feed-{n}.xml"), "interval": "30m"})
        config_file = write_config(workdir / "feeds.toml", entries, allow_private_networks=["127.0.0.0/8"],
                                   total_timeout="30s", max_bytes="15MiB")
        config = load_config(config_file)
        catalog = load_catalog()
        db_path = workdir / "bench.duckdb"
        now = utcnow()

        clock = PhaseClock()
        first, first_s = timed("first refresh",
                               lambda: run_refresh(db_path, config, catalog, now=now, reporter=clock))
        print(" ", clock.split())
        print(" ", first.summary())
        later = now + timedelta(hours=1)
        same, same_s = timed("unchanged refresh (304)", lambda: run_refresh(db_path, config, catalog, now=later))
        print(" ", same.summary())
        for server in servers:  # now the same bytes, without validators: the body hash must catch it
            for route in server.routes.values():
                route.etag = None
        hashed, hashed_s = timed("unchanged refresh (same body, no validators)",
                                 lambda: run_refresh(db_path, config, catalog, now=later + timedelta(hours=1)))
        print(" ", hashed.summary())
        # One feed gains five items: the cost should follow those five, not the 10,000 stored.
        servers[0].feed("/feed-0.xml", feed_body(0, extra=5))
        one, one_s = timed("one feed changed (5 new items)",
                           lambda: run_refresh(db_path, config, catalog, now=later + timedelta(hours=2)))
        print(" ", one.summary())
        exe = Path(sys.executable).with_name("rivalwatch")
        env = dict(os.environ, RIVALWATCH_DB=str(db_path))
        command = [str(exe), "refresh", "--config", str(config_file), "--force", "--no-progress"]
        done, cli_s = timed("unchanged refresh through the CLI (process start included)",
                            lambda: subprocess.run(command, env=env, capture_output=True, text=True, check=True))
        print(" ", done.stdout.strip().splitlines()[-1])
        size_mib = round(db_path.stat().st_size / 2**20, 1)
    finally:
        for server in servers:
            server.__exit__(None, None, None)

    payload = {
        "feeds": FEEDS, "items_per_feed": ITEMS, "hosts": HOSTS,
        "per_host_concurrency": config.settings.per_host_concurrency, "max_workers": config.settings.max_workers,
        "first_refresh_s": first_s, "first_refresh_phases": clock.split(),
        "first_new_items": first.new_items, "first_analysed": first.analysed,
        "unchanged_304_s": same_s, "unchanged_304_outcomes": {k: same.count(k) for k in ("not_modified", "error")},
        "unchanged_same_body_s": hashed_s, "unchanged_same_body_outcomes":
            {k: hashed.count(k) for k in ("unchanged", "fetched", "error")},
        "one_feed_changed_s": one_s, "one_feed_changed_new_items": one.new_items,
        "one_feed_changed_analysed": one.analysed,
        "unchanged_cli_s": cli_s, "warehouse_mib": size_mib,
        "target_unchanged_s": 2.0,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.system()},
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "refresh.json").write_text(json.dumps(payload, indent=2) + "\n")
    print(json.dumps(payload, indent=2))


# Columns that hold the clock of the run (or, in runs.detail, next-check
# times): they differ between two runs of the same code.
CLOCK_COLUMNS = {"fetched_at", "analyzed_at", "created_at", "updated_at", "applied_at", "last_fetch_at",
                 "last_success_at", "next_check_at", "started_at", "finished_at", "set_at", "detail"}


def table_checksums(db_path: Path) -> dict[str, list]:
    """{table: [rows, md5 of the sorted rows]} for every table, without the
    clock columns and with the feed servers' 127.0.0.x:port masked."""
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        sums = {}
        for table in tables:
            columns = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE "
                                                 "table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                       if r[0] not in CLOCK_COLUMNS]
            row = ", ".join(f'"{c}"' for c in columns)
            count, digest = con.execute(
                f"SELECT count(*), md5(coalesce(string_agg(r, chr(10) ORDER BY r), '')) FROM (SELECT "
                f"regexp_replace(({row})::VARCHAR, '127\\.0\\.0\\.[0-9]+:[0-9]+', 'HOST', 'g') AS r FROM {table})"
            ).fetchone()
            sums[table] = [count, digest]
        return sums
    finally:
        con.close()


def end_to_end(runs: int, feeds: int, items: int, naive: bool) -> dict:
    """`make bench`'s end-to-end stage alone, ``runs`` times (see the module docstring)."""
    from benchmarks import corpus
    from benchmarks.procs import FeedServers, measure
    from benchmarks.run import child_env, last_line, refresh_command, write_feeds_config

    workdir = Path(tempfile.mkdtemp(prefix="rw-e2e-"))
    rows, sums = [], None
    with FeedServers(seed=corpus.DEFAULT_SEED, feeds=feeds, items=items, hosts=HOSTS) as servers:
        config_file = write_feeds_config(workdir / "feeds.toml", servers.urls)
        for n in range(runs):
            db_path = workdir / f"run-{n}.duckdb"
            load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
            done = measure(refresh_command(db_path, config_file), env=child_env())
            rows.append({"wall_s": round(done.wall_s, 3), "cpu_s": round(done.cpu_s, 3),
                         "cores_used": round(done.cpu_s / done.wall_s, 2), "load_1min": load})
            print(f"run {n + 1}: wall {done.wall_s:.2f} s, CPU {done.cpu_s:.2f} s, load {load}: "
                  f"{last_line(done.stdout).split(' -> ')[0]}", flush=True)
            current = table_checksums(db_path)
            if sums is not None and current != sums:
                print("  the rows differ from run 1's", flush=True)
            sums = sums or current
        if naive:
            done = measure([sys.executable, "-m", "benchmarks.naive_baseline", "--config", str(config_file),
                            "--db", str(workdir / "naive.duckdb")], env=child_env(), cwd=ROOT)
            print(f"naive: wall {done.wall_s:.2f} s, CPU {done.cpu_s:.2f} s", flush=True)
    walls, cpus = [r["wall_s"] for r in rows], [r["cpu_s"] for r in rows]
    result = {"feeds": feeds, "items_per_feed": items, "runs": rows,
              "wall_best_s": min(walls), "wall_median_s": statistics.median(walls),
              "cpu_best_s": min(cpus), "cpu_median_s": statistics.median(cpus), "tables": sums}
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Refresh benchmarks (see the module docstring).")
    parser.add_argument("--end-to-end", type=int, metavar="N", help="only the first refresh through the command, "
                                                                  "N times, with table checksums")
    parser.add_argument("--feeds", type=int, default=FEEDS)
    parser.add_argument("--items-per-feed", type=int, default=ITEMS)
    parser.add_argument("--naive", action="store_true", help="with --end-to-end: the naive script once too")
    args = parser.parse_args()
    if args.end_to_end:
        end_to_end(args.end_to_end, args.feeds, args.items_per_feed, args.naive)
    else:
        main()
