"""Step 5: leads (11_data_model.md §8.5). No feature reads them; they keep the snapshot's size and shape."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from snapshot.synth import vocab
from snapshot.synth.clock import iso_ms
from snapshot.synth.model import Ctx, Deal, Person
from snapshot.synth.rng import chance, choice, randint, table_choice, uniform
from snapshot.synth.staff import User

LEAD_STAGES = ("새 리드", "연락 시도 중", "연락 완료", "영업 대상 확정")
PUBLIC_STAGES = ("신청서 제출 완료", "1차 안내 완료(결제완료)", "2차 안내 완료", "수강 당일 안내", "수강 완료")
PUBLIC_COURSES = ("B2B 영업", "MD 상품기획", "R&D 기획", "비즈니스 기획", "엑셀 데이터 분석", "엑셀 업무 자동화")


@dataclass(eq=False)
class Lead:
    key: str
    kind: str                 # inbound | public | other
    person: Person | None
    created: datetime
    owner: User | None
    status: str
    id: str = ""
    pipeline: str = "리드 파이프라인"
    stages: list = field(default_factory=list)
    deal: Deal | None = None
    course: str | None = None
    fmt: str | None = None
    float_style: bool = True
    memos: list = field(default_factory=list)


def plan_leads(ctx: Ctx, web_people: list[Person], contacts: list[Person], roster: list[User]) -> list:
    leads = []
    total = ctx.count(9000)
    for index in range(total):
        r = ctx.rng("lead", index)
        roll = r.random()
        kind = "inbound" if roll < 0.6 else "public" if roll < 0.8 else "other"
        pool = web_people if kind == "inbound" or not contacts else contacts
        person = choice(r, pool) if pool else None
        low = person.created if person is not None else ctx.as_of - timedelta(days=365)
        created = min(ctx.as_of, low + timedelta(days=uniform(r, 0, max(0.0, (ctx.as_of - low).days))))
        owner = person.owner if person is not None and person.owner else choice(r, roster)
        if kind == "inbound":
            status = table_choice(r, (("New", 60), ("Converted", 25), ("Lost", 15)))
            stages = list(LEAD_STAGES[:randint(r, 1, len(LEAD_STAGES))])
        elif kind == "public":
            status, stages = "New", list(PUBLIC_STAGES[:randint(r, 1, len(PUBLIC_STAGES))])
        else:
            status, stages = table_choice(r, (("New", 50), ("Lost", 50))), list(LEAD_STAGES[:randint(r, 1, 2)])
        lead = Lead(key=f"l{index}", kind=kind, person=person, created=created, owner=owner, status=status,
                    stages=stages, float_style=chance(r, 0.85))
        if kind == "public":
            lead.pipeline, lead.course = "공개 교육 파이프라인", choice(r, PUBLIC_COURSES)
        if status == "Converted" and person is not None and person.deals:
            lead.deal = person.deals[0]
        lead.fmt = table_choice(r, vocab.FORMATS)
        if person is not None:
            person.leads.append(lead)
            if person.org is not None:
                person.org.leads.append(lead)
        leads.append(lead)
    return leads


def stage_columns(pipeline: str, stages: list[str], start: datetime, end: datetime) -> dict[str, str]:
    """`<stage>(<pipeline>)로 진입한 날짜` / `…에서 퇴장한 날짜`: every stage passed; the current one has only an entry."""
    out: dict[str, str] = {}
    if not stages:
        return out
    step = (end - start) / len(stages) if end > start else timedelta(0)
    for i, stage in enumerate(stages):
        entered = start + step * i
        out[f"{stage}({pipeline})로 진입한 날짜"] = iso_ms(entered)
        if i < len(stages) - 1:
            out[f"{stage}({pipeline})에서 퇴장한 날짜"] = iso_ms(start + step * (i + 1))
    return out
