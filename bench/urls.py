"""Every URL the benchmark measures, in one list. Later issues add their screens here.

`bench_urls(conn)` may pick ids from the snapshot (the first organisation, a deal with memos, …) so that
URLs with ids measure real rows.
"""
from __future__ import annotations

import sqlite3
from urllib.parse import quote
from dataclasses import dataclass, field

HX = {"HX-Request": "true"}
# Pages whose warm throughput is measured with wrk as well (issue targets), beside the heaviest page.
THROUGHPUT_PATHS = ("/orgs",)


@dataclass(frozen=True)
class BenchUrl:
    name: str
    path: str
    headers: dict = field(default_factory=dict)


def bench_urls(conn: sqlite3.Connection) -> list[BenchUrl]:
    memo_deal = conn.execute('SELECT "dealId" FROM memo WHERE "dealId" IS NOT NULL '
                             'GROUP BY "dealId" ORDER BY COUNT(*) DESC, "dealId" LIMIT 1').fetchone()[0]
    anchor = conn.execute('SELECT "organizationId" FROM deal WHERE "organizationId" IS NOT NULL '
                          'GROUP BY "organizationId" ORDER BY COUNT(*) DESC LIMIT 1').fetchone()[0]
    small = conn.execute("SELECT id FROM organization WHERE \"이름\" = '해랑솔식품'").fetchone()[0]
    person, deal = conn.execute('SELECT "peopleId", id FROM deal WHERE "organizationId" = ? AND "peopleId" IS NOT NULL '
                                'ORDER BY rowid LIMIT 1', (anchor,)).fetchone()
    upper = conn.execute('SELECT "소속 상위 조직" FROM people WHERE "organizationId" = ? AND "소속 상위 조직" IS NOT NULL '
                         'LIMIT 1', (anchor,)).fetchone()[0]
    memo = conn.execute('SELECT id FROM memo WHERE "dealId" IS NOT NULL AND "htmlBody" IS NOT NULL LIMIT 1').fetchone()[0]
    q = quote
    return [
        BenchUrl("orgs list page", "/orgs"),
        BenchUrl("orgs list all page 2 (htmx)", "/orgs?size=%EC%A0%84%EC%B2%B4&page=2", {**HX, "HX-Target": "org-list"}),
        BenchUrl("orgs search (htmx)", "/orgs?size=%EC%A0%84%EC%B2%B4&search=%EC%A0%84%EC%9E%90",
                 {**HX, "HX-Target": "org-list"}),
        BenchUrl("orgs exclusions", "/orgs/won-exclusions?size=%EC%A0%84%EC%B2%B4", HX),
        BenchUrl("org panel anchor (page)", f"/orgs/{anchor}"),
        BenchUrl("org panel anchor (htmx)", f"/orgs/{anchor}", {**HX, "HX-Target": "org-panel"}),
        BenchUrl("org panel small (htmx)", f"/orgs/{small}", {**HX, "HX-Target": "org-panel"}),
        BenchUrl("people section upper (htmx)", f"/orgs/{anchor}/people?upper={q(upper)}&auto=1", HX),
        BenchUrl("deals pane (htmx)", f"/people/{person}/deals?deal={deal}", HX),
        BenchUrl("memo modal", f"/memos/{memo}", HX),
        BenchUrl("webforms modal", f"/people/{person}/webforms", HX),
        BenchUrl("orgs csv", "/orgs?size=%EC%A0%84%EC%B2%B4&format=csv"),
        BenchUrl("api sizes", "/api/sizes"),
        BenchUrl("api orgs limit=200", "/api/orgs?limit=200"),
        BenchUrl("api org", f"/api/orgs/{anchor}"),
        BenchUrl("api org people", f"/api/orgs/{anchor}/people"),
        BenchUrl("api org memos", f"/api/orgs/{anchor}/memos"),
        BenchUrl("api person deals", f"/api/people/{person}/deals"),
        BenchUrl("api person memos", f"/api/people/{person}/memos"),
        BenchUrl("api deal memos", f"/api/deals/{deal}/memos"),
        BenchUrl("api won-summary anchor", f"/api/orgs/{anchor}/won-summary"),
        BenchUrl("api won-groups-json anchor", f"/api/orgs/{anchor}/won-groups-json"),
        BenchUrl("api won-groups-json small", f"/api/orgs/{small}/won-groups-json"),
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
