"""The worked examples of 20 §8.0–8.3 as tiny snapshots, written through snapshot/store.py."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from snapshot.store import prepare, write_unit

ROSTER = """\
[[teams]]
key = "edu1"
name = "기업교육 1팀"
[teams.parts]
"1파트" = ["홍길동", "김철수"]
"2파트" = ["이영희"]

[[teams]]
key = "edu2"
name = "기업교육 2팀"
[teams.parts]
"1파트" = ["박민수"]
"2파트" = ["최수진"]
"온라인셀" = ["정다운"]

[[teams]]
key = "public"
name = "공공교육팀"
[teams.parts]
"전체" = ["한누리"]
"""
A1 = [{"id": "u1", "name": "홍길동"}]
DEAL_KEYS = ("id", "peopleId", "organizationId", "이름", "상태", "금액", "예상 체결액", "계약 체결일", "생성 날짜",
             "수주 예정일", "LOST 확정일", "과정포맷", "성사 가능성", "담당자", "기획시트 링크")
ORGS = [("O1", "알파상사"), ("O2", "베타물산"), ("O3", "감마테크"), ("O4", "델타랩"), ("O5", "엡실론")]
PEOPLE = [("P1", "O1", "HR본부", "교육팀", "고객1"), ("P2", "O2", "경영지원", "인재팀", "고객2"),
          ("P3", "O3", None, None, "고객3"), ("P4", "O4", "DX센터", "기획팀", "고객4"),
          ("P5", "O5", "인사실", "육성팀", "고객5")]


def deal(id_, person, org, status, owner=None, fmt="출강", created=None, amount=None, expected=None, contract=None,
         close=None, lost=None, prob=None, link=None, name=None):
    values = (id_, person, org, name or f"{id_} 과정", status, amount, expected, contract, created, close, lost, fmt,
              prob, owner, link)
    return dict(zip(DEAL_KEYS, values))


WON_WITHOUT_OWNER = [
    deal("W1", None, "O1", "Won", amount="100000000", contract="2025-03-10"),
    deal("W2", None, "O1", "Won", amount="20000000", contract="2025-11-20"),
    deal("W3", None, "O2", "Won", amount="30000000", contract="2025-05-05"),
    deal("W4", None, "O3", "Won", amount="0", contract="2025-06-01"),
    deal("W5", None, "O4", "Won", amount="90000000", contract="2024-08-01"),
    deal("W6", None, "O5", "Won", amount="15,000,000원", contract="2024-12-31T15:00:00.000Z"),
    deal("W7", None, "O2", "Won", amount="미정", contract="2025-08-01"),
    deal("W8", None, "O1", "Won", amount="10000000", contract=None),
]
CANDIDATES = [
    deal("D1", "P1", "O1", "SQL", A1, created="2026-01-04T16:00:00.000Z", close="2026-03-15", prob="높음",
         expected="30000000", link="https://docs.example.com/sheet/1", name="알파 리더십 과정"),
    deal("D2", "P1", "O1", "Won", {"name": "이영희B"}, "구독제(온라인)", "2025-12-01", amount="25000000",
         expected="25000000", contract="2026-01-26", prob="확정", link="기획시트 준비중", name="알파 구독 과정"),
    deal("D3", "P1", "O1", "Won", A1, created="2025-12-15", amount="18000000", contract="2026-01-16",
         close="2026-01-30", prob="확정"),
    deal("D4", "P2", "O2", "Lost", A1, "포팅", "2025-11-11", lost="2026-01-20", prob=["낮음"], expected="5000000"),
    deal("D5", "P2", "O2", "Lost", A1, created="2025-11-12", lost="", prob="낮음"),
    deal("D6", "P3", "O3", "SQL", ["김철수"], created="2026-01-10", prob="낮음", expected="8000000", link="  "),
    deal("D7", "P4", "O4", "Won", A1, "선택구매(온라인)", "2026-01-08", close="2026-02-02", prob="확정"),
    deal("D8", "P4", "O4", "SQL", "외부인", created="2026-01-09", prob="높음"),
    deal("D9", "P4", "O4", "SQL", {"name": "박민수"}, created="2026-01-09", prob="높음"),
    deal("D10", "P4", "O4", "Convert", A1, created="2026-01-11"),
    deal("D11", "P4", "O4", "SQL", None, created="2026-01-11"),
    deal("D12", "P4", "O4", "SQL", A1, "복합(출강+온라인)", "2026-01-20", close="2026-02-28T15:00:00.000Z",
         prob=["확정", "높음"], expected="40000000", link="http://sheet.example.com/d12"),
    deal("D13", "P5", "O5", "SQL", {"name": "김철수B"}, "구독제 (온라인)", "2026-01-12", prob=["높음"],
         expected="12000000"),
    deal("D14", "P4", "O4", "SQL", {"name": "홍길동b"}, created="2026-01-13", prob="높음"),
]
MEMOS = [
    {"id": "M12a", "htmlBody": None, "text": "1차 미팅<br>예산 확인\r\n다음 주 회신", "dealId": "D12",
     "peopleId": "P4", "organizationId": "O4", "ownerId": "u1", "createdAt": "2026-01-21T02:00:00.000Z"},
    {"id": "M12b", "htmlBody": "<p>견적 <b>송부</b></p><script>x</script>", "text": "견적 송부", "dealId": "D12",
     "peopleId": "P4", "organizationId": "O4", "ownerId": "u1", "createdAt": "2026-01-25T23:30:00.000Z"},
    {"id": "M13", "htmlBody": None, "text": "메모", "dealId": "D13", "peopleId": "P5", "organizationId": "O5",
     "ownerId": "u1", "createdAt": "2026-01-15T02:00:00.000Z"},
]
HOLIDAY_DEALS = [
    deal("HW1", None, "O1", "Won", amount="100000000", contract="2025-03-10"),
    deal("HW2", None, "O1", "Won", amount="20000000", contract="2025-06-10"),
    deal("H1", "P2", "O2", "Lost", A1, created="2026-01-05", lost="2026-02-05"),
    deal("H2", "P1", "O1", "Won", A1, created="2026-01-06", amount="5000000", contract="2026-02-03"),
    deal("H3", "P4", "O4", "Won", A1, "포팅", "2026-01-07", amount="5000000", contract="2026-02-15T15:00:00.000Z"),
    deal("H4", "P4", "O4", "Won", A1, created="2026-01-08", contract="", close="2026-02-04"),
    deal("H5", "P1", "O1", "Lost", A1, created="2026-01-09", lost="2026-02-09T10:00:00+09:00"),
]


def write_db(path: Path, deals: list[dict], memos: list[dict] = ()) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    write_unit(conn, "organization", [{"id": i, "이름": n} for i, n in ORGS])
    write_unit(conn, "people", [{"id": i, "organizationId": o, "소속 상위 조직": u, "팀(명함/메일서명)": t, "이름": n}
                                for i, o, u, t, n in PEOPLE])
    write_unit(conn, "deal", deals)
    write_unit(conn, "memo", list(memos) or [{"id": "none", "dealId": None, "text": "x", "createdAt": None}])
    write_unit(conn, "user", [{"id": "u1", "name": "홍길동"}])
    prepare(conn)
    conn.close()
    return path


def write_roster(path: Path) -> Path:
    path.write_text(ROSTER, encoding="utf-8")
    return path
