"""Warehouse files: where they live, the writer connection, migrations and the
read-only snapshot that every reader opens.

DuckDB locks a file against every other process while one process writes it,
so readers never open the working file: after each committed job the writer
checkpoints, closes and copies it to ``<name>.snapshot.duckdb`` through a temp
file and ``os.replace``. A reader keeps the inode it opened; the next one sees
the new snapshot.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

DEFAULT_DB = Path("data") / "rivalwatch.duckdb"
ENV_VAR = "RIVALWATCH_DB"


class WarehouseMissing(RuntimeError):
    """No snapshot to read yet."""


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """`--db` wins, then RIVALWATCH_DB, then data/rivalwatch.duckdb."""
    value = cli_value or os.environ.get(ENV_VAR) or DEFAULT_DB
    return Path(value).expanduser()


def snapshot_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.snapshot{db_path.suffix or '.duckdb'}")


def utcnow() -> datetime:
    """Naive UTC, the convention of every TIMESTAMP column."""
    return datetime.now(UTC).replace(tzinfo=None)


def _migration_files() -> list[tuple[int, str, str]]:
    folder = resources.files("warehouse") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations in order, each in one transaction with its record."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in _migration_files():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, utcnow()]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


@contextmanager
def writer(db_path: Path, *, publish: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one read-write connection of a job. On success the file is
    checkpointed and a fresh snapshot is published for readers."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path))
    try:
        migrate(con)
        yield con
        con.execute("CHECKPOINT")
    finally:
        con.close()
    if publish:
        publish_snapshot(db_path)


def publish_snapshot(db_path: Path) -> Path:
    """Copy the checkpointed, closed working file over the snapshot atomically."""
    db_path = Path(db_path)
    target = snapshot_path(db_path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(db_path, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def snapshot_version(db_path: Path) -> str:
    """Changes whenever a new snapshot is published; cache key for readers."""
    try:
        stat = snapshot_path(Path(db_path)).stat()
    except FileNotFoundError:
        return "missing"
    return f"{stat.st_mtime_ns}-{stat.st_size}"


READER_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


def open_reader(
    db_path: Path, *, memory_limit: str = "1GB", threads: int = 2
) -> duckdb.DuckDBPyConnection:
    """A read-only, sandboxed connection to the published snapshot: no file
    system, no extensions, configuration locked."""
    snap = snapshot_path(Path(db_path))
    if not snap.exists():
        raise WarehouseMissing(
            f"no warehouse snapshot at {snap}: run `rivalwatch demo --no-serve` or "
            "`rivalwatch ingest FILE` first"
        )
    config = dict(READER_CONFIG, memory_limit=memory_limit, threads=threads)
    return duckdb.connect(str(snap), read_only=True, config=config)
