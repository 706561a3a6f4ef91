"""A check the refresh tests share (also from a fresh interpreter, see
tests/pipelines/test_refresh_workers.py)."""

from warehouse import db, store

ROLLUPS = ["story_days", "story_company_counts", "story_pair_statements", "pair_day_counts"]


def assert_rollups_as_rebuilt(db_path):
    """The roll-ups a refresh kept up (after runs that died too) equal a rebuild from scratch."""
    with db.writer(db_path, publish=False) as con:
        kept = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ROLLUPS}
        con.execute("BEGIN TRANSACTION")
        store.rebuild_rollups(con)
        rebuilt = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ROLLUPS}
        con.execute("ROLLBACK")
    assert all(kept.values()), {t: len(rows) for t, rows in kept.items()}
    for table in ROLLUPS:
        assert kept[table] == rebuilt[table], table
