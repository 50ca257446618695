"""The org viewer's worked example (20 §8.4) as a tiny snapshot written through snapshot/store.py."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from snapshot.store import prepare, write_unit
from tests.webapp.test_form_memo import LONG

H = {"id": "u1", "name": "홍길동"}
L = {"id": "u2", "name": "이영희"}
ORGS = [
    {"id": "OA", "이름": "오메가전자", "기업 규모": "대기업", "팀": [{"id": "t1", "name": "교육 1팀"}], "담당자": H},
    {"id": "OB", "이름": "시그마식품", "기업 규모": "중견기업"},
    {"id": "OC", "이름": "카파대학교", "기업 규모": None},
    {"id": "OD", "이름": "람다상사", "기업 규모": "대기업"},
    {"id": "OE", "이름": "뮤테크", "기업 규모": "대기업"},
    {"id": "OF", "이름": "타우물산", "기업 규모": "대기업"},
]
WEBFORMS = [{"id": "wf1", "name": "교육 문의"}, {"webFormId": "wf2", "title": "세미나 신청"}, "뉴스레터 구독",
            {"id": 123, "name": "숫자 ID 폼"}]
PEOPLE = [
    {"id": "PA1", "organizationId": "OA", "이름": "고객 가", "소속 상위 조직": "HR본부", "팀(명함/메일서명)": "인재개발팀",
     "직급(명함/메일서명)": "팀장", "담당 교육 영역": "리더십", "이메일": "ga@example.com", "전화": "010-0000-0001",
     "제출된 웹폼 목록": WEBFORMS},
    {"id": "PA2", "organizationId": "OA", "이름": "고객 나", "소속 상위 조직": "  ", "팀(명함/메일서명)": ""},
    {"id": "PA3", "organizationId": "OA", "이름": "고객 다", "소속 상위 조직": "영업본부", "팀(명함/메일서명)": "영업기획팀"},
    {"id": "PB1", "organizationId": "OB", "이름": "고객 라", "소속 상위 조직": "인사팀"},
    {"id": "PC1", "organizationId": "OC", "이름": "고객 마"},
]


def d(id_, person, org, status, amount, contract, owner=None):
    return {"id": id_, "peopleId": person, "organizationId": org, "이름": f"{id_} 과정", "상태": status, "금액": amount,
            "계약 체결일": contract, "생성 날짜": "2025-01-01T00:00:00.000Z", "담당자": owner}


DEALS = [
    d("A-W1", "PA1", "OA", "Won", "50000000", "2025-04-01", H), d("A-W2", "PA1", "OA", "Won", "30000000", "2024-09-15", L),
    d("A-W3", "PA2", "OA", "Won", "20000000", "2023-02-02"), d("A-W4", "PA1", "OA", "Won", "abc", "2025-06-01", ["김철수"]),
    d("A-S1", "PA1", "OA", "SQL", None, None, H), d("A-W5", None, "OA", "Won", "10000000", "2025-07-07", H),
    d("A-W6", "PA1", "OA", "Won", "40,000,000원", "2024-12-31T15:00:00.000Z", {"id": "u5", "name": "김철수B"}),
    d("A-C1", "PA1", "OA", "Convert", "99000000", "2025-05-05", H), d("B-W1", "PB1", "OB", "Won", "70000000", "2025-03-03"),
    d("E-W1", None, "OE", "Won", "5000000", "2025-09-09"), d("F-C1", None, "OF", "Convert", "1000", "2025-01-01"),
    d("X-W1", None, "", "Won", "8000000", "2025-02-02"),
]
HISTORY = [("PA1", "wf1", "2025-02-28T16:30:00Z"), ("PA1", "wf1", "2025-03-01T10:00:00+09:00"),
           ("PA1", "wf2", "2025-05-10 14:00:00"), ("PA1", "wf2", "2025-04-02"), ("PA1", "", "2025-01-01"),
           ("PA1", "123", "2025-06-30T15:00:00.000Z")]
DISCLAIMER = "[배정 안내] 단, 1차 유선 통화시 미팅이 필요하다고 판단되면 바로 미팅 요청 부탁드립니다."


def m(id_, org, person, deal, created, text, owner="u1", html=None):
    return {"id": id_, "htmlBody": html, "text": text, "dealId": deal, "peopleId": person, "organizationId": org,
            "ownerId": owner, "createdAt": created, "updatedAt": created}


MEMOS = [
    m("m-org", "OA", None, None, "2025-01-10T00:00:00.000Z", "회사 메모"),
    m("m-org2", "OA", "", "", "2025-01-11T00:00:00.000Z", "회사 메모 2", owner="u9"),
    m("m-p1", "OA", "PA1", None, "2025-01-20T01:00:00Z", LONG),
    m("m-p1b", "OA", "PA1", None, "2025-01-21", DISCLAIMER),
    m("m-p1c", "OA", "PA1", "", "2025-01-22 10:00:00", "연락처 010-0000-0000 로 회신 요청", owner="u2"),
    m("m-d1", "OA", "PA1", "A-W1", "2025-04-02", "계약 완료", html="<p>계약 <b>완료</b></p>"),
    m("m-dx", None, None, "A-W1", "2025-04-03", "딜 메모"),
]


def write_db(path: Path) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    write_unit(conn, "organization", ORGS)
    write_unit(conn, "people", PEOPLE)
    write_unit(conn, "deal", DEALS)
    write_unit(conn, "memo", MEMOS)
    write_unit(conn, "webform_history", [{"id": f"s{i}", "peopleId": p, "webFormId": f, "createdAt": c}
                                         for i, (p, f, c) in enumerate(HISTORY)])
    prepare(conn)
    conn.close()
    return path
