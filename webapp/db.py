"""Read-only access to the snapshot and its identity (30_style.md §4.4).

One `sqlite3` connection per request on `g` (`mode=ro`, `query_only`, a per-query time limit), opened on
first use and closed on teardown. The snapshot identity (realpath, mtime_ns, size, inode) is computed
lazily, at most once per request, by the routes that read the DB; an atomically replaced file is a new
identity, so caches keyed by it see new data on the next request without a restart.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass

from flask import current_app, g

from snapshot.store import connect_readonly, file_table_names

REQUIRED_TABLES = ("organization", "people", "deal", "memo")


class SnapshotUnavailable(Exception):
    """The snapshot is missing, unreadable or incomplete; the message says what and how to fix it."""


class QueryTimeout(Exception):
    """A query ran past SQL_TIME_LIMIT_MS."""


@dataclass(frozen=True)
class Snapshot:
    path: str
    mtime_ns: int
    size: int
    inode: int

    @property
    def key(self) -> tuple:
        return (self.path, self.mtime_ns, self.size, self.inode)


def _missing(path: str) -> SnapshotUnavailable:
    return SnapshotUnavailable(
        f"Snapshot not found: {path}. Set DB_PATH to an existing snapshot, crawl one with \"python -m snapshot\", "
        "or run \"make run\" for the synthetic demo.")


def snapshot_identity(path: str) -> Snapshot:
    """Identify the served snapshot; changes whenever the file is replaced (symlinks followed)."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except OSError:
        raise _missing(real) from None
    if not os.path.isfile(real):
        raise SnapshotUnavailable(f"Snapshot unreadable: {real} (not a regular file). "
                                  "Replace it with a complete snapshot.")
    return Snapshot(real, st.st_mtime_ns, st.st_size, st.st_ino)


class TimedConnection(sqlite3.Connection):
    """A connection whose statements are aborted past a deadline (datasette's sqlite_timelimit).

    `queries.run()` calls `start_clock()` before each statement; the progress handler interrupts the
    statement once the limit has passed, and SQLite raises OperationalError("interrupted").
    """
    limit_ms: int = 0
    started: float = 0.0

    def start_clock(self) -> None:
        self.started = time.monotonic()

    def _over_limit(self) -> int:
        return 1 if self.limit_ms and (time.monotonic() - self.started) * 1000 > self.limit_ms else 0


def open_readonly(path: str, time_limit_ms: int | None = None) -> TimedConnection:
    """A read-only connection (`mode=ro`, `query_only`) with sqlite3.Row rows and a per-query time limit."""
    conn = connect_readonly(path, factory=TimedConnection)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = 1")
    if time_limit_ms:
        conn.limit_ms = time_limit_ms
        conn.start_clock()
        conn.set_progress_handler(conn._over_limit, 1000)
    return conn


def check_snapshot(path: str) -> Snapshot:
    """The health checks of 20 §5: a regular file, an SQLite database, the required tables."""
    snap = snapshot_identity(path)
    try:
        tables = set(file_table_names(snap.path))
    except sqlite3.DatabaseError as exc:
        raise SnapshotUnavailable(f"Snapshot unreadable: {snap.path} ({exc}). "
                                  "Replace it with a complete snapshot.") from None
    for table in REQUIRED_TABLES:
        if table not in tables:
            raise SnapshotUnavailable(f"Snapshot incomplete: {snap.path} has no table {table}. "
                                      "Replace it with a complete snapshot.")
    return snap


_CHECKED: dict[tuple, Snapshot] = {}  # identities that passed the checks (a replaced file is a new identity)


def checked_snapshot(path: str) -> Snapshot:
    """check_snapshot, but the SQLite checks run once per identity: later requests only stat the file."""
    snap = snapshot_identity(path)
    if snap.key in _CHECKED:
        return snap
    snap = check_snapshot(path)
    if len(_CHECKED) > 32:
        _CHECKED.clear()
    _CHECKED[snap.key] = snap
    return snap


def current_snapshot() -> Snapshot:
    """The snapshot this request reads, checked once per request (lazily)."""
    if "snapshot" not in g:
        g.snapshot = checked_snapshot(current_app.config["DB_PATH"])
    return g.snapshot


def get_db() -> sqlite3.Connection:
    """The request's read-only connection, opened on first use."""
    if "db" not in g:
        snap = current_snapshot()
        g.db = open_readonly(snap.path, current_app.config["SQL_TIME_LIMIT_MS"])
    return g.db


def close_db(_exc=None) -> None:
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def init_app(app) -> None:
    app.teardown_appcontext(close_db)
