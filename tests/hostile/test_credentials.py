"""Credentials in a feed URL belong to the operator's feeds.toml: no output,
no table an analyst can query and no dashboard page may show them.

(The catalogue's cases 025 and 026 check the command output, `runs`,
`feeds` and the per-feed error; this checks every table of the snapshot and
the dashboard's Feeds page data.)"""

from __future__ import annotations

import duckdb
from click.testing import CliRunner

from pipelines.cli import main
from tests.feedserver import FeedServer, feed_of, write_config
from warehouse import db

SECRET = "Sup3r-S3cret"


def test_no_table_of_the_snapshot_and_no_dashboard_page_holds_the_password(tmp_path, monkeypatch):
    path = tmp_path / "rw.duckdb"
    with FeedServer() as server:
        server.feed("/ok.xml", feed_of("ok", 2))
        server.add("/down.xml", b"", status=500)
        config = write_config(tmp_path / "feeds.toml", [
            {"name": "with-password", "url": server.url("/ok.xml").replace("http://", f"http://reader:{SECRET}@")},
            {"name": "failing", "url": server.url("/down.xml").replace("http://", f"http://reader:{SECRET}@")},
        ])
        result = CliRunner().invoke(main, ["--db", str(path), "refresh", "--config", str(config)])
        listed = CliRunner().invoke(main, ["--db", str(path), "feeds", "list", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output and SECRET not in listed.output

    con = duckdb.connect(str(db.snapshot_path(path)), read_only=True)
    try:
        tables = [row[0] for row in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()]
        holding = [t for t in tables if con.execute(
            f'SELECT count(*) FROM "{t}" AS t WHERE CAST(t AS VARCHAR) LIKE ?', [f"%{SECRET}%"]).fetchone()[0]]
    finally:
        con.close()
    assert holding == [], f"the feed password is stored in {holding}"

    monkeypatch.setenv("RIVALWATCH_DB", str(path))
    from dashboard import data

    frame = data.feeds()
    assert not frame.astype(str).apply(lambda column: column.str.contains(SECRET)).any().any()
