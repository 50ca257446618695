"""Compare two snapshots by the equality contract of 10_salesmap_api.md §B.3.

Same tables (ignoring sqlite_*), same columns (name, declared type, order), same indexes (name, table, column),
same rows in the same order with the same values and typeof(); run_info compared on `endpoints` only.
"""
from __future__ import annotations

import sqlite3


def _tables(conn) -> list[str]:
    return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%'"))


def _indexes(conn) -> set[tuple]:
    out = set()
    for name, table in conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
                                    "AND name NOT LIKE 'sqlite_%'"):
        cols = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")'))
        out.add((name, table, cols))
    return out


def diff(db_a, db_b) -> list[str]:
    a, b = sqlite3.connect(f"file:{db_a}?mode=ro", uri=True), sqlite3.connect(f"file:{db_b}?mode=ro", uri=True)
    try:
        problems = []
        ta, tb = _tables(a), _tables(b)
        if ta != tb:
            problems.append(f"tables differ: {ta} vs {tb}")
        if _indexes(a) != _indexes(b):
            problems.append(f"indexes differ: {sorted(_indexes(a) ^ _indexes(b))}")
        for table in sorted(set(ta) & set(tb)):
            ca = [(r[1], r[2]) for r in a.execute(f'PRAGMA table_info("{table}")')]
            cb = [(r[1], r[2]) for r in b.execute(f'PRAGMA table_info("{table}")')]
            if ca != cb:
                problems.append(f"{table}: columns differ")
                continue
            if table == "run_info":
                ea = a.execute('SELECT "endpoints" FROM "run_info"').fetchall()
                eb = b.execute('SELECT "endpoints" FROM "run_info"').fetchall()
                if ea != eb:
                    problems.append("run_info.endpoints differ")
                continue
            select = ", ".join(f'"{c}", typeof("{c}")' for c, _ in ca)
            ra = a.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid').fetchall()
            rb = b.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid').fetchall()
            if ra != rb:
                first = next((i for i, (x, y) in enumerate(zip(ra, rb)) if x != y), min(len(ra), len(rb)))
                problems.append(f"{table}: rows differ ({len(ra)} vs {len(rb)}; first at row {first + 1})")
        return problems
    finally:
        a.close()
        b.close()
