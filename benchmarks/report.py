"""The machine a benchmark ran on, and the Markdown report (BENCHMARKS.md)
written from bench/results.json."""

from __future__ import annotations

import os
import platform
from importlib import metadata


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict:
    return {
        "cpu": _cpu_model(), "cores": os.cpu_count(),
        "cores_available": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_gib": _ram_gib(), "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": {p: _version(p) for p in ("duckdb", "feedparser", "textblob", "syntok", "selectolax",
                                              "httpx", "pandas", "pyarrow", "streamlit")},
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def _fmt(value, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        text = f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:,.1f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return f"{text} {unit}".strip() if unit and unit != "x" else (f"{text}x" if unit == "x" else text)


def checks_table(checks: list[dict]) -> str:
    lines = ["| stage | measure | value | target | result | note |", "|---|---|---|---|---|---|"]
    for c in checks:
        unit = "" if c["unit"] == "x" else f" {c['unit']}"
        lines.append(f"| {c['stage']} | {c['measure']} | {_fmt(c['value'], c['unit'])} | {c['target']}{unit} "
                     f"| {'pass' if c['pass'] else '**fail**'} | {c['note']} |")
    return "\n".join(lines)


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_fmt(v) if not isinstance(v, str) else v for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _header(results: dict) -> list[str]:
    m = results["machine"]
    v = m["versions"]
    return [
        "# rivalwatch benchmarks",
        "",
        f"Written by `make bench` (`python -m benchmarks.run{' --quick' if results['mode'] == 'quick' else ''}`) "
        f"on {results['date']} in {results['seconds']} s; every number below is in `bench/results.json`. "
        "Corpus: `benchmarks/corpus.py` (seeded, deterministic synthetic AI-industry news built from "
        "`pipelines/catalog.toml`: quotes with speech verbs, reported speech, co-mentions, filler; "
        "one item in five names no company).",
        "",
        f"**Machine**: {m['cpu']}, {m['cores']} cores ({m['cores_available']} available), {m['ram_gib']} GiB RAM, "
        f"{m['system']}; Python {m['python']}, duckdb {v.get('duckdb')}, feedparser {v.get('feedparser')}, "
        f"textblob {v.get('textblob')}, syntok {v.get('syntok')}, selectolax {v.get('selectolax')}, "
        f"streamlit {v.get('streamlit')}. Load average at start: {m.get('load_average_at_start')}.",
        "",
        f"Mode: **{results['mode']}**" + (
            " (small sizes: the 1M-item targets are only checked by the full run, `make bench`)."
            if results["mode"] == "quick" else "."),
        "",
        "## Targets",
        "",
        checks_table(results["checks"]),
        "",
    ]


def _parse(s: dict) -> list[str]:
    p = s["parse"]
    return [
        "## Parse: rivalwatch vs bare feedparser (same bytes, best of rounds)",
        "",
        _table(["", "seconds", "items/s"], [
            ["`feedparser.parse(body)`", p["feedparser_s"], p["feedparser_items_per_s"]],
            ["`parse_document` + `normalize_entries`", p["rivalwatch_s"], p["rivalwatch_items_per_s"]],
        ]),
        "",
        f"{p['documents']} documents, {p['items']:,} items, {p['mib']} MiB; ratio **{p['ratio']}**.",
        "",
    ]


def _analysis(s: dict) -> list[str]:
    a = s["analysis"]
    return [
        "## Analysis: rivalwatch vs TextBlob on every sentence (one process each)",
        "",
        _table(["", "seconds", "items/s", "sentences"], [
            ["TextBlob polarity of every regex-split sentence", a["textblob_s"], a["textblob_items_per_s"],
             a["sentences_plain_split"]],
            ["`analyze_records` (split, mentions, speakers, stance)", a["rivalwatch_s"],
             a["rivalwatch_items_per_s"], a["sentences_stored"]],
        ]),
        "",
        f"{a['items']:,} items ({a['items_with_mentions']:,} naming a company), {a['mentions']:,} mentions, "
        f"{a['edges']:,} edges; ratio **{a['ratio']}**.",
        "",
    ]


def _real_feeds(s: dict) -> list[str]:
    r = s["real_feeds"]
    p, a = r["parse"], r["analysis"]
    return [
        "## Real feeds nobody on the team wrote (`../shared/data/feeds`)",
        "",
        _table(["", "plain library s", "rivalwatch s", "ratio", "items"], [
            ["parse: `feedparser.parse` vs `parse_document` + `normalize_entries`", p["feedparser_s"],
             p["rivalwatch_s"], p["ratio"], p["items"]],
            ["analysis: TextBlob on every sentence vs `analyze_records`", a["textblob_s"], a["rivalwatch_s"],
             a["ratio"], a["items"]],
        ]),
        "",
        f"{len(r['files'])} readable feed files ({p['mib']} MiB): news sites, company blogs, SEC EDGAR and court "
        f"dockets; {a['items_with_mentions']:,} of {a['items']:,} items name a company, "
        f"{a['sentences_plain_split']:,} sentences for TextBlob, {a['sentences_stored']:,} split by rivalwatch.",
        "",
    ]


def _end_to_end(s: dict) -> list[str]:
    e = s["end_to_end"]
    rw, nv = e["rivalwatch"], e["naive"]
    return [
        f"## End to end: {e['feeds']} local feeds x {e['items'] // e['feeds']} items ({e['hosts']} hosts)",
        "",
        _table(["", "wall s", "CPU s", "cores used", "peak memory MiB", "items/s"], [
            ["`rivalwatch refresh` (fetch, parse, store, analyse, snapshot)", rw["wall_s"], rw["cpu_s"],
             rw["cores_used"], rw["peak_memory_mib"], e["rivalwatch_items_per_s"]],
            ["naive: `feedparser.parse(url)` + TextBlob per item + row INSERTs", nv["wall_s"], nv["cpu_s"],
             nv["cores_used"], nv["peak_memory_mib"], e["naive_items_per_s"]],
        ]),
        "",
        f"Ratio **{e['ratio']}**. rivalwatch: {rw['summary']}",
        "",
    ]


def _unchanged(s: dict) -> list[str]:
    u = s["unchanged_refresh"]
    return [
        f"## Unchanged refresh of {u['feeds']} feeds",
        "",
        _table(["", "in-process s", "through `rivalwatch refresh` s"], [
            ["every feed answers 304", u["not_modified_s"], u["cli_not_modified_s"]],
            ["same bytes, no validators (body hash)", u["same_body_s"], u["cli_same_body_s"]],
        ]),
        "",
        "The command's time includes starting Python and importing the pipeline.",
        "",
    ]


def _dashboard(s: dict) -> list[str]:
    d = s["dashboard"]
    sizes = sorted(d["sizes"], key=int)
    labels = list(dict.fromkeys(q for size in sizes for q in d["sizes"][size]["queries"]))
    out = ["## Dashboard queries: p50 / p95 ms by warehouse size",
           "",
           "Every query the pages run on a first visit (`benchmarks/dashboard_queries.py`: synthetic warehouses "
           "built with SQL, read through the published snapshot as the dashboard reads it, 2 threads).",
           ""]
    if labels:
        rows = []
        for label in labels:
            row = [label]
            for size in sizes:
                q = d["sizes"][size]["queries"].get(label)
                row.append(f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f}" if q else "")
            rows.append(row)
        out += [_table(["page: query"] + [f"{int(x):,} items" for x in sizes], rows), ""]
    rollups = {x: d["sizes"][x].get("rollups") for x in sizes}
    steps = list(dict.fromkeys(k for r in rollups.values() if isinstance(r, dict) and "error" not in r for k in r))
    if steps:
        out += ["Filter changes (pandas roll-ups of the cached daily counts), p50 / p95 ms:", "",
                _table(["roll-up"] + [f"{int(x):,} items" for x in sizes],
                       [[step] + [f"{rollups[x][step]['p50_ms']:.1f} / {rollups[x][step]['p95_ms']:.1f}"
                                  if isinstance(rollups[x], dict) and step in rollups[x] else "" for x in sizes]
                        for step in steps]), ""]

    def rows_of(x, key):
        rows = d["sizes"][x].get("rows")
        return rows.get(key) if isinstance(rows, dict) else None

    out += [
        _table(["items", "mentions", "edges", "build s", "warehouse MiB", "slowest p95 ms", "median p95 ms"],
               [[int(x), rows_of(x, "mentions"), rows_of(x, "edges"), d["sizes"][x]["build_s"],
                 d["sizes"][x]["warehouse_mib"], d["sizes"][x]["max_p95_ms"], d["sizes"][x]["median_p95_ms"]]
                for x in sizes]),
        "",
    ]
    out += [f"Not measured at {int(x):,}: {d['sizes'][x]['error']}" for x in sizes if d["sizes"][x].get("error")]
    return out + [""]


def _memory(s: dict) -> list[str]:
    d = s["dashboard"]
    probe, scale = d.get("dashboard_process"), d.get("refresh_at_scale")
    out = [f"## Memory and refresh at {probe['items']:,} items", ""]
    pages = ", ".join(f"{k} {v['seconds']} s" + (" (error)" if v["problems"] else "")
                      for k, v in probe.get("pages", {}).items())
    out.append(f"- Dashboard process (every page once, headless AppTest with its caches): peak memory "
               f"**{probe['peak_memory_mib']} MiB**, {probe['wall_s']} s in all; first render of each page: "
               f"{pages or 'n/a'}." + (f" Error: `{probe['error'].strip().splitlines()[-1]}`"
                                       if probe.get("error") else ""))
    if scale and "refresh" in scale:
        e = s.get("end_to_end", {})
        r, again, rw = scale["refresh"], scale["unchanged"], e.get("rivalwatch", {})
        out.append(
            f"- Refresh of the same feeds into a warehouse of {scale['items_before']:,} items "
            f"({scale['warehouse_mib']} MiB): {r['wall_s']} s, peak memory **{r['peak_memory_mib']} MiB** "
            f"(into an empty one: {rw.get('wall_s')} s, {rw.get('peak_memory_mib')} MiB). Then nothing new (same "
            f"bytes): {again['wall_s']} s through the command, snapshot publishing included"
            + (f" (publishing alone: {pub} s)." if (pub := d["sizes"][str(scale["items_before"])]
                                                     .get("publish_snapshot_s")) is not None else "."))
    elif scale:
        out.append(f"- Refresh into the large warehouse: not measured ({scale.get('error')}).")
    return out + [
        "",
        "Peak memory is read from /proc every 50 ms: the larger of the summed PSS of the process and its "
        "descendants (pool and parser workers included, shared pages counted once) and the largest kernel "
        "high-water mark (`VmHWM`) of any one of them. (`ru_maxrss` is not used: on Linux a child's starts "
        "at the RSS its parent had when it forked.)",
        "",
    ]


def markdown(results: dict) -> str:
    s = results["stages"]
    out = _header(results)
    sections = [("Parse", "parse", _parse), ("Analysis", "analysis", _analysis),
                ("Real feeds", "real_feeds", _real_feeds), ("End to end", "end_to_end", _end_to_end),
                ("Unchanged refresh", "unchanged_refresh", _unchanged),
                ("Dashboard queries", "dashboard", _dashboard), ("Memory", "dashboard", _memory)]
    for title, key, section in sections:
        if key not in s:
            continue
        stage = s.get(key) or {}
        try:
            if stage.get("error"):
                raise ValueError(stage["error"])
            out += section(s)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            out += [f"## {title}", "", f"Not measured: {exc}", ""]
    out += [
        "Reproduce: `make bench` (full: 200 feeds x 50 items; 10k, 100k and 1M items) or "
        "`.venv/bin/python -m benchmarks.run --quick`; profiles: `.venv/bin/python -m benchmarks.profile_stages`.",
        "",
    ]
    return "\n".join(out)
