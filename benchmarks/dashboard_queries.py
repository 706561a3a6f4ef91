"""Time every named query the dashboard's pages run, on synthetic warehouses.

Builds warehouses of 10k, 100k and 1M items (about 5 mentions per item, one
rivalry edge per 3 items, 2 years, 30 companies, 40 feeds, one item in 8 a
copy of another feed's story) with DuckDB SQL from range(), through the
warehouse's own writer (migrations, snapshot), rows in the order the writer
lands them (`--layout shuffled` scatters them over time instead: the worst
case for date-bound reads), then opens the published snapshot the way the
dashboard does (`db.open_reader`: read-only, 2 threads) and runs each page's
queries with the filters a first visit uses, several times each. Writes
p50/p95 per query to benchmarks/results/dashboard_queries.json.

Target: p95 < 300 ms for every query at 1M items / 5M mentions.

Run: .venv/bin/python -m benchmarks.dashboard_queries [--sizes 10000,100000,1000000] [--runs 10]
     [--layout arrival|shuffled]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from warehouse import db, queries, store  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "dashboard_queries.json"

COMPANIES = [
    "openai", "google", "meta", "anthropic", "microsoft", "nvidia", "amazon", "apple",
    "mistral", "xai", "deepseek", "cohere", "perplexity", "ibm", "oracle", "tesla",
    "alibaba", "baidu", "tencent", "huawei", "samsung", "intel", "amd", "salesforce",
    "databricks", "snowflake", "stability", "midjourney", "inflection", "adept",
]
STANCES = ["benchmark", "dismissive", "praise", "threat", "critical", "neutral"]
FEEDS = 40
FIRST_DAY = date(2024, 1, 1)
DAYS = 730


def _company(seed_sql: str) -> str:
    """A company id for a hash seed, skewed so the first companies are talked
    about far more than the last (as in real news)."""
    return f"$companies[1 + floor(30 * pow((hash({seed_sql}) % 1000003) / 1000003.0, 1.8))::INTEGER]"


# Physical row order: (feed_items, analysis rows). "arrival" is the order the
# writer lands rows in (items as they are fetched, about an hour after
# publication; their analysis in publication order, as replace_analysis and
# migration 0008 write it); "shuffled" scatters every table's rows over time
# (the worst case: nothing but the date itself is in any order).
LAYOUTS = {
    "arrival": ("published + INTERVAL 1 HOUR, i", "i.published_at, r.item_id, r.sentence_no"),
    "shuffled": ("i", "hash(r.item_id), r.sentence_no"),
}


def build(path: Path, items: int, layout: str = "arrival") -> Path:
    """Write a synthetic warehouse of `items` items at `path` and publish its
    snapshot; `layout` is one of LAYOUTS."""
    with db.writer(path) as con:
        con.execute("SET enable_progress_bar = false")
        con.execute(
            """
            INSERT INTO feeds (name, url, kind, owner, title, site_url, created_at, updated_at)
            SELECT 'feed-' || lpad(i::VARCHAR, 2, '0'), 'https://feeds.example.com/' || i || '.xml',
                   ['news', 'blog', 'edgar', 'docket'][1 + i % 4],
                   CASE WHEN i < 11 THEN $companies[i + 1] END,
                   'Synthetic feed ' || i, 'https://site' || i || '.example.com/',
                   TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-01'
            FROM range($feeds) t(i)
            """, dict(companies=COMPANIES, feeds=FEEDS),
        )
        # An item in 8 is another feed's copy of the previous item's story,
        # published a few hours later.
        con.execute(
            f"""
            INSERT INTO feed_items (item_id, feed, item_guid, url, title, author, published_at,
                                    body, content_hash, fetched_at, run_id, story_id)
            SELECT 'i' || i,
                   'feed-' || lpad((hash(i) % $feeds)::VARCHAR, 2, '0'),
                   'g' || i, 'https://news.example.com/story/' || i,
                   'Synthetic headline number ' || story,
                   NULL, published, 'Body of item ' || i, 'h' || i, published + INTERVAL 1 HOUR, 1,
                   'i' || story
            FROM (
                SELECT i, story,
                       $first::TIMESTAMP
                       + to_seconds((hash(story * 7 + 1) % ($days * 86400))::BIGINT)
                       + to_hours((i - story) * 3) AS published
                FROM (SELECT i, CASE WHEN i % 8 = 7 THEN i - 1 ELSE i END AS story FROM range($n) t(i))
            )
            ORDER BY {LAYOUTS[layout][0]}
            """, dict(n=items, first=FIRST_DAY, days=DAYS, feeds=FEEDS),
        )
        # Analysis rows carry their item's published_at, story_id and feed, as
        # the writer fills them (warehouse.store.ITEM_COPIES).
        analysis = {
            "item_sentences": """
                SELECT 'i' || i AS item_id, k AS sentence_no,
                       'Sentence ' || k || ' of item ' || i || ': a synthetic line that names a company.' AS text
                FROM range($n) t(i), range(5) s(k)""",
            "item_mentions": f"""
                SELECT item_id, k AS sentence_no, 0 AS start_char, company, company AS alias, entity, entity_type
                FROM (
                    SELECT 'i' || i AS item_id, k, {_company('i * 5 + k')} AS company,
                           ['company', 'product', 'person'][1 + (hash(i + k) % 3)::BIGINT] AS entity_type,
                           CASE hash(i + k) % 3 WHEN 0 THEN company
                                WHEN 1 THEN company || ' model ' || (hash(i) % 6)
                                ELSE 'Person ' || (hash(i) % 9) || ' of ' || company END AS entity
                    FROM range($n) t(i), range(5) s(k)
                )""",
            "item_edges": f"""
                SELECT item_id, 0 AS sentence_no, speaker,
                       $companies[1 + (list_position($companies, speaker) + (hash(i) % 29)::BIGINT) % 30] AS target,
                       $stances[1 + (hash(i * 3) % 6)::BIGINT] AS stance,
                       ((hash(i * 11) % 201)::DOUBLE - 100) / 100 AS polarity,
                       'Synthetic evidence sentence of item ' || i AS evidence, 'quote' AS speaker_via,
                       'Person ' || (hash(i) % 9) || ' of ' || speaker AS speaker_name, NULL AS cues
                FROM (SELECT i, 'i' || i AS item_id, {_company('i * 13 + 5')} AS speaker
                      FROM range(0, $n, 3) t(i))""",
        }
        for table, rows in analysis.items():
            copies = store.ITEM_COPIES[table]
            con.execute(
                f"""
                INSERT INTO {table} BY NAME
                SELECT r.*, {', '.join(f'i.{c}' for c in copies)}
                FROM ({rows}) r
                JOIN feed_items i ON i.item_id = r.item_id
                ORDER BY {LAYOUTS[layout][1]}
                """, {k: v for k, v in dict(n=items, companies=COMPANIES, stances=STANCES).items()
                      if f"${k}" in rows},
            )
        con.execute(
            """
            INSERT INTO item_analysis
            SELECT 'i' || i, 'h' || i, 'synthetic', 'synthetic', TIMESTAMP '2026-01-01'
            FROM range($n) t(i)
            """, dict(n=items),
        )
        # Runs every 30 minutes for a week, each with every feed's outcome.
        con.execute(
            """
            INSERT INTO runs (command, started_at, finished_at, status, items_seen, items_new,
                              errors, detail)
            SELECT 'refresh', ts, ts + INTERVAL 40 SECOND,
                   CASE WHEN r % 50 = 0 THEN 'partial' ELSE 'ok' END, 400, 20,
                   CASE WHEN r % 50 = 0 THEN 1 ELSE 0 END,
                   to_json(list({'feed': 'feed-' || lpad(f::VARCHAR, 2, '0'),
                                 'ok': NOT (f = 39 AND r % 50 = 0), 'new': 1,
                                 'message': CASE WHEN f = 39 AND r % 50 = 0
                                                 THEN 'server answered 503' END}))::VARCHAR
            FROM (SELECT r, TIMESTAMP '2025-12-25' + to_minutes(r * 30) AS ts FROM range(336) t(r)),
                 range($feeds) g(f)
            GROUP BY r, ts
            """, dict(feeds=FEEDS),
        )
        # Rows went in with plain SQL, past the writer's incremental upkeep.
        store.rebuild_rollups(con)
    return path


def page_queries(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, dict]]:
    """(label, named query, parameters) for every query the pages run on a
    first visit (default filters: every date, every company), plus the
    searches and the busiest company's profile."""
    busiest = con.execute(
        "SELECT company FROM item_mentions GROUP BY company ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    spike_day = con.execute(
        "SELECT max(published_at)::DATE - 30 FROM feed_items").fetchone()[0]
    everything = dict(start=None, end=None)
    edges = dict(speakers=[], targets=[], stances=[], feeds=[], pattern=None, needle=None, **everything)
    sentences = dict(companies=[], feeds=[], **everything)
    return [
        ("every page: date_bounds", "date_bounds", {}),
        ("every page: companies_seen", "companies_seen", {}),
        ("overview: overview_counts", "overview_counts", dict(companies=[], **everything)),
        ("overview, rivalry, company, trends: company_days", "company_days", {}),
        ("overview: daily_stories", "daily_stories", {}),
        ("overview, rivalry, company, trends: pair_days", "pair_days", {}),
        ("overview, feeds: feeds_overview", "feeds_overview", {}),
        ("overview, feeds: feed_health", "feed_health", {}),
        ("rivalry: evidence_edges (6 quotes of the busiest)", "evidence_edges",
         dict(edges, speakers=[busiest], limit=6)),
        ("company: evidence_edges (timeline, 500)", "evidence_edges", dict(edges, speakers=[busiest], limit=500)),
        ("company: company_entities", "company_entities", dict(company=busiest, limit=100, **everything)),
        ("company: company_people", "company_people", dict(company=busiest, **everything)),
        ("company: company_sources", "company_sources", dict(company=busiest, **everything)),
        ("evidence: evidence_edges (1,000 newest)", "evidence_edges", dict(edges, limit=1000)),
        ("evidence: evidence_edges (text search)", "evidence_edges",
         dict(edges, pattern="%item 12345%", needle="item 12345", limit=1000)),
        ("evidence: evidence_mentions (1,000 newest sentences)", "evidence_mentions",
         dict(sentences, limit=1000)),
        ("evidence: sentence_search", "sentence_search",
         dict(sentences, pattern="%item 12345%", needle="item 12345", limit=1000)),
        ("trends: spike_items (busiest company, one day)", "spike_items", dict(company=busiest, day=spike_day)),
        ("feeds: recent_runs", "recent_runs", dict(limit=50)),
        ("sql: schema_columns", "schema_columns", {}),
    ]


def _stats(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]

    return {"p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(pick(0.95) * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1), "runs": len(ordered)}


def time_queries(path: Path, runs: int) -> dict:
    """p50/p95 of every page query on the published snapshot, opened as the
    dashboard opens it; the first run of each is a warm-up, not counted."""
    con = db.open_reader(path)
    results = {}
    try:
        for label, name, params in page_queries(con):
            samples, rows = [], 0
            for n in range(runs + 1):
                began = time.perf_counter()
                rows = len(queries.run(con, name, **params))
                if n:
                    samples.append(time.perf_counter() - began)
            results[label] = dict(query=name, rows=rows, **_stats(samples))
            print(f"  {label:62s} p50 {results[label]['p50_ms']:8.1f} ms  p95 {results[label]['p95_ms']:8.1f} ms",
                  flush=True)
    finally:
        con.close()
    return results


def time_rollups(path: Path, runs: int) -> dict:
    """The pandas roll-ups a filter change costs once the daily counts are cached."""
    from dashboard import rollups

    con = db.open_reader(path)
    try:
        company_days = queries.run(con, "company_days")
        story_days = queries.run(con, "daily_stories")
        pair_days = queries.run(con, "pair_days")
    finally:
        con.close()
    steps = {
        "volume (week buckets)": lambda: rollups.volume(company_days, story_days, "week"),
        "volume (day buckets)": lambda: rollups.volume(company_days, story_days, "day"),
        "spikes": lambda: rollups.spikes(company_days),
        "matrix": lambda: rollups.matrix(pair_days),
        "company momentum": lambda: rollups.momentum(company_days, ["company"], "stories",
                                                     end=FIRST_DAY + timedelta(days=DAYS), recent_days=7,
                                                     baseline_days=28),
        "pair momentum": lambda: rollups.momentum(pair_days, ["speaker", "target"], "edges",
                                                  end=FIRST_DAY + timedelta(days=DAYS), recent_days=7,
                                                  baseline_days=28),
    }
    results = {}
    for label, step in steps.items():
        samples = []
        for n in range(runs + 1):
            began = time.perf_counter()
            step()
            if n:
                samples.append(time.perf_counter() - began)
        results[label] = _stats(samples)
        print(f"  rollup {label:55s} p50 {results[label]['p50_ms']:8.1f} ms  p95 {results[label]['p95_ms']:8.1f} ms",
              flush=True)
    return results


def counts(path: Path) -> dict:
    con = db.open_reader(path)
    try:
        row = con.execute(
            "SELECT (SELECT count(*) FROM feed_items), (SELECT count(DISTINCT story_id) FROM feed_items),"
            " (SELECT count(*) FROM item_mentions), (SELECT count(*) FROM item_edges),"
            " (SELECT count(*) FROM item_sentences)").fetchone()
    finally:
        con.close()
    return dict(zip(["items", "stories", "mentions", "edges", "sentences"], row, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="items per synthetic warehouse")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query (after one warm-up)")
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="arrival",
                        help="physical row order of the synthetic warehouse (see LAYOUTS)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    report = {
        "target_p95_ms": 300,
        "layout": args.layout,
        "machine": {"cpus": os.cpu_count(), "reader_threads": 2, "python": platform.python_version(),
                    "duckdb": duckdb.__version__, "load_average_at_start": list(os.getloadavg())},
        "sizes": {},
    }
    with tempfile.TemporaryDirectory(prefix="rw-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"synthetic-{size}.duckdb"
            print(f"building {size:,} items ...", flush=True)
            began = time.perf_counter()
            build(path, size, args.layout)
            built = time.perf_counter() - began
            rows = counts(path)
            print(f"  {rows} in {built:.1f} s", flush=True)
            entry = {"rows": rows, "build_seconds": round(built, 1),
                     "queries": time_queries(path, args.runs), "rollups": time_rollups(path, args.runs)}
            slow = {k: v["p95_ms"] for k, v in entry["queries"].items() if v["p95_ms"] > report["target_p95_ms"]}
            entry["over_target"] = slow
            report["sizes"][str(size)] = entry
            for suffix in ("", ".snapshot"):
                Path(str(db.snapshot_path(path)) if suffix else path).unlink(missing_ok=True)
    report["machine"]["load_average_at_end"] = list(os.getloadavg())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
