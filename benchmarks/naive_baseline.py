"""The naive pipeline rivalwatch is measured against: what a quick script
would do with the plain libraries, and less work than rivalwatch does.

For each feed URL, one after the other: ``feedparser.parse(url)`` (its own
HTTP: no timeouts, no conditional GET, no size cap), one TextBlob polarity of
each item's title + summary (document-level: no sentences, no mentions, no
speakers, no stance), and one row-by-row ``INSERT`` per item into DuckDB (no
dedupe, no upsert, no analysis tables, no snapshot).

    python -m benchmarks.naive_baseline --config feeds.toml --db naive.duckdb

Prints one JSON line: feeds, items, seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import tomllib
from pathlib import Path

_TAGS = re.compile(r"<[^>]+>")


def run(urls: list[str], db_path: Path) -> dict:
    import duckdb
    import feedparser
    from textblob import TextBlob

    started = time.perf_counter()
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE IF NOT EXISTS items (feed VARCHAR, guid VARCHAR, link VARCHAR, title VARCHAR, "
                "published VARCHAR, summary VARCHAR, polarity DOUBLE)")
    items = errors = 0
    for url in urls:
        parsed = feedparser.parse(url)
        if parsed.get("status", 200) >= 400 or not parsed.entries:
            errors += 1
            continue
        for entry in parsed.entries:
            summary = _TAGS.sub(" ", entry.get("summary", ""))
            title = entry.get("title", "")
            polarity = TextBlob(f"{title}. {summary}").sentiment.polarity
            con.execute("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [url, entry.get("id"), entry.get("link"), title, entry.get("published"), summary, polarity])
            items += 1
    con.close()
    return {"feeds": len(urls), "items": items, "errors": errors, "seconds": round(time.perf_counter() - started, 3)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="feedparser + TextBlob + row-by-row INSERTs, one feed at a time")
    parser.add_argument("--config", type=Path, required=True, help="a rivalwatch feeds.toml (only the URLs are used)")
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args(argv)
    config = tomllib.loads(args.config.read_text(encoding="utf-8"))
    urls = [feed["url"] for feed in config.get("feed", [])]
    print(json.dumps(run(urls, args.db)))


if __name__ == "__main__":
    main()
