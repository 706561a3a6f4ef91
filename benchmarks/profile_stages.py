"""Where the time goes: cProfile of the analysis and of a refresh on the
synthetic corpus (benchmarks/corpus.py), every thread included.

- analysis: ``analyze_records`` over N corpus items, in this process;
- parse: ``parse_document`` + ``normalize_entries`` over the corpus's feeds;
- refresh: ``run_refresh`` of F local feeds into an empty warehouse with the
  worker processes off (so parsing and analysis are in this process). The
  fetch workers run in threads: each gets its own profiler
  (``threading.setprofile``), merged with the main thread's, all timed in
  CPU time of their thread
  (``time.thread_time``): wall time in a thread would count the waits for
  the GIL as the work of whatever function was waiting.

Writes bench/profile.txt: per stage, the functions with the largest own time
and largest cumulative time, each with its share of the stage's wall time.

    python -m benchmarks.profile_stages [--items 3000] [--feeds 60 --items-per-feed 50]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402
from benchmarks.procs import FeedServers  # noqa: E402

OUT = ROOT / "bench" / "profile.txt"


def _where(key: tuple) -> str:
    filename, line, name = key
    path = Path(filename)
    for marker in ("site-packages", "lib/python3"):
        if marker in filename:
            return f"{filename.split(marker + '/')[-1]}:{line}({name})"
    try:
        return f"{path.resolve().relative_to(ROOT)}:{line}({name})"
    except ValueError:
        return f"{filename}:{line}({name})"


def top(stats: pstats.Stats, wall_s: float, *, by: str, count: int) -> list[dict]:
    """Rows of the `count` functions with the largest own ('tottime') or
    cumulative ('cumtime') time, with their share of the wall time."""
    rows = []
    for key, (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": _where(key), "calls": calls, "own_s": tottime, "cum_s": cumtime})
    rows.sort(key=lambda r: r["own_s" if by == "tottime" else "cum_s"], reverse=True)
    for row in rows:
        row["own_share"] = row["own_s"] / wall_s
        row["cum_share"] = row["cum_s"] / wall_s
    return rows[:count]


def render(title: str, stats: pstats.Stats, wall_s: float, count: int = 25, unit: str = "wall") -> str:
    out = io.StringIO()
    out.write(f"== {title}: {wall_s:.2f} s {unit} (profiler overhead included); % of that\n\n")
    for by, label in (("tottime", "own time"), ("cumtime", "cumulative time")):
        out.write(f"-- top {count} by {label}\n")
        out.write(f"{'own s':>8} {'own %':>6} {'cum s':>8} {'cum %':>6} {'calls':>9}  function\n")
        for r in top(stats, wall_s, by=by, count=count):
            out.write(f"{r['own_s']:8.3f} {r['own_share']:6.1%} {r['cum_s']:8.3f} {r['cum_share']:6.1%} "
                      f"{r['calls']:9d}  {r['function']}\n")
        out.write("\n")
    return out.getvalue()


def profile_call(action, timer=None) -> tuple[pstats.Stats, float]:
    profiler = cProfile.Profile(timer) if timer else cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    action()
    profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - started


def profile_analysis(items: int, feeds: int, seed: int) -> tuple[pstats.Stats, float]:
    from benchmarks.run import analysis_records
    from pipelines.analyze import analyze_records
    from pipelines.catalog import load_catalog

    catalog = load_catalog()
    records = analysis_records(seed, feeds, items)
    analyze_records(records[:20], catalog, now=datetime(2026, 1, 1))  # lexicons load outside the profile
    return profile_call(lambda: analyze_records(records, catalog, now=datetime(2026, 1, 1)))


def profile_parse(feeds: int, items: int, seed: int) -> tuple[pstats.Stats, float]:
    from pipelines.parse import normalize_entries, parse_document

    bodies = [corpus.rss(seed, n, items) for n in range(feeds)]
    parse_document(bodies[0])

    def work() -> None:
        for n, body in enumerate(bodies):
            normalize_entries(parse_document(body), feed_name=corpus.feed_name(n), fetched_at=datetime(2026, 1, 1))

    return profile_call(work)


def profile_refresh(feeds: int, items: int, seed: int, workdir: Path,
                    into: Path | None = None) -> tuple[pstats.Stats, float, float]:
    """run_refresh with every thread profiled; the worker processes are
    turned off (parsing in the fetching threads, analysis at the end) so
    their work shows here. With `into`, the refresh writes into a copy of
    that warehouse (what grows with its size?)."""
    from benchmarks.run import write_feeds_config
    from pipelines import ingest, refresh
    from pipelines.catalog import load_catalog
    from pipelines.feeds import load_config
    from pipelines.refresh import run_refresh

    ingest.POOL_MIN_ITEMS = 10**12
    refresh.POOL_AFTER_DOCUMENTS = 10**12
    thread_profiles: list[cProfile.Profile] = []
    lock = threading.Lock()

    def per_thread(frame, event, arg):  # the first event in a new thread starts its profiler
        sys.setprofile(None)
        profiler = cProfile.Profile(time.thread_time)
        with lock:
            thread_profiles.append(profiler)
        profiler.enable()

    target = workdir / "profile.duckdb"
    if into is not None:
        shutil.copyfile(into, target)
    with FeedServers(seed=seed, feeds=feeds, items=items) as servers:
        config_file = write_feeds_config(workdir / "feeds.toml", servers.urls)
        config, catalog = load_config(config_file), load_catalog()
        if into is None:  # into a big warehouse: the main thread's wall time is the question
            threading.setprofile(per_thread)
        try:
            stats, wall = profile_call(lambda: run_refresh(target, config, catalog),
                                       timer=time.perf_counter if into is not None else time.thread_time)
        finally:
            threading.setprofile(None)
    for profiler in thread_profiles:
        try:
            stats.add(profiler)
        except TypeError:
            pass  # a thread that recorded nothing
    cpu = sum(tottime for _, _, tottime, _, _ in stats.stats.values())  # type: ignore[attr-defined]
    return stats, wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="cProfile of analysis, parse and refresh on the synthetic corpus")
    parser.add_argument("--items", type=int, default=3000, help="items for the analysis profile")
    parser.add_argument("--feeds", type=int, default=60)
    parser.add_argument("--items-per-feed", type=int, default=50)
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--into", type=Path, help="profile only a refresh into a copy of this warehouse, main "
                                                  "thread in wall time (e.g. one built by dashboard_queries.build)")
    args = parser.parse_args(argv)
    sections = []
    if args.into:
        with tempfile.TemporaryDirectory(prefix="rw-profile-") as tmp:
            stats, wall, _ = profile_refresh(args.feeds, args.items_per_feed, args.seed, Path(tmp), into=args.into)
        text = render(f"refresh: {args.feeds} local feeds x {args.items_per_feed} items into a copy of {args.into}",
                      stats, wall, args.top)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(text)
        return
    stats, wall = profile_analysis(args.items, args.feeds, args.seed)
    sections.append(render(f"analysis: analyze_records over {args.items:,} corpus items", stats, wall, args.top))
    stats, wall = profile_parse(args.feeds, args.items_per_feed, args.seed)
    sections.append(render(f"parse: {args.feeds} feeds x {args.items_per_feed} items", stats, wall, args.top))
    with tempfile.TemporaryDirectory(prefix="rw-profile-") as tmp:
        stats, wall, cpu = profile_refresh(args.feeds, args.items_per_feed, args.seed, Path(tmp))
    sections.append(render(f"refresh: {args.feeds} local feeds x {args.items_per_feed} items into an empty "
                           f"warehouse, {wall:.2f} s wall; CPU time of every thread", stats, cpu, args.top,
                           unit="CPU"))
    text = "\n".join(sections)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
