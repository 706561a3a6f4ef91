import duckdb

from warehouse import db

DOCUMENTED = {
    "items": ["item_id", "item_guid", "feed", "kind", "url", "title", "published_at"],
    "mentions": ["item_id", "item_guid", "published_at", "feed", "company", "alias", "sentence"],
    "rivalry_edges": [
        "item_id", "item_guid", "published_at", "feed", "speaker", "target", "stance",
        "polarity", "evidence",
    ],
}


def test_fresh_file_gets_every_migration_recorded(db_path):
    con = duckdb.connect(str(db_path))
    applied = db.migrate(con)
    assert applied and applied[0].startswith("0001_")
    recorded = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY version").fetchall()]
    assert recorded == applied
    assert db.migrate(con) == []  # forward-only and idempotent
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"feeds", "feed_items", "item_mentions", "item_edges", "runs"} <= tables


def test_documented_views_have_their_columns_in_order(db_path):
    con = duckdb.connect(str(db_path))
    db.migrate(con)
    for view, columns in DOCUMENTED.items():
        got = [r[0] for r in con.execute(f"DESCRIBE {view}").fetchall()]
        assert got[: len(columns)] == columns, view


def test_writer_publishes_a_snapshot_readers_can_open(db_path):
    with db.writer(db_path) as con:
        con.execute("INSERT INTO runs (command, started_at, status) VALUES ('t', now(), 'ok')")
    snap = db.snapshot_path(db_path)
    assert snap.exists() and snap != db_path
    reader = db.open_reader(db_path)
    assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
    reader.close()


def test_db_path_resolution(monkeypatch, tmp_path):
    monkeypatch.setenv("RIVALWATCH_DB", str(tmp_path / "env.duckdb"))
    assert db.resolve_db_path() == tmp_path / "env.duckdb"
    assert db.resolve_db_path(str(tmp_path / "cli.duckdb")) == tmp_path / "cli.duckdb"
    monkeypatch.delenv("RIVALWATCH_DB")
    assert db.resolve_db_path() == db.DEFAULT_DB
