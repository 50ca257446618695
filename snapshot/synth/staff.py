"""The vendor's CRM users, CRM teams and the fixed roster (11_data_model.md §5.11, §8.5 step 1, §8.6).

Independent of seed and scale. The roster text is written byte for byte and equals
config/roster.example.toml (a test compares them).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime

from snapshot.synth.clock import iso_ms, kst_at
from snapshot.synth.ids import named_uuid4, user_object_id

ROSTER_TOML = """\
# Synthetic sales roster. Written by `python -m snapshot.synth`; identical to config/roster.example.toml.
# Member names are normalised names in display order; the last name of each 기업교육 team's 1파트 is
# that team's lead.

[[teams]]
key = "edu1"
name = "기업교육 1팀"
[teams.parts]
"1파트" = ["강도윤", "김서하", "박지안", "이하람", "정유진", "최민결", "한예솔", "오시온", "서태오"]
"2파트" = ["윤채아", "임도겸", "장하율", "조은호", "배소담", "신우림", "권나래"]

[[teams]]
key = "edu2"
name = "기업교육 2팀"
[teams.parts]
"1파트" = ["홍지율", "문태린", "양서진", "송다온", "백시현", "허윤후", "남궁솔", "유재하"]
"2파트" = ["노하진", "전은결", "고예나", "윤도하", "황선유", "안지오", "류가온"]
"온라인셀" = ["차은솔", "구하민", "진서우"]

[[teams]]
key = "public"
name = "공공교육팀"
[teams.parts]
"전체" = ["민재윤", "엄소이", "채다인", "원지한", "천예담", "방건후", "석하늘", "탁윤슬"]
"""

FORMER_STAFF = ("곽민호", "마준서", "변지현", "성하진", "염태윤", "여수민", "추은비", "도현석", "소윤아", "주가람", "편세아",
                "기태민", "연서호", "함지수", "표하경")
MARKETING = ("나은별", "우다현")          # 마케팅팀; 나은별 authors every web-form and routing memo
OPERATIONS = ("지하람",)                  # in no CRM team
DEMO_USER = "DemoUserA"
FORM_MEMO_AUTHOR = "나은별"
CRM_SPELLING = {"윤도하": "윤도하B"}      # a namesake suffix the owner rule removes
TEAM_LEADS = ("서태오", "유재하")
CRM_TEAM_OF_ROSTER = {"edu1": "교육 1팀", "edu2": "교육 2팀", "public": "공공교육팀"}


@dataclass(frozen=True)
class User:
    name: str            # the CRM spelling (as in every 담당자 JSON)
    roster_name: str | None
    roster_team: str | None   # edu1 / edu2 / public
    roster_part: str | None
    crm_team: str | None      # 교육 1팀 …
    former: bool
    id: str
    created: datetime
    email: str
    role: str

    @property
    def ref(self) -> dict:
        """The `{"id", "name"}` object of an owner field."""
        return {"id": self.id, "name": self.name}


def _roster_units() -> list[tuple[str, str, str]]:
    data = tomllib.loads(ROSTER_TOML)
    return [(team["key"], part, member) for team in data["teams"]
            for part, members in team["parts"].items() for member in members]


def build_users() -> list[User]:
    """The 61 users in API order (createdAt, id)."""
    specs = [(CRM_SPELLING.get(m, m), m, key, part, CRM_TEAM_OF_ROSTER[key], False)
             for key, part, m in _roster_units()]
    specs += [(n, None, None, None, "교육 1팀" if i < 8 else "교육 2팀", True) for i, n in enumerate(FORMER_STAFF)]
    specs += [(n, None, None, None, "마케팅팀", False) for n in MARKETING]
    specs += [(n, None, None, None, None, False) for n in OPERATIONS]
    users = []
    for i, (name, roster_name, key, part, crm_team, former) in enumerate(specs):
        created = kst_at(datetime(2023, 8, 1 + i % 8).date(), 10, i)
        role = "어드민" if roster_name in TEAM_LEADS or name == "지하람" else "멤버"
        users.append(User(name, roster_name, key, part, crm_team, former, user_object_id(name, created), created,
                          f"u{i + 1:02d}@vendor.example.com", role))
    demo_created = kst_at(datetime(2024, 9, 2).date(), 10)
    users.append(User(DEMO_USER, None, None, None, None, False, user_object_id(DEMO_USER, demo_created),
                      demo_created, f"u{len(specs) + 1:02d}@vendor.example.com", "멤버"))
    return sorted(users, key=lambda u: (u.created, u.id))


def user_records(users: list[User]) -> list[dict]:
    return [{"id": u.id, "name": u.name, "status": "inactive" if u.former else "active", "email": u.email,
             "role": u.role, "createdAt": iso_ms(u.created), "updatedAt": iso_ms(u.created)} for u in users]


CRM_TEAMS = ("교육 1팀", "교육 2팀", "공공교육팀", "마케팅팀", "교육운영팀")


def team_id(name: str) -> str:
    return named_uuid4("team", name)


def team_ref(name: str) -> dict:
    return {"id": team_id(name), "name": name}


def team_records(users: list[User]) -> list[dict]:
    """The CRM's own teams, in API order (by name)."""
    records = []
    for name in sorted(CRM_TEAMS):
        mates = [{"id": u.id, "name": u.name} for u in users if u.crm_team == name]
        records.append({"id": team_id(name), "name": name, "description": None, "teammateList": mates})
    return records


def me_record(users: list[User]) -> dict:
    """`GET /v2/user/me`: the first admin, with the workspace room."""
    admin = next(u for u in users if u.role == "어드민")
    return {"id": admin.id, "name": admin.name, "status": "active", "createdAt": iso_ms(admin.created),
            "updatedAt": iso_ms(admin.created),
            "room": {"id": named_uuid4("room", "workspace"), "name": "가상교육 워크스페이스"}}
