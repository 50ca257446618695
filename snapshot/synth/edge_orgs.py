"""Step 8 (part 1): the always-present edge organisations, people and web forms (11_data_model.md §8.8).

Fixed ids (UUIDv4 shape from sha256("edge:" + key)), names and dates, identical for every seed and scale.
"""
from __future__ import annotations

from datetime import date, datetime

from snapshot.synth.clock import kst_at
from snapshot.synth.ids import named_uuid4
from snapshot.synth.model import Ctx, Org, Person, WebForm

ORG_CREATED = kst_at(date(2023, 10, 16), 10)
PERSON_CREATED = kst_at(date(2023, 11, 1), 10)

# key: (name, 기업 규모, owner, [(person key, name, upper org)])
EDGE_ORGS = {
    "EO_DATES": ("라온하늘전자", "대기업", "김서하", [("P_D1", "가상고객", "인재개발원"), ("P_D2", "예시민", "DX추진실")]),
    "EO_LINKS": ("누리바다화학", "중견기업", "박지안",
                 [("P_L1", "표본하", None), ("P_L2", "시범준", "-"), ("P_L3", "모의윤", "HR지원그룹")]),
    "EO_FORMS": ("해랑솔식품", "중소기업", "노하진",
                 [("P_F1", "가상연", "인사팀"), ("P_F2", "예시온", None), ("P_M1", "표본서", "경영지원실")]),
    "EO_PUBLIC": ("한국미래역량진흥원", None, "채다인", [("P_G1", "시범하", "교육훈련팀")]),
    "EO_PEOPLE_ONLY": ("도담새봄물산", "기타", "강도윤",
                       [("P_O1", "모의준", None), ("P_O2", "가상율", None), ("P_O3", "예시린", None)]),
    "EO_EMPTY": ("아라온테크", None, "강도윤", []),
    "EO_DUP_1": ("가람솔물산", "중소기업", "강도윤", [("P_DUP1", "표본결", None)]),
    "EO_DUP_2": ("가람솔물산", None, "강도윤", [("P_DUP2", "시범솔", None)]),
}
# Tier ladder organisations: key → (name, 기업 규모); people P_<key>_H (인재개발원) and P_<key>_B (영업본부).
TIER_ORGS = {
    "T_S0": ("온새누리금융지주", "대기업"), "T_P0": ("미르가온증권", "대기업"), "T_P1": ("하람빛제약", "대기업"),
    "T_P2": ("채움결건설", "중견기업"), "T_P3": ("바른길모빌리티", "중견기업"), "T_P4": ("새봄들소프트", "중소기업"),
    "T_P5": ("다솜길푸드", "중소기업"), "T_NONE": ("가람빛에너지", "대기업"),
}
TIER_PERSON_NAMES = {"H": "가상담", "B": "예시결"}
# Edge forms: key → (name, in the catalogue)
EDGE_FORMS = {
    "WF_A": ("4-90. 웨비나 : 생성형 AI 실무 적용 사례 (webinar-genai-edge)", True),
    "WF_B": ("1-90. 백서 신청 : 데이터 리터러시 가이드 (whitepaper-dl-edge)", True),
    "WF_C": ("3-90. 소개서 : 기업교육 서비스 소개서 (brochure-edge)", True),
    "WF_GONE": ("0-90. 도입 문의 : 종료된 상담 폼 (closed-inquiry-edge)", False),
}
# People created by a submission: key → creation (their first submission's time, UTC).
SUBMISSION_CREATED = {
    "P_F1": datetime.fromisoformat("2025-01-20T01:00:00+00:00"),
    "P_F2": datetime.fromisoformat("2025-03-12T05:00:00+00:00"),
    "P_X1": datetime.fromisoformat("2025-02-03T01:00:00+00:00"),
    "P_O1": datetime.fromisoformat("2025-03-05T02:00:00+00:00"),
    "P_O2": datetime.fromisoformat("2025-06-11T03:00:00+00:00"),
    "P_O3": datetime.fromisoformat("2025-09-17T04:00:00+00:00"),
}


def edge_id(key: str) -> str:
    return named_uuid4("edge", key)


def _person(key: str, org: Org | None, name: str, upper: str | None) -> Person:
    person = Person(key=key, org=org, kind="edge", name=name, romanised=key.lower().replace("_", ""),
                    created=SUBMISSION_CREATED.get(key, PERSON_CREATED), id=edge_id(key), upper=upper, edge=True)
    person.owner = org.owner if org is not None else None
    if org is not None:
        org.people.append(person)
    return person


def build_edge_orgs(ctx: Ctx) -> tuple[dict[str, Org], dict[str, Person]]:
    orgs, people = {}, {}
    specs = dict(EDGE_ORGS)
    for key, (name, size) in TIER_ORGS.items():
        specs[key] = (name, size, "강도윤", [(f"P_{key}_H", TIER_PERSON_NAMES["H"], "인재개발원"),
                                           (f"P_{key}_B", TIER_PERSON_NAMES["B"], "영업본부")])
    for key, (name, size, owner, persons) in specs.items():
        org = Org(key=key, kind="edge", name=name, size=size, owner=ctx.by_name[owner], created=ORG_CREATED,
                  id=edge_id(key), edge=True, slug=key.lower().replace("_", "-"))
        orgs[key] = org
        for person_key, person_name, upper in persons:
            people[person_key] = _person(person_key, org, person_name, upper)
    p_d1 = people["P_D1"]
    p_d1.card_team, p_d1.card_title, p_d1.edu_area = "인재육성팀", "책임", "출강"
    x1 = _person("P_X1", None, "무소속", None)
    x1.owner = ctx.by_name["최민결"]
    people["P_X1"] = x1
    return orgs, people


def build_edge_forms() -> dict[str, WebForm]:
    created = kst_at(date(2024, 12, 2), 10)
    return {key: WebForm(id=edge_id(key), name=name, group=int(name.split("-")[0]), created=created)
            for key, (name, _) in EDGE_FORMS.items()}
