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
    memo_deal = conn.execute('SELECT "dealId" FROM memo WHERE "dealId" IS NOT NULL '
                             'GROUP BY "dealId" ORDER BY COUNT(*) DESC, "dealId" LIMIT 1').fetchone()[0]
    return [
        BenchUrl("api health", "/api/health"),
        BenchUrl("snapshot page", "/snapshot"),
        BenchUrl("snapshot fragment", "/snapshot?runs=30", HX),
        BenchUrl("run modal", "/snapshot/runs/0", HX),
        BenchUrl("deal check edu-all", "/deal-check/edu-all"),
        BenchUrl("deal check edu1", "/deal-check/edu1"),
        BenchUrl("deal check edu1 part1", "/deal-check/edu1/part1"),
        BenchUrl("deal check edu2 online", "/deal-check/edu2/online"),
        BenchUrl("deal check public", "/deal-check/public"),
        BenchUrl("deal check filter (htmx)", "/deal-check/edu1?status=won&status=lost&prob=%ED%99%95%EC%A0%95",
                 {**HX, "HX-Target": "dealcheck-result"}),
        BenchUrl("deal check csv", "/deal-check/edu-all?format=csv"),
        BenchUrl("api deal check edu-all", "/api/deal-check/edu-all"),
        BenchUrl("api deal check ?team=edu2", "/api/deal-check?team=edu2"),
        BenchUrl("deal memo modal", f"/deals/{memo_deal}/memos/modal", HX),
    ]
