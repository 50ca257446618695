"""Step 8 (part 2): the 63 edge deals, their submissions and memos (11_data_model.md §8.8).

Stored values are written as the table gives them (the API record holds the float 30000000.0, the integer
8000000 or the string "1,000"); window deals are relative to T.
"""
from __future__ import annotations

from datetime import date, timedelta

from domain.business_days import business_day_before, window_start
from snapshot.synth.clock import iso_ms, kst_at
from snapshot.synth.edge_orgs import edge_id
from snapshot.synth.model import Ctx, Deal, Org, Person

D = date.fromisoformat
SHORT = {"EO_DATES": "라온하늘", "EO_LINKS": "누리바다", "EO_FORMS": "해랑솔", "EO_PUBLIC": "미래역량",
         "EO_DUP_1": "가람솔", "T_S0": "온새누리", "T_P0": "미르가온", "T_P1": "하람빛", "T_P2": "채움결",
         "T_P3": "바른길", "T_P4": "새봄들", "T_P5": "다솜길", "T_NONE": "가람빛"}
DEFAULT_PROBABILITY = {"Won": ["확정"], "Lost": ["LOST"], "SQL": ["높음"], "Convert": None}
UNSET = object()


class EdgeDeals:
    def __init__(self, ctx: Ctx, orgs: dict[str, Org], people: dict[str, Person]):
        self.ctx, self.orgs, self.people = ctx, orgs, people
        self.deals: dict[str, Deal] = {}
        self.ws = window_start(ctx.today, "KR")
        self.ws_minus = business_day_before(self.ws, "KR")

    def add(self, key: str, org_key: str | None, person_key: str | None, status: str, fmt: str | None, owner: str,
            *, contract: date | None = None, amount=UNSET, stored_contract=UNSET, created: date | None = None,
            lost: date | None = None, expected_close: date | None = None, stored_status: str | None = None,
            owner_raw=UNSET, probability=UNSET, window: bool = False, **raw) -> Deal:
        org = self.orgs[org_key] if org_key else None
        person = self.people.get(person_key) if person_key else None
        if created is None:
            created = self._creation_day(status, contract, lost, window)
        deal = Deal(key=key, org=org, person=person, created=kst_at(created, 10), status=status, id=edge_id(key),
                    fmt=fmt, contract=contract, lost=lost, expected_close=expected_close, edge=True,
                    owner=self.ctx.by_name.get(owner) if owner else None)
        deal.probability = DEFAULT_PROBABILITY.get(status) if probability is UNSET else probability
        deal.crm_teams = [deal.owner.crm_team] if deal.owner and deal.owner.crm_team else []
        deal.raw.update(raw)
        deal.raw["이름"] = raw.get("이름") or f"{SHORT.get(org_key, '무소속')}_엣지 과정 {key}"
        if amount is not UNSET:
            deal.raw["금액"] = amount
        if stored_contract is not UNSET:
            deal.raw["계약 체결일"] = stored_contract
        if stored_status is not None:
            deal.raw["상태"] = stored_status
        if owner_raw is not UNSET:
            deal.raw["담당자"] = owner_raw
        day = contract or lost or created + timedelta(days=30)
        if status in ("Won", "Lost"):
            deal.closed_at = min(max(kst_at(day, 10), deal.created), self.ctx.as_of)
        deal.raw["최근 연락일"] = iso_ms(deal.created + timedelta(days=1))
        if org is not None:
            org.deals.append(deal)
        if person is not None:
            person.deals.append(deal)
        self.deals[key] = deal
        return deal

    def _creation_day(self, status: str, contract: date | None, lost: date | None, window: bool) -> date:
        if window:
            return min(self.ctx.today - timedelta(days=20), self.ws_minus - timedelta(days=1))
        if status in ("Won", "Lost", "Convert") and (contract or lost):
            return (contract or lost) - timedelta(days=14)
        return self.ctx.today - timedelta(days=20)


def build_edge_deals(ctx: Ctx, orgs: dict[str, Org], people: dict[str, Person]) -> dict[str, Deal]:
    e = EdgeDeals(ctx, orgs, people)
    T = ctx.today
    # EO_DATES (all by 김서하)
    e.add("E01", "EO_DATES", "P_D1", "Won", "출강", "김서하", contract=D("2025-01-01"), amount=30000000.0)
    e.add("E02", "EO_DATES", "P_D1", "Won", "출강", "김서하", contract=D("2024-01-01"), amount=8000000)
    e.add("E03", "EO_DATES", "P_D1", "Won", "출강", "김서하", created=D("2025-05-07"), amount=5000000.0,
          stored_contract=None)
    e.add("E65", "EO_DATES", "P_D1", "Won", "출강", "김서하", created=D("2025-06-10"), amount=3000000.0,
          stored_contract="추후 확정")
    e.add("E04", "EO_DATES", "P_D1", "Won", "구독제 (온라인)", "김서하", contract=D("2025-03-15"), amount="1,000")
    e.add("E05", "EO_DATES", "P_D1", "Won", "선택구매 (온라인)", "김서하", contract=D("2025-04-10"), amount="2,500,000원")
    e.add("E06", "EO_DATES", "P_D1", "Won", "출강", "김서하", contract=D("2025-05-20"), amount="1.5억")
    e.add("E07", "EO_DATES", "P_D1", "Won", "출강", "김서하", contract=D("2025-06-02"), amount=None,
          **{"예상 체결액": 4000000.0})
    e.add("E08", "EO_DATES", "P_D2", "Won", "구독제(온라인)", "김서하", contract=D("2025-07-01"), amount=7000000.0,
          stored_contract="2025-06-30T16:10:00.000Z")
    e.add("E09", "EO_DATES", "P_D2", "Won", "포팅", "김서하", contract=D("2025-08-05"), amount=3000000,
          stored_contract="2025.08.05")
    e.add("E10", "EO_DATES", "P_D2", "Won", "복합(출강+온라인)", "김서하", contract=D("2025-09-10"), amount=2000000.0,
          stored_contract="2025-09-10 10:00:00")
    e.add("E11", "EO_DATES", "P_D2", "Won", "출강", "김서하", contract=D("2025-10-01"), amount=0.0)
    e.add("E14", "EO_DATES", "P_D2", "Won", "출강", "김서하", contract=D("2025-11-03"), amount=1000000,
          stored_status=" Won ")
    e.add("E15", "EO_DATES", "P_D2", "Won", "출강", "김서하", contract=D("2026-01-01"), amount=6000000.0,
          stored_contract="2025-12-31T15:30:00.000Z")
    e.add("E12", "EO_DATES", "P_D1", "Convert", "출강", "김서하", contract=D("2025-02-03"), amount=50000000.0)
    e.add("E13", "EO_DATES", "P_D1", "Lost", "출강", "김서하", lost=D("2025-08-20"), amount=None, stored_status="LOST",
          **{"이탈 사유": ["가격 이슈"]})
    e.add("E60", "EO_DATES", "P_D2", "SQL", "구독제(온라인)", "김서하", created=D("2025-04-03"),
          **{"(온라인)최초 입과 여부": False})
    e.add("E61", "EO_DATES", "P_D2", "SQL", "구독제(온라인)", "김서하", created=D("2025-04-07"),
          **{"(온라인)최초 입과 여부": None})
    e.add("E62", "EO_DATES", "P_D2", "SQL", "출강", "김서하", created=D("2025-09-01"), probability="높음")
    e.add("E63", "EO_DATES", "P_D2", "SQL", "출강", "김서하", created=D("2025-09-01"), probability=["높음", "확정"])
    e.add("E64", "EO_DATES", "P_D2", "SQL", "출강", "김서하", created=D("2025-10-01"), **{"수주 예정일": "미정"})
    # EO_LINKS
    e.add("E20", "EO_LINKS", None, "Won", "출강", "임도겸", contract=D("2025-05-12"), amount=12000000.0)
    e.add("E21", "EO_LINKS", "P_L1", "Won", "구독제(온라인)", "구하민", contract=D("2025-06-16"), amount=8000000.0)
    e22 = e.add("E22", "EO_LINKS", "P_L3", "Won", "출강", "박지안", contract=D("2025-07-07"), amount=5000000)
    e22.org_link_null = True
    e.add("E23", "EO_LINKS", "P_M1", "Won", "출강", "양서진", contract=D("2025-08-18"), amount=3000000.0)
    e.add("E24", "EO_LINKS", "P_L2", "Won", "출강", "윤도하B", contract=D("2025-09-22"), amount=6000000.0)
    e29 = e.add("E29", "EO_LINKS", None, "Won", "출강", "이하람", contract=D("2025-10-13"), amount=2000000.0)
    e29.raw["peopleId"] = edge_id("P_GHOST")  # the dataset's only dangling record link
    song = ctx.by_name["송다온"]
    e.add("E26", "EO_LINKS", "P_L3", "Won", "출강", "송다온", contract=D("2024-03-04"), amount=9000000.0,
          owner_raw=[song.ref])
    e.add("E25", "EO_LINKS", "P_L3", "SQL", "출강", "DemoUserA", expected_close=T + timedelta(days=30))
    e.add("E27", "EO_LINKS", "P_L3", "Lost", "출강", "엄소이", owner_raw="엄소이")
    e.add("E28", "EO_LINKS", "P_L1", "SQL", "출강", "", owner_raw=None)
    e.add("E31", "EO_LINKS", "P_L1", "SQL", "출강", "", owner_raw={})
    e.add("E30", "EO_LINKS", "P_L3", "SQL", "출강", "정유진",
          이름='누리바다_<b>리더십</b> & "특강" 과정 <img src=x onerror=alert(1)>')
    # the deal of no organisation
    e.add("E32", None, "P_X1", "Won", "출강", "최민결", contract=D("2025-07-21"), amount=4000000.0)
    # EO_FORMS, EO_PUBLIC
    e.add("E40", "EO_FORMS", "P_F1", "Won", "선택구매(온라인)", "노하진", contract=D("2025-04-21"), amount=4500000.0)
    e.add("G1", "EO_PUBLIC", "P_G1", "Won", "출강", "채다인", contract=D("2025-03-03"), amount=9000000.0)
    e.add("G2", "EO_PUBLIC", "P_G1", "Won", "비대면 실시간", "채다인", contract=D("2025-11-17"), amount=6000000.0)
    e.add("E_DUP", "EO_DUP_1", "P_DUP1", "Lost", "출강", "강도윤", lost=D("2025-03-20"), amount=None)
    _tier_ladder(e)
    _window(e, T)
    return e.deals


def _tier_ladder(e: EdgeDeals) -> None:
    rows = [  # key, org, lane, status, KST date, amount, format
        ("T_S0_25H", "T_S0", "H", D("2025-03-17"), 600000000.0, "출강"),
        ("T_S0_25B", "T_S0", "B", D("2025-09-01"), 400000000.0, "구독제(온라인)"),
        ("T_S0_24H", "T_S0", "H", D("2024-05-13"), 800000000.0, "출강"),
        ("T_P0_25H", "T_P0", "H", D("2025-04-14"), 200000000.0, "출강"),
        ("T_P0_24H", "T_P0", "H", D("2024-06-10"), 350000000.0, "출강"),
        ("T_P1_25H", "T_P1", "H", D("2025-02-10"), 60000000.0, "출강"),
        ("T_P1_25B", "T_P1", "B", D("2025-07-01"), 40000000.0, "선택구매(온라인)"),
        ("T_P2_25H", "T_P2", "H", D("2025-05-19"), 99999999, "출강"),
        ("T_P2_24H", "T_P2", "H", D("2024-09-02"), 50000000.0, "출강"),
        ("T_P3_25B", "T_P3", "B", D("2025-06-09"), 25000000.0, "출강"),
        ("T_P3_24B", "T_P3", "B", D("2024-10-14"), 30000000.0, "출강"),
        ("T_P4_25H", "T_P4", "H", D("2025-08-11"), 10000000.0, "출강"),
        ("T_P5_25H", "T_P5", "H", D("2025-10-20"), 9999999, "출강"),
        ("T_P5_24H", "T_P5", "H", D("2024-11-11"), 20000000.0, "출강"),
        ("T_NONE_24H", "T_NONE", "H", D("2024-04-08"), 120000000.0, "출강"),
    ]
    for key, org, lane, day, amount, fmt in rows:
        e.add(key, org, f"P_{org}_{lane}", "Won", fmt, "강도윤", contract=day, amount=amount)
    e.add("T_NONE_LOST", "T_NONE", "P_T_NONE_H", "Lost", "출강", "강도윤", lost=D("2025-05-23"))
    e.add("T_NONE_SQL", "T_NONE", "P_T_NONE_H", "SQL", "출강", "강도윤",
          expected_close=e.ctx.today + timedelta(days=45))


def _window(e: EdgeDeals, T: date) -> None:
    won = [("W1", "T_P1", "강도윤", "출강", 15000000.0), ("W2", "T_NONE", "윤채아", "구독제(온라인)", 3000000.0),
           ("W3", "T_P2", "홍지율", "출강", 5000000.0), ("W4", "T_P3", "윤도하B", "포팅", 2000000.0),
           ("W5", "EO_PUBLIC", "민재윤", "비대면 실시간", 9000000.0)]
    for key, org, owner, fmt, amount in won:
        person = "P_G1" if org == "EO_PUBLIC" else f"P_{org}_H"
        e.add(key, org, person, "Won", fmt, owner, contract=T, amount=amount, window=True)
    e.add("W6", "T_NONE", "P_T_NONE_H", "Lost", "구독제(온라인)", "차은솔", lost=e.ws, window=True,
          **{"이탈 사유": ["내부 의사결정"]})
    e.add("W7", "T_P4", "P_T_P4_H", "Lost", "출강", "장하율", lost=e.ws_minus, window=True)
    e.add("W8", "T_P2", "P_T_P2_H", "SQL", "출강", "문태린", expected_close=T + timedelta(days=14), window=True,
          **{"예상 체결액": 30000000.0})

