"""The generator's plan objects and context (11_data_model.md §8.5: plan every record, then materialise).

Plan objects hold decisions (links, dates, status, amounts); the materialisers turn them into API records.
`raw` on a plan holds stored values that override the materialised ones (edge cases, messy values).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from snapshot.synth.rng import stream
from snapshot.synth.staff import User


@dataclass
class Ctx:
    seed: int
    scale: float
    today: date
    as_of: datetime
    users: list[User]
    by_name: dict[str, User]

    def rng(self, *parts: object):
        return stream(self.seed, *parts)

    def count(self, base: int) -> int:
        """A bulk count at this scale: round(base·s), half up."""
        return int(base * self.scale + 0.5)


@dataclass(eq=False)
class Org:
    key: str
    kind: str                      # deals | people | empty | edge
    rank: int = 0
    size: str | None = None
    industry: str | None = None
    industry_class: str | None = None
    industry_mid: str | None = None
    name: str = ""
    slug: str = ""
    owner: User | None = None
    created: datetime | None = None
    id: str = ""
    float_style: bool = True
    weight: float = 0.0
    multiplier: float = 1.0
    deals: list = field(default_factory=list)
    people: list = field(default_factory=list)
    memos: list = field(default_factory=list)
    leads: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    edge: bool = False


@dataclass(eq=False)
class Person:
    key: str
    org: Org | None
    kind: str                      # contact | web | edge
    name: str = ""
    romanised: str = ""
    created: datetime | None = None
    id: str = ""
    group: int = 0
    upper: str | None = None
    card_team: str | None = None
    card_title: str | None = None
    edu_area: str | None = None
    owner: User | None = None
    float_style: bool = True
    deals: list = field(default_factory=list)
    subs: list = field(default_factory=list)      # Submission plans, time order
    forms: list = field(default_factory=list)     # form ids listed in 제출된 웹폼 목록, first submission first
    memos: list = field(default_factory=list)
    leads: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    edge: bool = False


@dataclass(eq=False)
class Deal:
    key: str
    org: Org | None                # the org whose deal it is (None: no organisation)
    person: Person | None
    created: datetime
    status: str
    migrated: bool = False
    id: str = ""
    fmt: str | None = None
    category: str | None = None
    amount: int | None = None
    expected: int | None = None
    contract: date | None = None
    contract_time: datetime | None = None    # a real timestamp instead of date-only
    expected_close: date | None = None
    expected_close_time: datetime | None = None
    course_start: date | None = None
    course_end: date | None = None
    course_utc_midnight: bool = False
    lost: date | None = None
    lost_time: datetime | None = None
    closed_at: datetime | None = None         # 마감일
    owner: User | None = None
    crm_teams: list = field(default_factory=list)
    probability: list | None = None
    inbound: bool = False
    org_link_null: bool = False               # organizationId NULL although the person has one
    float_style: bool = True
    memos: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    edge: bool = False


@dataclass(eq=False)
class Submission:
    form: "WebForm"
    person: Person
    created: datetime
    id: str = ""
    people_id_null: bool = False
    deal: Deal | None = None
    contents: list | None = None


@dataclass(eq=False)
class WebForm:
    id: str
    name: str
    group: int
    created: datetime
    subs: list = field(default_factory=list)


@dataclass(eq=False)
class Memo:
    created: datetime
    text: str
    html: str | None
    owner: User
    deal: Deal | None = None
    person: Person | None = None
    org: Org | None = None
    lead: object | None = None
    updated: datetime | None = None
    id: str = ""
    edge: bool = False
