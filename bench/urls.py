"""Every URL the benchmark measures, in one list. Later issues add their screens here.

`bench_urls(conn)` may pick ids from the snapshot (the first organisation, a deal with memos, …) so that
URLs with ids measure real rows.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

HX = {"HX-Request": "true"}


@dataclass(frozen=True)
class BenchUrl:
    name: str
    path: str
    headers: dict = field(default_factory=dict)


def bench_urls(conn: sqlite3.Connection) -> list[BenchUrl]:
    return [
        BenchUrl("api health", "/api/health"),
        BenchUrl("snapshot page", "/snapshot"),
        BenchUrl("snapshot fragment", "/snapshot?runs=30", HX),
        BenchUrl("run modal", "/snapshot/runs/0", HX),
    ]
