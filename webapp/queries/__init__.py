"""All SQL of the dashboard lives in this package, one module per feature.

Conventions: values always as parameters; identifiers only from whitelists (`snapshot.format`), quoted
with `quote_ident`; functions return plain dicts/tuples (never sqlite3.Row: it does not pickle into the
cache); readers tolerate missing tables and columns (an original snapshot has no indexes, an endpoint that
returned nothing leaves no table).
"""
from __future__ import annotations

import sqlite3
from typing import Any, Iterator, Sequence

from snapshot.store import quote_ident
from webapp.db import QueryTimeout, get_db

__all__ = ["run", "one", "columns_of", "quote_ident", "column_or_null", "in_chunks"]
IN_CHUNK = 500  # values per IN list: each statement stays small and far below SQLite's parameter limit


def _execute(sql: str, params: Sequence[Any] | dict) -> list[sqlite3.Row]:
    conn = get_db()
    conn.start_clock()
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout("The query took too long; try a narrower filter.") from None
        raise


def run(sql: str, params: Sequence[Any] | dict = ()) -> list[dict]:
    """All rows as dicts."""
    return [dict(row) for row in _execute(sql, params)]


def one(sql: str, params: Sequence[Any] | dict = ()) -> dict | None:
    rows = _execute(sql, params)
    return dict(rows[0]) if rows else None


def columns_of(table: str) -> list[str]:
    """The table's columns in order; [] when it does not exist."""
    return [row["name"] for row in _execute(f"PRAGMA table_info({quote_ident(table)})", ())]


def column_or_null(alias: str, column: str | None, present: set[str], as_name: str) -> str:
    """`alias."column" AS "as_name"`, or `NULL AS "as_name"` when the column is missing (an optional column)."""
    if column is None or column not in present:
        return f"NULL AS {quote_ident(as_name)}"
    return f"{alias}.{quote_ident(column)} AS {quote_ident(as_name)}"


def in_chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[tuple[str, tuple]]:
    """(`?, ?, …`, values) for each bounded IN list over `values`."""
    for start in range(0, len(values), size):
        chunk = tuple(values[start:start + size])
        yield ", ".join("?" * len(chunk)), chunk
