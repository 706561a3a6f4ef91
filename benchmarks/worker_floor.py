"""How fast the refresh's worker processes alone can parse and analyse the
synthetic corpus: the same jobs a first refresh sends them (a parse job per
feed, then analysis jobs of ANALYSIS_CHUNK items), with no fetching,
storing or writing. A refresh cannot be faster than this plus its start-up;
the gap between the two is what the writer's process costs.

    python -m benchmarks.worker_floor --feeds 200 --items-per-feed 50

Prints JSON: the pool's wall and CPU time, and the CPU time of the same
work in one process (``--no-serial`` skips it).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> dict:
    from pipelines.analyze import analyze_records
    from pipelines.catalog import load_catalog
    from pipelines.parse import parse_feed
    from pipelines.refresh_work import ANALYSIS_CHUNK
    from pipelines.workers import Workers, analysis_input
    from warehouse.db import utcnow

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items-per-feed", type=int, default=50)
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--no-serial", action="store_true", help="skip the one-process measurement")
    args = parser.parse_args(argv)
    catalog, now = load_catalog(), utcnow()
    bodies = [corpus.rss(args.seed, feed, args.items_per_feed) for feed in range(args.feeds)]
    options = [dict(feed_name=corpus.feed_name(n), fetched_at=now, run_id=1) for n in range(args.feeds)]
    result: dict = {"feeds": args.feeds, "items": args.feeds * args.items_per_feed}

    def chunks(parsed: list) -> list[list[dict]]:
        records = [r for _, items in parsed for r in analysis_input(items, owner=None, kind="news")]
        return [records[n : n + ANALYSIS_CHUNK] for n in range(0, len(records), ANALYSIS_CHUNK)]

    started, cpu = time.perf_counter(), time.process_time() + _children_cpu()
    with Workers(catalog) as workers:
        workers.start()
        jobs = [workers.parse(body, {}, **option) for body, option in zip(bodies, options, strict=True)]
        analyses = [workers.analyze(chunk, now) for chunk in chunks([job.result() for job in jobs])]
        for job in analyses:
            job.result()
        result["processes"] = workers.processes
    result["pool_wall_s"] = round(time.perf_counter() - started, 3)
    result["pool_cpu_s"] = round(time.process_time() + _children_cpu() - cpu, 3)

    if not args.no_serial:
        cpu = time.process_time()
        for chunk in chunks([parse_feed(body, headers={}, **option) for body, option in zip(bodies, options,
                                                                                            strict=True)]):
            analyze_records(chunk, catalog, now=now)
        result["one_process_cpu_s"] = round(time.process_time() - cpu, 3)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
