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
import time
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


class WarehouseUnreadable(WarehouseMissing):
    """The snapshot exists but cannot be opened or read (a damaged file); the
    next publish replaces it."""


class WarehouseWriteError(RuntimeError):
    """The writer could not write the warehouse (a full disk, say); what was
    committed stays in DuckDB's write-ahead log and readers keep the previous
    snapshot. The message says so."""


class SnapshotError(WarehouseWriteError):
    """The snapshot could not be published (a full disk, say); the previous
    one stays in place for readers and the working file keeps the data."""


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
        try:
            con.execute("CHECKPOINT")
        except duckdb.Error as exc:
            raise WarehouseWriteError(
                f"could not write the warehouse {db_path} ({_reason(exc)}): what this run committed is kept in "
                "its write-ahead log and the next run completes it; readers keep the previous snapshot"
            ) from None
    finally:
        try:
            con.close()
        except duckdb.Error:
            pass  # a database DuckDB invalidated after a failed write: the error above says why
    if publish:
        publish_snapshot(db_path)


@contextmanager
def threads(con: duckdb.DuckDBPyConnection, count: int) -> Iterator[None]:
    """Run a stretch of a connection's work on ``count`` DuckDB threads, then
    restore the setting (a refresh writes on one while its worker processes
    hold the cores)."""
    before = int(con.execute("SELECT current_setting('threads')").fetchone()[0])
    con.execute(f"SET threads = {int(count)}")
    try:
        yield
    finally:
        try:
            con.execute(f"SET threads = {before}")
        except duckdb.Error:
            pass  # a connection a failed write invalidated: the error that did it is the one to report


KEEP_SNAPSHOT_VERSIONS = 3


def publish_snapshot(db_path: Path) -> Path:
    """Copy the checkpointed, closed working file to a new snapshot version and
    point ``<name>.snapshot.duckdb`` (a symlink) at it atomically.

    Each version is a file that never changes once published, and a reader
    opens the version the link names (``open_reader`` resolves it first), so
    no reader can ever see two publishes mixed: replacing one file in place
    let a reader read pages of a newer copy past the end of the one it
    opened (seen once in four runs of 50 publishes). A failure (a full disk)
    leaves the previous link and version untouched."""
    db_path = Path(db_path)
    target = snapshot_path(db_path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    link = target.with_name(f".{target.name}.{os.getpid()}.link.tmp")
    version = target.with_name(f".{target.name}.v{time.time_ns()}")
    _remove_stale_copies(target)
    try:
        shutil.copyfile(db_path, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, version)
        link.unlink(missing_ok=True)
        os.symlink(version.name, link)
        os.replace(link, target)
    except OSError as exc:
        raise SnapshotError(
            f"could not publish the snapshot at {target} ({exc.strerror or exc}): readers keep the previous "
            f"one and {db_path} keeps the data; free space and run any writing command to publish again"
        ) from None
    finally:
        for leftover in (tmp, link):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
    _remove_old_versions(target)
    return target


def _remove_old_versions(target: Path) -> None:
    """Versions past the newest few: a reader still holding one keeps its open
    file (POSIX), and new readers only ever open the newest."""
    current = os.path.realpath(target)
    versions = sorted(target.parent.glob(f".{target.name}.v*"), key=lambda p: p.name, reverse=True)
    for old in versions[KEEP_SNAPSHOT_VERSIONS:]:
        if str(old) != current:
            try:
                old.unlink(missing_ok=True)
            except OSError:
                pass


def _remove_stale_copies(target: Path) -> None:
    """Temp copies left by writers killed while publishing (SIGKILL skips
    every cleanup); a copy whose writer still runs is left alone."""
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        pid = stale.name[len(target.name) + 2 : -len(".tmp")]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            stale.unlink(missing_ok=True)
        except OSError:
            pass


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def snapshot_version(db_path: Path) -> str:
    """Changes whenever a new snapshot is published; cache key for readers."""
    snap = snapshot_path(Path(db_path))
    try:
        stat = snap.stat()
    except FileNotFoundError:
        return "missing"
    return f"{os.path.basename(os.path.realpath(snap))}-{stat.st_mtime_ns}-{stat.st_size}"


READER_CONFIG = {
    # No file system or network from SQL: read_csv, COPY, ATTACH, EXPORT, INSTALL all refuse.
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
    # No spilling: a reader would otherwise write temp files next to the snapshot,
    # up to 90 % of the free disk, and starve the writer that publishes it.
    "temp_directory": "",
}


def open_reader(
    db_path: Path, *, memory_limit: str = "1GB", threads: int = 2
) -> duckdb.DuckDBPyConnection:
    """A read-only, sandboxed connection to the published snapshot: no file
    system, no extensions, configuration locked, no temp files. A damaged
    snapshot raises WarehouseUnreadable, which says how to repair it."""
    snap = snapshot_path(Path(db_path))
    if not snap.exists():
        raise WarehouseMissing(
            f"no warehouse snapshot at {snap}: run `rivalwatch demo --no-serve` or "
            "`rivalwatch ingest FILE` first"
        )
    config = dict(READER_CONFIG, memory_limit=memory_limit, threads=threads)
    try:
        # The version the link names now: it never changes under this reader.
        con = duckdb.connect(os.path.realpath(snap), read_only=True, config=config)
    except duckdb.Error as exc:
        raise _unreadable(snap, exc) from None
    try:
        con.execute("SELECT count(*) FROM schema_migrations").fetchone()
    except duckdb.Error as exc:
        con.close()
        raise _unreadable(snap, exc) from None
    return con


def _unreadable(snap: Path, exc: Exception) -> WarehouseUnreadable:
    return WarehouseUnreadable(
        f"the snapshot at {snap} is unreadable ({_reason(exc)}): run any writing command "
        "(`rivalwatch refresh`, `rivalwatch ingest FILE`) to republish it"
    )
