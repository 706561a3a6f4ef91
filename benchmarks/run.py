"""`make bench`: every benchmark in one run, side by side with the plain
libraries rivalwatch wraps, on a deterministic synthetic corpus
(benchmarks/corpus.py). Writes bench/results.json and BENCHMARKS.md.

Stages (each result has a value, a target and pass/fail):
- parse: `parse_document` + `normalize_entries` against bare `feedparser.parse`
  on the same bytes (ratio <= 1.1);
- analysis: `analyze_records` against bare TextBlob polarity of every
  sentence (regex split) of the same items (ratio < 1);
- end to end: `rivalwatch refresh` of N local feeds against
  benchmarks/naive_baseline.py (feedparser.parse(url) + TextBlob + row-by-row
  INSERTs) on the same servers (wall-time ratio <= 0.33);
- unchanged refresh: every feed answers 304, then the same bytes without
  validators (< 2 s), in-process and through the command;
- dashboard queries: every page's named queries at each size (p95 < 300 ms
  at 1M items), through benchmarks/dashboard_queries.py;
- memory: peak memory (PSS of the process tree, see benchmarks/procs.py) of
  the refresh (also into the largest warehouse) and of the dashboard process
  running every page (< 1 GiB at 1M items);
- real feeds: parse and analysis side by side again on ../shared/data/feeds,
  when that folder exists.

    python -m benchmarks.run            # full run (200 feeds x 50 items; 10k, 100k, 1M items)
    python -m benchmarks.run --quick    # small sizes, under 2 minutes

Numbers, never timing assertions: nothing here fails because it is slow.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus, report  # noqa: E402
from benchmarks.procs import FeedServers, measure  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
MARKDOWN = ROOT / "BENCHMARKS.md"
MIB_1G = 1024.0


@dataclass
class Sizes:
    feeds: int = 200
    items_per_feed: int = 50
    hosts: int = 4
    analysis_items: int = 10_000
    rounds: int = 3                      # parse and analysis: best of this many
    dashboard_sizes: list[int] = field(default_factory=lambda: [10_000, 100_000, 1_000_000])
    dashboard_runs: int = 10
    seed: int = corpus.DEFAULT_SEED


FULL = Sizes()
QUICK = Sizes(feeds=40, items_per_feed=25, analysis_items=1000, rounds=2, dashboard_sizes=[10_000], dashboard_runs=5)


# -- stage: parse ---------------------------------------------------------------------


def best_of(rounds: int, action) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def stage_parse(bodies: list[bytes], rounds: int, records: list | None = None) -> dict:
    """Both parsers over the same documents; with `records`, the normalized
    items are appended to it (the analysis of the real feeds reads them)."""
    import feedparser

    from pipelines.parse import normalize_entries, parse_document

    fetched_at = datetime(2026, 1, 1)
    counted = {}

    def bare() -> None:
        counted["feedparser"] = sum(len(feedparser.parse(body).entries) for body in bodies)

    def bare_as_called() -> None:
        # feedparser with the options rivalwatch calls it with (pipelines.parse: no HTML sanitizer or
        # link rewriting, since pipelines.text turns the HTML into text): what rivalwatch adds on top.
        for body in bodies:
            feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)

    def ours() -> None:
        total = 0
        for n, body in enumerate(bodies):
            parsed = parse_document(body, headers={"content-type": "application/rss+xml"})
            total += len(normalize_entries(parsed, feed_name=corpus.feed_name(n), fetched_at=fetched_at))
        counted["rivalwatch"] = total

    ours(), bare()  # warm up: imports, lexbor, feedparser's first-use setup
    if records is not None:
        for n, body in enumerate(bodies):
            parsed = parse_document(body)
            records += [dict(item, owner=None, kind="news")
                        for item in normalize_entries(parsed, feed_name=f"real-{n}", fetched_at=fetched_at)]
    # Alternate so drift on a busy machine falls on both sides.
    bare_s, ours_s, as_called_s = [], [], []
    for _ in range(rounds):
        bare_s.append(best_of(1, bare))
        ours_s.append(best_of(1, ours))
        as_called_s.append(best_of(1, bare_as_called))
    items = counted["feedparser"]
    return {
        "documents": len(bodies), "items": items, "mib": round(sum(map(len, bodies)) / 2**20, 2),
        "feedparser_s": round(min(bare_s), 3), "rivalwatch_s": round(min(ours_s), 3),
        "feedparser_as_called_s": round(min(as_called_s), 3),
        "ratio_to_feedparser_as_called": round(min(ours_s) / min(as_called_s), 3),
        "feedparser_items_per_s": round(items / min(bare_s)), "rivalwatch_items_per_s": round(items / min(ours_s)),
        "ratio": round(min(ours_s) / min(bare_s), 3), "rivalwatch_items": counted["rivalwatch"],
    }


# -- stage: analysis ------------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+")


def plain_sentences(text: str) -> list[str]:
    return [s for s in _SPLIT.split(text) if s.strip()]


def analysis_records(seed: int, feeds: int, count: int) -> list[dict]:
    """Items as the analyzer gets them from the warehouse (title, body, hash...)."""
    from pipelines.parse import make_item_id

    names = corpus.names()
    records = []
    for k in range(count):
        item = corpus.make_item(seed, k % feeds, k // feeds, names)
        records.append({"item_id": make_item_id(corpus.feed_name(item.feed), item.guid), "title": item.title,
                        "body": item.text, "content_hash": str(k), "owner": None, "kind": "news",
                        "filer_cik": None})
    return records


def stage_analysis(records: list[dict], rounds: int) -> dict:
    from textblob import TextBlob

    from pipelines.analyze import analyze_records, item_text
    from pipelines.catalog import load_catalog

    catalog = load_catalog()
    now = datetime(2026, 1, 1)
    texts = [item_text(r["title"], r["body"]) for r in records]
    out = {}

    def ours() -> None:
        out["rows"] = analyze_records(records, catalog, now=now)

    def bare() -> None:
        scored = 0
        for text in texts:
            for sentence in plain_sentences(text):
                TextBlob(sentence).sentiment.polarity  # noqa: B018 (the work measured)
                scored += 1
        out["scored"] = scored

    analyze_records(records[:20], catalog, now=now)  # warm up: lexicons load on first use
    TextBlob("warm up").sentiment  # noqa: B018
    bare_s, ours_s = [], []
    for _ in range(rounds):
        bare_s.append(best_of(1, bare))
        ours_s.append(best_of(1, ours))
    rows = out["rows"]
    with_mentions = len({m["item_id"] for m in rows["mentions"]})
    return {
        "items": len(records), "items_with_mentions": with_mentions,
        "sentences_plain_split": out["scored"], "sentences_stored": len(rows["sentences"]),
        "mentions": len(rows["mentions"]), "edges": len(rows["edges"]),
        "textblob_s": round(min(bare_s), 3), "rivalwatch_s": round(min(ours_s), 3),
        "textblob_items_per_s": round(len(records) / min(bare_s)),
        "rivalwatch_items_per_s": round(len(records) / min(ours_s)),
        "ratio": round(min(ours_s) / min(bare_s), 3),
    }


# -- stage: real feeds nobody on the team wrote (when ../shared/data is there) --------

REAL_FEEDS = ROOT.parent / "shared" / "data" / "feeds"


def readable_documents(folder: Path) -> tuple[list[bytes], list[str]]:
    """The feed files under `folder` that rivalwatch reads (broken ones are the
    error-handling tests' business, not a speed measure)."""
    from pipelines.parse import ParseError, parse_document

    bodies, names = [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".xml", ".rss", ".atom")):
        body = path.read_bytes()
        try:
            parse_document(body)
        except (ParseError, ValueError):
            continue
        bodies.append(body)
        names.append(str(path.relative_to(folder)))
    return bodies, names


def stage_real_feeds(folder: Path, rounds: int) -> dict:
    bodies, names = readable_documents(folder)
    records: list[dict] = []
    parse = stage_parse(bodies, rounds, records)
    analysis = stage_analysis(records, rounds)
    return {"folder": str(folder), "files": names, "parse": parse, "analysis": analysis}


# -- stages: end to end and unchanged refresh -----------------------------------------


def rivalwatch_exe() -> str:
    exe = Path(sys.executable).with_name("rivalwatch")
    return str(exe) if exe.exists() else shutil.which("rivalwatch") or "rivalwatch"


def refresh_command(db_path: Path, config_file: Path, *, force: bool = False) -> list[str]:
    command = [rivalwatch_exe(), "--db", str(db_path), "refresh", "--config", str(config_file), "--no-progress"]
    return command + (["--force"] if force else [])


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def write_feeds_config(path: Path, urls: list[str]) -> Path:
    from tests.feedserver import write_config

    entries = [{"name": corpus.feed_name(n), "url": url, "kind": "news", "interval": "30m"}
               for n, url in enumerate(urls)]
    return write_config(path, entries, allow_private_networks=["127.0.0.0/8"], total_timeout="30s",
                        max_bytes="15MiB", connect_timeout="10s")


def timed(action) -> tuple[object, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def child_env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def stage_refresh(sizes: Sizes, workdir: Path, servers: FeedServers, config_file: Path) -> dict:
    """End to end against the naive script, then unchanged refreshes; leaves
    the servers sending the same bytes without validators."""
    from pipelines.catalog import load_catalog
    from pipelines.feeds import load_config
    from pipelines.refresh import run_refresh

    db_path = workdir / "refresh.duckdb"
    env = child_env()
    first = measure(refresh_command(db_path, config_file), env=env)
    naive = measure([sys.executable, "-m", "benchmarks.naive_baseline", "--config", str(config_file),
                     "--db", str(workdir / "naive.duckdb")], env=env, cwd=ROOT)
    naive_out = json.loads(last_line(naive.stdout))

    config, catalog = load_config(config_file), load_catalog()
    not_modified, s304 = timed(lambda: run_refresh(db_path, config, catalog, force=True))
    cli_304 = measure(refresh_command(db_path, config_file, force=True), env=env)
    servers.drop_validators()
    same_body, s_same = timed(lambda: run_refresh(db_path, config, catalog, force=True))
    cli_same = measure(refresh_command(db_path, config_file, force=True), env=env)

    items = sizes.feeds * sizes.items_per_feed
    return {
        "end_to_end": {
            "feeds": sizes.feeds, "items": items, "hosts": sizes.hosts,
            "rivalwatch": {**first.summary(), "summary": last_line(first.stdout)},
            "naive": {**naive.summary(), "items": naive_out["items"], "errors": naive_out["errors"]},
            "ratio": round(first.wall_s / naive.wall_s, 3),
            "rivalwatch_items_per_s": round(items / first.wall_s),
            "naive_items_per_s": round(items / naive.wall_s),
            "warehouse_mib": round(db_path.stat().st_size / 2**20, 1),
        },
        "unchanged_refresh": {
            "feeds": sizes.feeds,
            "not_modified_s": round(s304, 3),
            "not_modified_outcomes": {k: not_modified.count(k) for k in ("not_modified", "fetched", "error")},
            "same_body_s": round(s_same, 3),
            "same_body_outcomes": {k: same_body.count(k) for k in ("unchanged", "fetched", "error")},
            "cli_not_modified_s": round(cli_304.wall_s, 3), "cli_same_body_s": round(cli_same.wall_s, 3),
            "cli_summary": last_line(cli_same.stdout),
        },
        "refresh_peak_memory_mib": round(first.peak_memory_mib, 1),
    }


# -- stage: dashboard queries, the dashboard process, refresh at scale -----------------


def query_timings(path: Path, runs: int) -> dict[str, dict]:
    """{label: {"query", "rows", "p50_ms", "p95_ms", "max_ms"}} for every query
    the pages run, timed by benchmarks/dashboard_queries.py's own function."""
    from benchmarks import dashboard_queries as dq

    return dq.time_queries(path, runs=runs)


def optional(module, name: str, *args, **kwargs):
    """A helper of benchmarks/dashboard_queries.py that may not exist in every version."""
    function = getattr(module, name, None)
    return function(*args, **kwargs) if callable(function) else None


def stage_dashboard(sizes: Sizes, workdir: Path, config_file: Path, log=print) -> dict:
    from benchmarks import dashboard_queries as dq
    from warehouse.db import publish_snapshot, snapshot_path

    env = child_env()
    by_size: dict[str, dict] = {}
    largest = max(sizes.dashboard_sizes)
    result: dict = {"sizes": by_size}
    for size in sorted(sizes.dashboard_sizes):
        path = workdir / f"dash-{size}.duckdb"
        log(f"  {size:,} items: build, then time every page's queries")
        _, build_s = timed(lambda path=path, size=size: dq.build(path, size))
        try:
            queries = query_timings(path, sizes.dashboard_runs)
        except Exception as exc:  # noted in the results; the other measures go on
            queries, error = {}, f"{type(exc).__name__}: {exc}"
        else:
            error = None
        p95 = {name: q["p95_ms"] for name, q in queries.items()}
        slowest = max(p95, key=p95.get) if p95 else None
        by_size[str(size)] = {
            "rows": guarded(log, "counts", lambda p=path: optional(dq, "counts", p)),
            "build_s": round(build_s, 1), "warehouse_mib": round(path.stat().st_size / 2**20, 1),
            "max_p95_ms": round(p95[slowest], 1) if p95 else None,
            "median_p95_ms": round(statistics.median(p95.values()), 1) if p95 else None,
            "slowest": slowest, "queries": queries, "error": error,
            "rollups": guarded(log, "rollups",
                               lambda p=path: optional(dq, "time_rollups", p, sizes.dashboard_runs)),
        }
        if size != largest:
            path.unlink()
            snapshot_path(path).unlink(missing_ok=True)
            continue
        # What every writing run pays at this size, whatever it wrote: the whole-file snapshot copy.
        _, publish_s = timed(lambda p=path: publish_snapshot(p))
        by_size[str(size)]["publish_snapshot_s"] = round(publish_s, 2)
        log(f"  the dashboard process: every page at {size:,} items")
        run = measure([sys.executable, "-m", "benchmarks.dashboard_probe"], cwd=ROOT, check=False,
                      env=dict(env, RIVALWATCH_DB=str(path)))
        pages = json.loads(last_line(run.stdout)) if run.returncode == 0 else {}
        result["dashboard_process"] = {"items": size, **run.summary(), "pages": pages,
                                       "error": None if run.returncode == 0 else run.stderr[-1500:]}
        log(f"  refresh into a warehouse of {size:,} items")
        result["refresh_at_scale"] = guarded(log, "refresh at scale",
                                             lambda p=path, n=size: refresh_at_scale(p, n, workdir, config_file, env))
    return result


def refresh_at_scale(path: Path, size: int, workdir: Path, config_file: Path, env: dict) -> dict:
    """The same feeds refreshed into a copy of the largest warehouse: does the
    cost follow the new data, and does memory stay under 1 GiB? Then a refresh
    with nothing new (same bytes), which still publishes the snapshot."""
    from warehouse.db import snapshot_path

    target = workdir / f"scale-{size}.duckdb"
    shutil.copyfile(path, target)
    first = measure(refresh_command(target, config_file), env=env)
    again = measure(refresh_command(target, config_file, force=True), env=env)
    out = {"items_before": size, "warehouse_mib": round(target.stat().st_size / 2**20, 1),
           "refresh": {**first.summary(), "summary": last_line(first.stdout)},
           "unchanged": {**again.summary(), "summary": last_line(again.stdout)}}
    for p in (target, snapshot_path(target), target.with_name(f"{target.name}.refresh.lock")):
        p.unlink(missing_ok=True)
    return out


# -- the checks ---------------------------------------------------------------------------


def check(stage: str, measure_name: str, value, unit: str, target: str, ok: bool, note: str = "") -> dict:
    return {"stage": stage, "measure": measure_name, "value": value, "unit": unit, "target": target,
            "pass": bool(ok), "note": note}


def checks(stages: dict, sizes: Sizes) -> list[dict]:
    largest = max(sizes.dashboard_sizes)
    at = f"at {largest:,} items" + ("" if largest >= 1_000_000 else " (the target is set at 1,000,000)")

    def parse():
        p = stages["parse"]
        return p["ratio"], p["ratio"] <= 1.1, f"{p['items']:,} items, {p['documents']} documents"

    def analysis():
        a = stages["analysis"]
        return a["ratio"], a["ratio"] < 1.0, f"{a['items']:,} items, one process each"

    def end_to_end():
        e = stages["end_to_end"]
        return e["ratio"], e["ratio"] <= 0.33, f"{e['feeds']} feeds x {e['items'] // e['feeds']} items"

    def unchanged(key):
        def compute():
            u = stages["unchanged_refresh"]
            return u[key], u[key] < 2.0, f"{u['feeds']} feeds"
        return compute

    def queries():
        worst = stages["dashboard"]["sizes"][str(largest)]
        if worst.get("error"):
            raise ValueError(worst["error"])
        rows = worst.get("rows") if isinstance(worst.get("rows"), dict) else {}
        mentions = f" / {rows['mentions']:,} mentions" if rows.get("mentions") else ""
        return worst["max_p95_ms"], worst["max_p95_ms"] < 300, f"{worst['slowest']}; {at}{mentions}"

    def refresh_memory():
        peak, note = stages["refresh_peak_memory_mib"], "first refresh into an empty warehouse"
        scale = (stages.get("dashboard") or {}).get("refresh_at_scale") or {}
        if "refresh" in scale:
            peak = max(peak, scale["refresh"]["peak_memory_mib"])
            note = f"the larger of: into an empty warehouse, into one of {largest:,} items"
        return peak, peak < MIB_1G, note

    def dashboard_memory():
        probe = stages["dashboard"]["dashboard_process"]
        if probe.get("error"):
            raise ValueError(probe["error"].strip().splitlines()[-1])
        return probe["peak_memory_mib"], probe["peak_memory_mib"] < MIB_1G, f"every page once, {at}"

    wanted = [
        ("parse", "rivalwatch / feedparser time", "x", "<= 1.1", parse),
        ("analysis", "rivalwatch / TextBlob-every-sentence time", "x", "< 1.0", analysis),
        ("end to end", "refresh / naive script wall time", "x", "<= 0.33", end_to_end),
        ("unchanged refresh", "all 304, in-process", "s", "< 2", unchanged("not_modified_s")),
        ("unchanged refresh", "same body, in-process", "s", "< 2", unchanged("same_body_s")),
        ("unchanged refresh", "all 304, through the command", "s", "< 2", unchanged("cli_not_modified_s")),
        ("dashboard", "slowest query p95", "ms", "< 300", queries),
        ("memory", "refresh peak memory", "MiB", "< 1024", refresh_memory),
        ("memory", "dashboard process peak memory", "MiB", "< 1024", dashboard_memory),
    ]
    if "real_feeds" in stages:
        def real(key, limit):
            def compute():
                r = stages["real_feeds"][key]
                return r["ratio"], r["ratio"] <= limit if key == "parse" else r["ratio"] < limit, \
                    f"{len(stages['real_feeds']['files'])} real feed files, {r['items']:,} items"
            return compute
        wanted[2:2] = [("parse (real feeds)", "rivalwatch / feedparser time", "x", "<= 1.1", real("parse", 1.1)),
                       ("analysis (real feeds)", "rivalwatch / TextBlob-every-sentence time", "x", "< 1.0",
                        real("analysis", 1.0))]
    out = []
    for stage, name, unit, target, compute in wanted:
        try:
            value, ok, note = compute()
        except (KeyError, TypeError, ValueError) as exc:
            value, ok, note = None, False, f"not measured: {_stage_error(stages, stage) or exc}"
        out.append(check(stage, name, value, unit, target, ok, note))
    return out


_STAGE_KEYS = {"parse": ["parse"], "analysis": ["analysis"], "end to end": ["end_to_end"],
               "unchanged refresh": ["unchanged_refresh"], "dashboard": ["dashboard"],
               "memory": ["end_to_end", "dashboard"], "parse (real feeds)": ["real_feeds"],
               "analysis (real feeds)": ["real_feeds"]}


def _stage_error(stages: dict, stage: str) -> str | None:
    """Why the stages behind a check were not measured, if they failed."""
    errors = [stages[k]["error"] for k in _STAGE_KEYS.get(stage, [])
              if isinstance(stages.get(k), dict) and stages[k].get("error")]
    return "; ".join(errors)[:300] or None


# -- the run ------------------------------------------------------------------------------


def guarded(log, name: str, action) -> dict:
    """A stage's results, or {"error": ...}: one broken stage must not cost the others."""
    try:
        return action()
    except Exception as exc:
        text = str(exc).strip().splitlines()
        message = f"{type(exc).__name__}: {text[-1] if text else ''}"
        log(f"  {name} failed: {message}")
        return {"error": message}


def run(sizes: Sizes, workdir: Path, log=print, real_feeds: Path | None = REAL_FEEDS) -> dict:
    started = time.perf_counter()
    stages: dict = {}
    log(f"corpus: {sizes.feeds} feeds x {sizes.items_per_feed} items (seed {sizes.seed})")
    bodies = [corpus.rss(sizes.seed, n, sizes.items_per_feed) for n in range(sizes.feeds)]
    log("parse: rivalwatch vs feedparser")
    stages["parse"] = guarded(log, "parse", lambda: stage_parse(bodies, sizes.rounds))
    log(f"  ratio {stages['parse'].get('ratio')}")
    log(f"analysis: rivalwatch vs TextBlob on every sentence ({sizes.analysis_items:,} items)")
    records = analysis_records(sizes.seed, sizes.feeds, sizes.analysis_items)
    stages["analysis"] = guarded(log, "analysis", lambda: stage_analysis(records, sizes.rounds))
    log(f"  ratio {stages['analysis'].get('ratio')}")
    bodies = records = None  # free them before the servers start
    if real_feeds and real_feeds.is_dir():
        log(f"real feeds ({real_feeds}): parse and analysis, side by side")
        stages["real_feeds"] = guarded(log, "real feeds", lambda: stage_real_feeds(real_feeds, sizes.rounds))
        log(f"  parse ratio {stages['real_feeds'].get('parse', {}).get('ratio')}, "
            f"analysis ratio {stages['real_feeds'].get('analysis', {}).get('ratio')}")
    with FeedServers(seed=sizes.seed, feeds=sizes.feeds, items=sizes.items_per_feed, hosts=sizes.hosts) as servers:
        config_file = write_feeds_config(workdir / "feeds.toml", servers.urls)
        log("end to end: rivalwatch refresh vs the naive script; unchanged refreshes")
        refreshed = guarded(log, "refresh", lambda: stage_refresh(sizes, workdir, servers, config_file))
        if "error" in refreshed:
            refreshed = {"end_to_end": refreshed, "unchanged_refresh": refreshed}
        stages.update(refreshed)
        log(f"  ratio {stages['end_to_end'].get('ratio')}, "
            f"unchanged {stages['unchanged_refresh'].get('not_modified_s')} s")
        log(f"dashboard: sizes {', '.join(f'{s:,}' for s in sizes.dashboard_sizes)}")
        stages["dashboard"] = guarded(log, "dashboard", lambda: stage_dashboard(sizes, workdir, config_file, log))
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if sizes.dashboard_sizes != FULL.dashboard_sizes else "full",
        "sizes": asdict(sizes), "machine": report.machine(), "stages": stages,
    }
    results["checks"] = checks(stages, sizes)
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run every rivalwatch benchmark; write bench/results.json "
                                                 "and BENCHMARKS.md.")
    parser.add_argument("--quick", action="store_true", help="small sizes (under 2 minutes)")
    parser.add_argument("--feeds", type=int, help="feeds served locally (default 200; quick 40)")
    parser.add_argument("--items-per-feed", type=int, help="items in each feed (default 50; quick 25)")
    parser.add_argument("--analysis-items", type=int, help="items for the analysis comparison")
    parser.add_argument("--dashboard-sizes", help="warehouse sizes in items, comma-separated")
    parser.add_argument("--dashboard-runs", type=int, help="runs of each dashboard query")
    parser.add_argument("--rounds", type=int, help="parse and analysis: best of this many rounds")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"results JSON (default {RESULTS.relative_to(ROOT)})")
    parser.add_argument("--markdown", type=Path, default=MARKDOWN,
                        help=f"Markdown report (default {MARKDOWN.relative_to(ROOT)})")
    parser.add_argument("--workdir", type=Path, help="keep warehouses here (default: a temp dir, removed)")
    parser.add_argument("--real-feeds", type=Path, default=REAL_FEEDS,
                        help="also compare parse and analysis on the feed files here, when the folder exists "
                             "(default ../shared/data/feeds)")
    parser.add_argument("--no-real-feeds", dest="real_feeds", action="store_const", const=None)
    return parser.parse_args(argv)


def sizes_from(args: argparse.Namespace) -> Sizes:
    sizes = replace(QUICK if args.quick else FULL, seed=args.seed)
    for name in ("feeds", "items_per_feed", "analysis_items", "dashboard_runs", "rounds"):
        if getattr(args, name) is not None:
            sizes = replace(sizes, **{name: getattr(args, name)})
    if args.dashboard_sizes:
        sizes = replace(sizes, dashboard_sizes=[int(s.replace("_", "")) for s in args.dashboard_sizes.split(",")])
    return sizes


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    sizes = sizes_from(args)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="rw-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        results = run(sizes, workdir, log=lambda text: print(text, flush=True), real_feeds=args.real_feeds)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    args.markdown.write_text(report.markdown(results), encoding="utf-8")
    print(report.checks_table(results["checks"]))
    print(f"\n{results['seconds']} s; results in {args.out}, report in {args.markdown}")
    return results


if __name__ == "__main__":
    main()
