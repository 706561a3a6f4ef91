"""Shared fixtures: real DuckDB files in tmp dirs, the real shared feeds, the
bundled demo warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.catalog import load_catalog
from pipelines.cli import build_demo, main
from warehouse import db

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared test data not found at {SHARED_DATA} (a user's clone does not have it)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory) -> Path:
    """The demo warehouse built from the bundled samples, snapshot published."""
    path = tmp_path_factory.mktemp("demo") / "rivalwatch.duckdb"
    with db.writer(path) as con:
        outcomes = build_demo(con, load_catalog())
    assert all(o.ok for o in outcomes), [o.line() for o in outcomes]
    return path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "rw.duckdb"


@pytest.fixture
def cli(db_path):
    """Run `rivalwatch --db <tmp> ...` in-process; returns the click Result."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None, db: Path | None = None):
        return runner.invoke(main, ["--db", str(db or db_path), *args], input=input, catch_exceptions=False)

    return run


def write_feed(path: Path, items: list[tuple[str, str, str]], title: str = "Test Wire") -> Path:
    """A small RSS 2.0 file: items are (guid, title, html description)."""
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><guid>{escape(g)}</guid><title>{escape(t)}</title>"
        f"<link>https://news.example.com/{escape(g)}</link>"
        f"<pubDate>Mon, 13 Jan 2025 10:00:00 GMT</pubDate>"
        f"<description>{escape(d)}</description></item>"
        for g, t, d in items
    )
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://news.example.com/</link>{body}</channel></rss>",
        encoding="utf-8",
    )
    return path
