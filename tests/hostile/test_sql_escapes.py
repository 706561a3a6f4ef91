"""Trying to get out of the SQL sandbox, through `rivalwatch sql` and through
``warehouse.sandbox.run_sql`` (what the dashboard's SQL page calls): file
reads through every table function, COPY, EXPORT, ATTACH, extensions,
settings, writes, temp files, a query that never ends, one that needs 20 GB,
a result of a million rows or a hundred megabytes. Each is refused or
bounded with a one-line reason, and a normal query answers afterwards."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.cli import main
from tests.hostile.runner import COLLECTED
from warehouse import db, sandbox
from warehouse.sandbox import SandboxError, run_sql

SAMPLES = Path(__file__).resolve().parents[2] / "pipelines" / "samples"
FILES = "no file, network or extension access"
SETTINGS = "settings cannot be changed"
READ_ONLY = "read-only"

ESCAPES = [
    ("read_csv", "SELECT * FROM read_csv('/etc/passwd')", FILES),
    ("read_csv_auto", "SELECT * FROM read_csv_auto('/etc/passwd')", FILES),
    ("read_json", "SELECT * FROM read_json('/etc/passwd')", FILES),
    ("read_json_auto", "SELECT * FROM read_json_auto('/etc/passwd')", FILES),
    ("read_json_objects", "SELECT * FROM read_json_objects('/etc/passwd')", FILES),
    ("read_ndjson_objects", "SELECT * FROM read_ndjson_objects('/etc/passwd')", FILES),
    ("read_parquet", "SELECT * FROM read_parquet('/etc/passwd')", FILES),
    ("parquet_scan", "SELECT * FROM parquet_scan(['/etc/passwd'])", FILES),
    ("parquet_metadata", "SELECT * FROM parquet_metadata('/etc/passwd')", FILES),
    ("parquet_schema", "SELECT * FROM parquet_schema('/etc/passwd')", FILES),
    ("read_text", "SELECT content FROM read_text('/etc/passwd')", FILES),
    ("read_blob", "SELECT content FROM read_blob('/etc/hostname')", FILES),
    ("glob", "SELECT * FROM glob('/etc/*')", FILES),
    ("sniff_csv", "SELECT * FROM sniff_csv('/etc/passwd')", FILES),
    ("replacement scan", "SELECT * FROM '/etc/passwd'", r"does not exist"),
    ("http read", "SELECT * FROM read_csv('https://example.com/x.csv')", FILES),
    ("copy to", "COPY (SELECT * FROM items) TO '/tmp/rivalwatch-escape.csv'", FILES),
    ("copy from", "COPY items FROM '/etc/passwd'", FILES),
    ("export database", "EXPORT DATABASE '/tmp/rivalwatch-escape'", FILES),
    ("import database", "IMPORT DATABASE '/tmp/rivalwatch-escape'", FILES),
    ("attach file", "ATTACH '/tmp/rivalwatch-other.duckdb' AS other", FILES),
    ("attach memory", "ATTACH ':memory:' AS scratch", FILES),
    ("install", "INSTALL httpfs", FILES),
    ("force install", "FORCE INSTALL httpfs FROM 'http://127.0.0.1:9/'", FILES),
    ("load", "LOAD httpfs", "extension"),
    ("load a file", "LOAD '/tmp/evil.duckdb_extension'", "extension"),
    ("set external access", "SET enable_external_access = true", SETTINGS),
    ("set lock", "SET lock_configuration = false", SETTINGS),
    ("set temp directory", "SET temp_directory = '/tmp/rivalwatch-spill'", SETTINGS),
    ("set memory", "SET memory_limit = '100GB'", SETTINGS),
    ("reset memory", "RESET memory_limit", SETTINGS),
    ("pragma memory", "PRAGMA memory_limit = '100GB'", SETTINGS),
    ("set threads", "SET threads = 64", SETTINGS),
    ("create temp table", "CREATE TEMP TABLE t AS SELECT * FROM range(10)", READ_ONLY),
    ("create table", "CREATE TABLE t (a INTEGER)", READ_ONLY),
    ("create secret", "CREATE SECRET s (TYPE http, BEARER_TOKEN 'x')", READ_ONLY),
    ("insert", "INSERT INTO runs (command, started_at, status) VALUES ('x', now(), 'ok')", READ_ONLY),
    ("delete", "DELETE FROM feed_items", READ_ONLY),
    ("drop", "DROP VIEW items", READ_ONLY),
    ("checkpoint by vacuum", "VACUUM", READ_ONLY),
    ("second statement", "SELECT 1; COPY (SELECT 1) TO '/tmp/rivalwatch-escape.csv'", FILES),
    ("unknown statement", "UPDATE EXTENSIONS", r"only reading statements|read-only|syntax"),
]


@pytest.fixture(autouse=True)
def _fresh_peak():
    sandbox.child_peak_kb = 0  # each attempt records its own peak


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sql") / "rw.duckdb"
    result = CliRunner().invoke(main, ["--db", str(path), "ingest", str(SAMPLES / "ai-wire.xml")])
    assert result.exit_code == 0, result.output
    return path


def _record(name: str, seconds: float, passed: bool, message: str) -> None:
    COLLECTED["sql"][name] = {"seconds": round(seconds, 3), "passed": passed, "message": message[:300],
                              "child_peak_rss_mb": round(sandbox.child_peak_kb / 1024, 1)}


def _sql_cli(warehouse: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(warehouse), "sql", *args], catch_exceptions=False)


@pytest.mark.parametrize("name, query, words", ESCAPES, ids=[e[0] for e in ESCAPES])
def test_escape_is_refused_through_run_sql_and_the_cli(warehouse, name, query, words):
    started = time.monotonic()
    with pytest.raises(SandboxError) as refused:
        run_sql(warehouse, query, time_limit_s=10)
    message = str(refused.value)
    _record(name, time.monotonic() - started, False, message)
    assert re.search(words, message), message
    assert "\n" not in message
    result = _sql_cli(warehouse, query)
    assert result.exit_code == 2 and result.stderr.startswith("error: "), result.output
    assert re.search(words, result.stderr), result.stderr
    assert "Traceback" not in result.output
    assert not Path("/tmp/rivalwatch-escape.csv").exists() and not Path("/tmp/rivalwatch-escape").exists()
    _record(name, time.monotonic() - started, True, message)


def test_a_query_that_never_ends_stops_at_the_time_limit(warehouse):
    started = time.monotonic()
    with pytest.raises(SandboxError, match=r"ran past the 1 s time limit"):
        run_sql(warehouse, "SELECT count(*) FROM range(1000000000000) a, range(1000) b", time_limit_s=1)
    seconds = time.monotonic() - started
    assert seconds < 4
    result = _sql_cli(warehouse, "--timeout", "1", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                                                   "SELECT count(*) FROM r")
    assert result.exit_code == 2 and "ran past the 1 s time limit" in result.stderr
    _record("never ends", seconds, True, "query stopped: it ran past the 1 s time limit")


@pytest.mark.parametrize("name, query", [
    ("20 GB list", "SELECT list(range) FROM range(2500000000)"),
    ("20 GB of strings", "SELECT repeat('x', 100000000) AS s FROM range(200)"),
    ("20 GB sort", "SELECT range, repeat('x', 1000) AS s FROM range(20000000) ORDER BY random()"),
    ("20 GB string_agg", "SELECT string_agg(repeat('x', 1000), ',') FROM range(20000000)"),
])
def test_a_query_that_needs_20_gb_fails_at_the_memory_limit(warehouse, name, query):
    started = time.monotonic()
    with pytest.raises(SandboxError) as refused:
        run_sql(warehouse, query, time_limit_s=20)
    message = str(refused.value)
    seconds = time.monotonic() - started
    _record(name, seconds, False, message)
    assert "1GB of memory" in message and "\n" not in message, message
    assert sandbox.child_peak_kb / 1024 < 2600  # DuckDB's 1 GB, the result, and the libraries
    spill = [p for p in warehouse.parent.iterdir() if p.name.endswith(".tmp")]
    assert not spill, spill  # nothing written next to the snapshot
    _record(name, seconds, True, message)


def test_big_results_are_bounded(warehouse):
    started = time.monotonic()
    result = run_sql(warehouse, "SELECT range AS n FROM range(1000000)")
    assert len(result.frame) == 100_000 and result.truncated
    cli = _sql_cli(warehouse, "--format", "csv", "SELECT range AS n FROM range(1000000)")
    assert cli.exit_code == 0 and cli.stdout.count("\n") == 100_001
    assert "(stopped at 100000 rows; use --limit to change)" in cli.stderr
    _record("a million rows", time.monotonic() - started, True, "first 100,000 rows, marked truncated")
    started = time.monotonic()
    with pytest.raises(SandboxError, match=r"more than the 64 MiB the SQL sandbox returns"):
        run_sql(warehouse, "SELECT repeat('x', 50000000) AS s FROM range(2)")
    _record("a 100 MB result", time.monotonic() - started, True, "refused: more than the 64 MiB returned")


def test_a_normal_query_still_answers_afterwards(warehouse):
    assert run_sql(warehouse, "SELECT count(*) AS n FROM items").frame["n"].tolist() == [106]
    result = _sql_cli(warehouse, "--format", "json", "SELECT count(*) AS n FROM items")
    assert result.exit_code == 0 and result.stdout.strip() == '[{"n":106}]'
    con = db.open_reader(warehouse)
    try:
        settings = dict(con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN "
            "('enable_external_access', 'lock_configuration', 'temp_directory', 'autoload_known_extensions')"
        ).fetchall())
    finally:
        con.close()
    assert settings == {"enable_external_access": "false", "lock_configuration": "true", "temp_directory": "",
                        "autoload_known_extensions": "false"}


def test_the_dashboard_sql_page_refuses_and_still_answers(monkeypatch, warehouse):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RIVALWATCH_DB", str(warehouse))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"), default_timeout=60)
    at.switch_page("views/sql.py")
    at.run()
    for query in ("SELECT list(range) FROM range(2500000000)", "COPY items TO '/tmp/rivalwatch-escape.csv'",
                  "SELECT content FROM read_text('/etc/passwd')"):
        at.text_area(key="sql").set_value(query).run()
        assert not at.exception, [e.message for e in at.exception]
        assert [e.value.startswith("refused:") for e in at.error] == [True], [e.value for e in at.error]
        assert "root:" not in str([e.value for e in at.error])
    at.text_area(key="sql").set_value("SELECT count(*) AS n FROM items").run()
    assert not at.exception and not at.error
    assert any(list(frame.value.columns) == ["n"] and frame.value["n"].tolist() == [106] for frame in at.dataframe)
