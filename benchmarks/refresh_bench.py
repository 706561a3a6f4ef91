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
"""

from __future__ import annotations

import json
import os
import platform
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


if __name__ == "__main__":
    main()
