"""SQL of the snapshot status screen, the freshness badge and /api/health.

Functions take an optional connection: /api/health reads with its own connection, bypassing the request's
snapshot identity and every cache (20 §5).
"""
from __future__ import annotations

import sqlite3

from snapshot.format import DATA_TABLES
from snapshot.store import latest_run_value
from webapp.queries import columns_of, quote_ident, run

CAPTURED_AT = 'SELECT "captured_at_utc" FROM "run_info" ORDER BY "run_tag" DESC LIMIT 1'
MANIFEST = 'SELECT "table", "endpoint", "row_count", "column_count", "errors" FROM "manifest" ORDER BY rowid'
RUN_INFO = 'SELECT * FROM "run_info" ORDER BY "run_tag" DESC LIMIT 1'


def get_captured_at_raw(conn: sqlite3.Connection | None = None) -> str | None:
    """`run_info.captured_at_utc` of the row with the greatest run_tag, or None (no table, no row)."""
    if conn is not None:  # /api/health's own connection
        try:
            return latest_run_value(conn, "captured_at_utc")
        except sqlite3.DatabaseError:
            return None
    if "captured_at_utc" not in columns_of("run_info"):
        return None
    rows = run(CAPTURED_AT)
    return rows[0]["captured_at_utc"] if rows else None


def list_manifest() -> list[dict]:
    """Manifest rows in crawl order; [] when the table is missing."""
    return run(MANIFEST) if columns_of("manifest") else []


def get_run_info() -> dict | None:
    if not columns_of("run_info"):
        return None
    rows = run(RUN_INFO)
    return rows[0] if rows else None


def count_rows(table: str) -> int | None:
    """Actual row count of a data table (identifier from snapshot.format only); None when missing."""
    if table not in DATA_TABLES:
        raise ValueError(f"not a snapshot table: {table}")
    if not columns_of(table):
        return None
    return run(f"SELECT COUNT(*) AS n FROM {quote_ident(table)}")[0]["n"]
