"""Every real feed in ../shared/data/feeds, through `rivalwatch ingest`."""

import json

import feedparser
import pytest

from pipelines.parse import ParseError, parse_document, stable_key

MALFORMED = {"rssparser__marketwatch_html_document_moved.rss": "an HTML page, not an RSS or Atom feed"}


def feed_files(shared_data):
    return sorted(p for p in (shared_data / "feeds").glob("*/*") if p.is_file())


def test_every_shared_feed_parses_or_fails_clearly(shared_data):
    files = feed_files(shared_data)
    assert len(files) >= 30
    for path in files:
        body = path.read_bytes()
        if path.name in MALFORMED:
            with pytest.raises(ParseError, match=MALFORMED[path.name]):
                parse_document(body)
            continue
        parsed = parse_document(body)
        assert len(parsed.entries) == len(feedparser.parse(body).entries), path.name


def test_ingest_counts_match_feedparser(shared_data, cli):
    files = feed_files(shared_data)
    result = cli("ingest", *map(str, files))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    counts = json.loads(cli("sql", "--format", "json",
                            "SELECT feed, count(*) AS n FROM items GROUP BY feed").output)
    stored = {row["feed"]: row["n"] for row in counts}
    error_lines = [line for line in result.output.splitlines() if line.startswith("error")]
    assert len(error_lines) == len(MALFORMED)
    for name, reason in MALFORMED.items():
        line = next(line for line in error_lines if name in line)
        assert line.endswith(reason)
    expected: dict[str, set] = {}
    one_row_per_entry = 0
    for path in files:
        if path.name in MALFORMED:
            continue
        entries = feedparser.parse(path.read_bytes()).entries
        keys = {stable_key(e) for e in entries if stable_key(e).strip("|")}
        feed = [line for line in result.output.splitlines() if f"({path})" in line]
        assert len(feed) == 1, path.name
        name = feed[0][len("ok     "):].split(f" ({path})")[0]
        expected.setdefault(name, set()).update(keys)
        # Repeated GUIDs (EDGAR lists a filing once per party) and entries with
        # nothing to identify them are the only reasons for fewer rows.
        one_row_per_entry += len(keys) == len(entries)
    for name, keys in expected.items():
        assert stored.get(name, 0) == len(keys), name
    assert one_row_per_entry >= 28
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith(f"{len(files) - len(MALFORMED)} of {len(files)} sources read")


def test_reingest_adds_nothing(shared_data, cli):
    files = [str(p) for p in feed_files(shared_data) if p.name not in MALFORMED][:8]
    cli("ingest", *files)
    before = cli("sql", "--format", "csv", "SELECT count(*) FROM items").output
    edges_before = cli("sql", "--format", "csv", "SELECT count(*) FROM rivalry_edges").output
    again = cli("ingest", *files)
    assert again.exit_code == 0
    assert ", 0 new items," in again.output
    assert cli("sql", "--format", "csv", "SELECT count(*) FROM items").output == before
    assert cli("sql", "--format", "csv", "SELECT count(*) FROM rivalry_edges").output == edges_before
