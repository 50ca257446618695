"""The worked-example fixture of 23_kpi_report.md §14: roster, existing-orgs file and snapshot."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

ROSTER = """[[teams]]
key = "edu1"
name = "기업교육 1팀"
[teams.parts]
"1파트" = ["직원가", "직원나"]
"2파트" = ["직원다"]

[[teams]]
key = "edu2"
name = "기업교육 2팀"
[teams.parts]
"1파트" = ["직원라"]
"2파트" = ["직원마"]
"온라인셀" = ["직원바"]

[[teams]]
key = "public"
name = "공공교육팀"
[teams.parts]
"전체" = ["직원사"]
"""
EXISTING = "(주)알파\n베타 주식회사\n\n"
ORGS = [("org-a", "㈜알파"), ("org-b", "베타"), ("org-c", "감마"), ("org-d", "델타 (주)"), ("org-e", "엡실론"),
        ("org-f", "알파 주식회사")]
PEOPLE = [("p-c", "org-c"), ("p-x", None)]
A = json.dumps({"id": "u-a", "name": "직원가"}, ensure_ascii=False)
A1 = json.dumps({"id": "u-a", "name": "직원가B"}, ensure_ascii=False)
A2 = json.dumps(["직원가"], ensure_ascii=False)
B = json.dumps([{"id": "u-b", "name": "직원나"}], ensure_ascii=False)
X = json.dumps({"id": "u-x", "name": "외부인"}, ensure_ascii=False)
S = json.dumps({"id": "u-s", "name": "직원사"}, ensure_ascii=False)
COLUMNS = ["id", "이름", "담당자", "organizationId", "peopleId", "상태", "생성 날짜", "계약 체결일", "금액", "과정포맷",
           "Net(%)", "(온라인)최초 입과 여부", "수주 예정일", "성사 가능성"]
DEALS = [
    ("d1", A, "org-a", "p-c", "Won", "2024-02-10T01:00:00.000Z", "2024-03-04T15:00:00.000Z", "100,000,000", "출강", "30", None, None),
    ("d2", A2, "org-c", None, "Lost", "2024-05-01T02:00:00.000Z", None, "50000000", "출강", None, None, None),
    ("d3", A, "org-c", None, "Won", "2024-07-01T03:00:00.000Z", "2025-01-14T15:00:00.000Z", "20000000", "구독제(온라인)", None, "TRUE", None),
    ("d4", A, "org-a", None, "Won", "2025-01-20T04:00:00.000Z", "2025-01-31T15:00:00.000Z", "150000000.0", "출강", "0.25", None, None),
    ("d5", A, "org-b", None, "Won", "2025-03-01T05:00:00.000Z", None, "10000000", "출강", "150", None, None),
    ("d6", A1, "org-b", None, "Lost", "2025-04-01T06:00:00.000Z", None, "3000000", "구독제 (온라인)", None, "FALSE", None),
    ("d7", A, "org-d", None, "Won", "2025-05-01T07:00:00.000Z", "2025-05-31T15:00:00.000Z", "5,000,000원", "포팅", None, None, None),
    ("d8", A, "org-c", None, "Convert", "2025-06-01T01:00:00.000Z", None, "7000000", "출강", None, None, None),
    ("d9", A, "org-f", None, "SQL", "2024-12-31T15:30:00.000Z", None, "30000000", "출강", None, "FALSE", "2025-11-30T15:00:00.000Z"),
    ("d10", X, "org-c", None, "Won", "2025-02-02T01:00:00.000Z", None, "9000000", "출강", "10", None, None),
    ("d11", A, "org-b", None, "Won", "2023-11-01T01:00:00.000Z", "2023-12-31T15:00:00.000Z", "80000000", "출강", "20", None, None),
    ("d12", A, "org-c", None, "Lost", "2022-01-01T01:00:00.000Z", None, "1000000", "출강", None, None, None),
    ("d13", A, None, "p-c", "Won", "2025-08-01T01:00:00.000Z", "2025-08-31T15:00:00.000Z", "40000000", "출강", "", None, None),
    ("d14", A, None, "p-x", "Won", "2025-09-10T01:00:00.000Z", "2025-09-19T15:00:00.000Z", "8000000", "출강", "35", None, None),
    ("d15", A, "org-b", None, "Won", "2025-10-01T01:00:00.000Z", "2025-10-14T15:00:00.000Z", "미정", "출강", "40", None, None),
    ("e1", B, "org-a", None, "Won ", "2025-02-01T01:00:00.000Z", "2025-02-19T15:00:00.000Z", "50000000", "출강", "50%", None, None),
    ("e2", B, "org-e", None, "Won", "2024-09-01T01:00:00.000Z", "2024-09-30T15:00:00.000Z", "10000000", "선택구매(온라인)", None, None, None),
    ("g1", S, "org-e", None, "Won", "2025-03-01T01:00:00.000Z", "2025-03-30T15:00:00.000Z", "20000000", "출강", "40", None, None),
]
PROBABILITY = {"d4": json.dumps(["확정"], ensure_ascii=False), "d9": json.dumps(["높음"], ensure_ascii=False)}


def write_example(folder: Path, *, run_info: bool = True) -> dict[str, Path]:
    """The §14 files in `folder`: salesmap_latest.db, roster.toml, existing_orgs.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "salesmap_latest.db"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE deal (" + ", ".join(f'"{c}" TEXT' for c in COLUMNS) + ")")
    for d in DEALS:
        conn.execute("INSERT INTO deal VALUES (" + ", ".join("?" * len(COLUMNS)) + ")",
                     (d[0], f"과정-{d[0]}", *d[1:], PROBABILITY.get(d[0])))
    conn.execute('CREATE TABLE organization ("id" TEXT, "이름" TEXT)')
    conn.executemany("INSERT INTO organization VALUES (?, ?)", ORGS)
    conn.execute('CREATE TABLE people ("id" TEXT, "organizationId" TEXT)')
    conn.executemany("INSERT INTO people VALUES (?, ?)", PEOPLE)
    if run_info:
        conn.execute("CREATE TABLE run_info (run_tag TEXT, captured_at_utc TEXT)")
        conn.execute("INSERT INTO run_info VALUES ('20260118_180412', '2026-01-18T18:04:12.345678Z')")
    conn.commit()
    conn.close()
    roster = folder / "roster.toml"
    roster.write_text(ROSTER, encoding="utf-8")
    existing = folder / "existing_orgs.txt"
    existing.write_text(EXISTING, encoding="utf-8")
    return {"db": db, "roster": roster, "existing": existing}
