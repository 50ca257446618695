"""Every edge case of 11 §8.8 with its fixed id and its expected effect, computed with the domain rules."""
from datetime import date

import pytest

from domain.business_days import business_day_before, window_start
from domain.dates import kst_date
from domain.money import parse_krw
from domain.deals import deal_org_id, normalise_status, probability_labels
from domain.owners import normalise_owner_name, owner_names
from domain.revenue import (BAD_AMOUNT, NO_CONTRACT_DATE, NO_ORGANIZATION, DealFacts, build_won_book,
                            exclusion_summary)
from domain.roster import parse_roster
from domain.text import load_jsonish, normalise_upper_org
from domain.tiers import tier_of
from snapshot.synth import EDGE_IDS, ROSTER_TOML
from snapshot.synth.edge_ids import EDGE_DEAL_KEYS, EDGE_MEMO_KEYS
from snapshot.synth.edge_orgs import EDGE_ORGS, TIER_ORGS
from tests.conftest import TODAY

ID = EDGE_IDS


@pytest.fixture(scope="module")
def rows(synth_conn):
    deals = {r["id"]: dict(r) for r in synth_conn.execute("SELECT * FROM deal")}
    people = {r["id"]: dict(r) for r in synth_conn.execute("SELECT * FROM people")}
    orgs = {r["id"]: dict(r) for r in synth_conn.execute("SELECT * FROM organization")}
    return deals, people, orgs


@pytest.fixture(scope="module")
def book(rows):
    deals, people, orgs = rows
    facts = []
    for d in deals.values():
        person = people.get(d["peopleId"])
        org_id = deal_org_id(d["organizationId"], person["organizationId"] if person else None)
        facts.append(DealFacts(d["id"], d["이름"], d["상태"], d["금액"], d["계약 체결일"], org_id,
                               orgs[org_id]["이름"] if org_id in orgs else org_id))
    return build_won_book(facts)


def test_every_edge_id_is_present(rows, synth_conn, synth_dataset):
    deals, people, orgs = rows
    memos = {r[0] for r in synth_conn.execute("SELECT id FROM memo")}
    forms = {f["id"] for f in synth_dataset.web_forms}
    assert len(EDGE_DEAL_KEYS) == 63 and all(ID[k] in deals for k in EDGE_DEAL_KEYS)
    assert all(ID[k] in orgs for k in list(EDGE_ORGS) + list(TIER_ORGS))
    assert all(ID[k] in memos for k in EDGE_MEMO_KEYS)
    assert all(ID[k] in forms for k in ("WF_A", "WF_B", "WF_C"))
    person_keys = [k for k in ID if k.startswith("P_") and k != "P_GHOST"]
    assert len(person_keys) == 31 and all(ID[k] in people for k in person_keys)
    assert ID["P_GHOST"] not in people
    assert len(set(ID.values())) == len(ID)


def test_eo_dates_year_rules(book, rows):
    deals, _, _ = rows
    org = ID["EO_DATES"]
    assert book.won(org, 2025) == 45_501_000 and tier_of(45_501_000) == "P3"
    assert book.won(org, 2024) == 8_000_000 and book.won(org, 2026) == 6_000_000
    assert kst_date(deals[ID["E01"]]["계약 체결일"]) == date(2025, 1, 1)
    assert deals[ID["E01"]]["계약 체결일"] == "2024-12-31T15:00:00.000Z" and deals[ID["E01"]]["금액"] == "30000000.0"
    assert deals[ID["E02"]]["금액"] == "8000000"
    excluded = book.exclusions_for([org])
    assert exclusion_summary(len(excluded)) == "Won 집계 제외 4건"
    assert sorted((e.dealId, e.reason) for e in excluded) == sorted([
        (ID["E03"], NO_CONTRACT_DATE), (ID["E65"], NO_CONTRACT_DATE), (ID["E06"], BAD_AMOUNT),
        (ID["E07"], BAD_AMOUNT)])
    assert deals[ID["E12"]]["상태"] == "Convert" and all(e.dealId != ID["E12"] for e in excluded)
    assert deals[ID["E14"]]["상태"] == " Won " and normalise_status(" Won ") == "Won"
    assert normalise_status(deals[ID["E13"]]["상태"]) == "Lost"
    assert deals[ID["E60"]]["(온라인)최초 입과 여부"] == "0" and deals[ID["E61"]]["(온라인)최초 입과 여부"] is None
    assert probability_labels(deals[ID["E62"]]["성사 가능성"]) == ("높음",)
    assert deals[ID["E62"]]["성사 가능성"] == "높음"
    assert probability_labels(deals[ID["E63"]]["성사 가능성"]) == ("확정", "높음")
    assert deals[ID["E64"]]["수주 예정일"] == "미정" and kst_date("미정") is None


def _counterparty_totals(rows, org_key, year):
    deals, people, _ = rows
    totals = {}
    for d in deals.values():
        person = people.get(d["peopleId"])
        org = deal_org_id(d["organizationId"], person["organizationId"] if person else None)
        if org != ID[org_key] or normalise_status(d["상태"]) != "Won":
            continue
        when = kst_date(d["계약 체결일"])
        amount = parse_krw(d["금액"])
        if when is None or amount is None or when.year != year:
            continue
        key = normalise_upper_org(person["소속 상위 조직"]) if person else "미분류(카운터파티 없음)"
        totals[key] = totals.get(key, 0) + amount
    return totals


def test_counterparties(rows):
    assert _counterparty_totals(rows, "EO_DATES", 2025) == {"인재개발원": 32_501_000, "DX추진실": 13_000_000}
    assert _counterparty_totals(rows, "EO_LINKS", 2025) == {
        "미분류(카운터파티 없음)": 14_000_000, "미입력": 14_000_000, "HR지원그룹": 5_000_000, "경영지원실": 3_000_000}


def test_eo_links_and_owner_shapes(book, rows):
    deals, people, _ = rows
    assert book.won(ID["EO_LINKS"], 2025) == 36_000_000 and book.won(ID["EO_LINKS"], 2024) == 9_000_000
    assert book.exclusions_for([ID["EO_LINKS"]]) == []
    assert deals[ID["E22"]]["organizationId"] is None
    assert deals[ID["E29"]]["peopleId"] == ID["P_GHOST"]
    assert owner_names(deals[ID["E26"]]["담당자"]) == ["송다온"] and deals[ID["E26"]]["담당자"].startswith("[")
    assert owner_names(deals[ID["E27"]]["담당자"]) == ["엄소이"] and deals[ID["E27"]]["담당자"] == "엄소이"
    assert deals[ID["E28"]]["담당자"] is None and owner_names(deals[ID["E31"]]["담당자"]) == []
    assert normalise_owner_name(owner_names(deals[ID["E24"]]["담당자"])[0]) == "윤도하"
    assert owner_names(deals[ID["E25"]]["담당자"]) == ["DemoUserA"]
    assert "<img src=x onerror=alert(1)>" in deals[ID["E30"]]["이름"]
    assert people[ID["P_L2"]]["소속 상위 조직"] == "-"


def test_e32_is_the_only_deal_of_no_organisation(book, rows):
    deals, people, _ = rows
    assert [e.dealId for e in book.no_organization] == [ID["E32"]]
    assert book.no_organization[0].reason == NO_ORGANIZATION
    assert people[ID["P_X1"]]["organizationId"] is None
    no_org = [d for d in deals.values()
              if deal_org_id(d["organizationId"], (people.get(d["peopleId"]) or {}).get("organizationId")) is None]
    assert [d["id"] for d in no_org] == [ID["E32"]]


def test_tier_ladder(book):
    expected = {"T_S0": ("S0", "P0"), "T_P0": ("P0", "P0"), "T_P1": ("P1", "Ø"), "T_P2": ("P2", "P2"),
                "T_P3": ("P3", "P3"), "T_P4": ("P4", "Ø"), "T_P5": ("P5", "P4"), "T_NONE": ("Ø", "P1")}
    for key, (tier25, tier24) in expected.items():
        assert tier_of(book.won(ID[key], 2025)) == tier25, key
        assert tier_of(book.won(ID[key], 2024)) == tier24, key
    assert book.won(ID["EO_PUBLIC"], 2025) == 15_000_000 and book.won(ID["EO_FORMS"], 2025) == 4_500_000
    tiers_2025 = {tier_of(v) for (org, year), v in book.totals.items() if year == 2025}
    assert {"S0", "P0", "P1", "P2", "P3", "P4", "P5"} <= tiers_2025


def test_window_deals_relative_to_today(rows, book):
    deals, _, _ = rows
    ws = window_start(TODAY)
    assert ws == date(2026, 1, 5) and business_day_before(ws) == date(2026, 1, 2)
    for key in ("W1", "W2", "W3", "W4", "W5"):
        assert deals[ID[key]]["계약 체결일"] == "2026-01-18T15:00:00.000Z"
    assert deals[ID["W6"]]["LOST 확정일"] == "2026-01-04T15:00:00.000Z"
    assert deals[ID["W7"]]["LOST 확정일"] == "2026-01-01T15:00:00.000Z"
    assert kst_date(deals[ID["W8"]]["수주 예정일"]) == date(2026, 2, 2)
    assert book.won(ID["T_P1"], 2026) == 15_000_000 and book.won(ID["EO_PUBLIC"], 2026) == 9_000_000
    roster = parse_roster(ROSTER_TOML)
    units = set()
    for d in deals.values():
        when = kst_date(d["계약 체결일"]) or kst_date(d["LOST 확정일"])
        if normalise_status(d["상태"]) in ("Won", "Lost") and when and ws <= when <= TODAY:
            for name in owner_names(d["담당자"]):
                unit = roster.unit_of(name)
                if unit:
                    units.add((unit.team.key, unit.part.name))
    assert len(units) == 6  # every roster unit has a Won or Lost deal in the window


def test_web_forms_and_history(synth_conn, synth_dataset):
    rows = synth_conn.execute("SELECT peopleId, webFormId, createdAt, organizationId FROM webform_history").fetchall()
    f1 = [(r[1], kst_date(r[2])) for r in rows if r[0] == ID["P_F1"]]
    assert sorted(f1) == [(ID["WF_A"], date(2025, 3, 1)), (ID["WF_A"], date(2025, 5, 10))]
    x1 = [r for r in rows if r[0] == ID["P_X1"]]
    assert len(x1) == 1 and x1[0][1] == ID["WF_B"] and x1[0][3] is None and kst_date(x1[0][2]) == date(2025, 2, 3)
    assert not [r for r in rows if r[0] in (ID["P_F2"], ID["P_L3"])]
    listed = {r[0]: load_jsonish(r[1]) for r in synth_conn.execute('SELECT id, "제출된 웹폼 목록" FROM people')}
    assert [f["id"] for f in listed[ID["P_F1"]]] == [ID["WF_B"], ID["WF_A"]]
    assert [f["id"] for f in listed[ID["P_L3"]]] == [ID["WF_C"], ID["WF_GONE"]]
    catalogue = {f["id"] for f in synth_dataset.web_forms}
    assert ID["WF_GONE"] not in catalogue and synth_dataset.submissions[ID["WF_C"]] == []


def test_memos(synth_conn):
    memos = {r["id"]: dict(r) for r in synth_conn.execute("SELECT * FROM memo")}
    m01, m05, m06, m07 = (memos[ID[k]] for k in ("M01", "M05", "M06", "M07"))
    assert m01["dealId"] == ID["E40"] and m01["peopleId"] == ID["P_F1"] and m01["organizationId"] == ID["EO_FORMS"]
    assert "<script>" in m01["htmlBody"] and 'href="https://docs.example.com/curriculum"' in m01["htmlBody"]
    assert m05["text"] == "" and m05["htmlBody"] == "<p>견적서 <strong>v2</strong> 전달 완료</p>"
    assert m06["text"] == "1차 통화 완료<br>예산 확인 필요\r\n다음 주 재연락\r견적 요청 예정" and m06["htmlBody"] is None
    assert m06["dealId"] is None and m06["peopleId"] == ID["P_F1"]
    assert m07["peopleId"] is None and m07["dealId"] is None and m07["organizationId"] == ID["EO_FORMS"]
    m02 = memos[ID["M02"]]
    assert m02["createdAt"] == "2025-02-28T16:30:00.000Z" and "010-0987-6543" in m02["text"]
    assert m02["text"].splitlines()[9].startswith("- 교육 관련 궁금하신 점 : ")
    assert "단, 1차 유선 통화시 미팅이 필요하다고 판단되면 바로 미팅 요청" in memos[ID["M04"]]["text"]
    assert memos[ID["M04"]]["createdAt"] == "2025-02-28T16:31:00.000Z"
    author = synth_conn.execute('SELECT id FROM "user" WHERE name = ?', ("나은별",)).fetchone()[0]
    assert {memos[ID[k]]["ownerId"] for k in ("M02", "M03", "M04")} == {author}
