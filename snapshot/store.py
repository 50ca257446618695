"""The table writer, the storage rule and the prepare step (10_salesmap_api.md §C.5–C.7).

The crawler and the synthetic generator write every data cell through `to_cell`; nothing else writes
cells. Every data column is declared TEXT, columns added by later units too, so every cell is TEXT or
NULL. A float is bound as a float into the TEXT column and SQLite's affinity gives its REAL-to-TEXT form
(`24000.0`, `1.0e+20`): never format a float in Python. Identifiers are always double-quoted.
This module does not manage transactions: the caller wraps each unit (with its progress row) in one.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from contextlib import closing
from typing import Any, Iterable, Sequence
from urllib.parse import quote

from snapshot.format import INDEXES, MANIFEST_DDL, RUN_INFO_DDL

log = logging.getLogger(__name__)


def quote_ident(name: str) -> str:
    """A double-quoted SQL identifier with `"` doubled (Korean names with spaces, `user`)."""
    return '"' + name.replace('"', '""') + '"'


def connect_readonly(path: str | os.PathLike, **kwargs) -> sqlite3.Connection:
    """A read-only connection (URI `mode=ro`) for every reader of a snapshot. The path is percent-encoded:
    a `?`, `#` or `%` in a folder name would otherwise end the file name inside the URI."""
    return sqlite3.connect(f"file:{quote(os.fspath(path), safe='/')}?mode=ro", uri=True, **kwargs)


def file_table_names(path: str | os.PathLike) -> list[str]:
    """`table_names` of a file opened read-only; sqlite3.DatabaseError when it is not a database."""
    with closing(connect_readonly(path)) as conn:
        return table_names(conn)


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The database's tables in creation order, without SQLite's internal `sqlite_*` ones."""
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]


def to_cell(value: Any) -> str | float | None:
    """The storage rule: null → NULL; dict/list → JSON text; bool → '1'/'0'; int → str; float → bound
    as REAL into a TEXT column (SQLite writes its text); str unchanged."""
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):  # before int: True is an int
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        return value
    raise TypeError(f"no storage rule for {type(value).__name__}")


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """Column names in order; [] when the table does not exist."""
    return [row[1] for row in conn.execute(f"PRAGMA table_info({quote_ident(table)})")]


def latest_run_value(conn: sqlite3.Connection, column: str) -> Any:
    """`column` of the run_info row with the greatest run_tag; None without the table, the column or a row."""
    if not {column, "run_tag"} <= set(table_columns(conn, "run_info")):
        return None
    row = conn.execute(f'SELECT {quote_ident(column)} FROM "run_info" ORDER BY "run_tag" DESC LIMIT 1').fetchone()
    return row[0] if row else None


def first_seen_keys(records: Iterable[dict]) -> list[str]:
    """The union of the records' keys in first-seen order."""
    seen: dict[str, None] = {}
    for record in records:
        for key in record:
            seen.setdefault(key, None)
    return list(seen)


def write_unit(conn: sqlite3.Connection, table: str, records: Sequence[dict],
               known_columns: list[str] | None = None) -> list[str]:
    """Append one unit of records to `table`, creating it or adding TEXT columns as keys appear.

    Returns the table's columns afterwards. An empty unit writes nothing (and creates no table).
    `known_columns` may pass the current columns to skip a PRAGMA per unit.
    """
    records = [r for r in records if isinstance(r, dict)]
    columns = list(known_columns) if known_columns is not None else table_columns(conn, table)
    if not records:
        return columns
    keys = first_seen_keys(records)
    if not columns:
        conn.execute(f"CREATE TABLE {quote_ident(table)} ("
                     + ", ".join(f"{quote_ident(k)} TEXT" for k in keys) + ")")
        columns = keys
    else:
        present = set(columns)
        for key in keys:
            if key not in present:
                conn.execute(f"ALTER TABLE {quote_ident(table)} ADD COLUMN {quote_ident(key)} TEXT")
                log.warning("table %s: added column %r", table, key)
                columns.append(key)
                present.add(key)
    sql = (f"INSERT INTO {quote_ident(table)} ("
           + ", ".join(quote_ident(c) for c in columns) + ") VALUES ("
           + ", ".join("?" for _ in columns) + ")")
    conn.executemany(sql, ([to_cell(r.get(c)) for c in columns] for r in records))
    return columns


def write_manifest(conn: sqlite3.Connection, rows: Sequence[tuple[str, str, str]]) -> None:
    """(Re)create `manifest`: one row per (table, endpoint, errors), counts read from the DB."""
    conn.execute('DROP TABLE IF EXISTS "manifest"')
    conn.execute(MANIFEST_DDL)
    for table, endpoint, errors in rows:
        columns = table_columns(conn, table)
        count = conn.execute(f"SELECT COUNT(*) FROM {quote_ident(table)}").fetchone()[0] if columns else 0
        conn.execute('INSERT INTO "manifest" VALUES (?, ?, ?, ?, ?)',
                     (table, endpoint, count, len(columns), errors))


def write_run_info(conn: sqlite3.Connection, *, run_tag: str, captured_at_utc: str, base_url: str,
                   endpoints: Sequence[str], note: str, checkpoint_path: str | None,
                   final_db_path: str | None) -> None:
    """(Re)create `run_info` with its one row (10 §C.7)."""
    conn.execute('DROP TABLE IF EXISTS "run_info"')
    conn.execute(RUN_INFO_DDL)
    conn.execute('INSERT INTO "run_info" VALUES (?, ?, ?, ?, ?, ?, ?)',
                 (run_tag, captured_at_utc, base_url, json.dumps(list(endpoints), ensure_ascii=False),
                  note, checkpoint_path, final_db_path))


def prepare(conn: sqlite3.Connection) -> list[str]:
    """Create the indexes of 11 §2.8 (skipping missing tables/columns), then ANALYZE. Returns the created."""
    created = []
    for name, table, column in INDEXES:
        if column not in table_columns(conn, table):
            log.info("prepare: index %s skipped (no %s.%s)", name, table, column)
            continue
        conn.execute(f"CREATE INDEX IF NOT EXISTS {quote_ident(name)} "
                     f"ON {quote_ident(table)} ({quote_ident(column)})")
        created.append(name)
    conn.execute("ANALYZE")
    return created
