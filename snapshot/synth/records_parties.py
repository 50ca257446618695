"""Materialise organisation and people records (11_data_model.md §4.1–4.2, §8.5 steps 2–3).

Roll-ups are added later (rollups.py) from the child records.
"""
from __future__ import annotations

from snapshot.synth import vocab
from snapshot.synth.clock import iso_ms
from snapshot.synth.fields import empty_record, num, put
from snapshot.synth.model import Ctx, Org, Person
from snapshot.synth.names import company_phone, mobile_phone
from snapshot.synth.rng import chance, choice, randint, table_choice
from snapshot.synth.staff import team_ref


def org_record(ctx: Ctx, org: Org, form_refs: dict[str, dict]) -> dict:
    r = ctx.rng("org-fields", org.key)
    rec = empty_record("organization")
    put(rec, "id", org.id)
    put(rec, "RecordId", org.id)
    put(rec, "이름", org.name)
    put(rec, "기업 규모", org.size)
    put(rec, "업종", org.industry)
    put(rec, "업종 구분(대)", org.industry_class)
    put(rec, "업종 구분(중)", org.industry_mid)
    put(rec, "담당자", org.owner.ref if org.owner else None)
    put(rec, "팀", [team_ref(org.owner.crm_team)] if org.owner and org.owner.crm_team else None)
    put(rec, "생성 날짜", iso_ms(org.created))
    if not org.edge:
        if chance(r, 0.60):
            put(rec, "전화", company_phone(r))
        if chance(r, 0.40):
            put(rec, "웹 주소", f"https://www.{org.slug}.example.com")
        if chance(r, 0.30):
            put(rec, "주소", f"서울특별시 {choice(r, vocab.SEOUL_GU)} 가상로 {randint(r, 1, 300)}")
        if chance(r, 0.30):
            put(rec, "직원수", num(choice(r, (30, 80, 150, 300, 800, 1500, 5000, 12000)), org.float_style))
        if chance(r, 0.25):
            put(rec, "사업자등록번호", f"000-0{randint(r, 0, 9)}-{randint(r, 0, 99999):05d}")
        if org.size == "대기업" and chance(r, 0.10):
            put(rec, "기업집단명", org.name[:2] + "그룹")
        if org.industry and chance(r, 0.10):
            put(rec, "업종 세부", f"{org.industry_mid or org.industry} 관련 사업")
    forms = _union_forms(org)
    put(rec, "제출된 웹폼 목록", [form_refs[f] for f in forms] if forms else None)
    latest = max((s for p in org.people for s in p.subs), key=lambda s: s.created, default=None)
    if latest is not None:
        put(rec, "최근 제출된 웹폼", form_refs[latest.form.id])
        put(rec, "최근 웹폼 제출 날짜", iso_ms(latest.created))
    return rec


def _union_forms(org: Org) -> list[str]:
    seen: dict[str, None] = {}
    for sub in sorted((s for p in org.people for s in p.subs), key=lambda s: s.created):
        seen.setdefault(sub.form.id, None)
    for person in org.people:  # listed forms without a submission (P_L3)
        for form_id in person.forms:
            seen.setdefault(form_id, None)
    return list(seen)


def person_record(ctx: Ctx, person: Person, form_refs: dict[str, dict]) -> dict:
    r = ctx.rng("person-fields", person.key)
    rec = empty_record("people")
    put(rec, "id", person.id)
    put(rec, "organizationId", person.org.id if person.org else None)
    put(rec, "RecordId", person.id)
    put(rec, "이름", person.name)
    put(rec, "생성 날짜", iso_ms(person.created))
    put(rec, "소속 상위 조직", person.upper)
    put(rec, "팀(명함/메일서명)", person.card_team)
    put(rec, "직급(명함/메일서명)", person.card_title)
    put(rec, "담당 교육 영역", person.edu_area)
    put(rec, "담당자", person.owner.ref if person.owner else None)
    put(rec, "팀", [team_ref(person.owner.crm_team)] if person.owner and person.owner.crm_team else None)
    put(rec, "현재 진행중인 시퀀스 여부", False)
    put(rec, "마케팅 수신 동의", chance(r, 0.6))
    put(rec, "수신 거부 여부", chance(r, 0.02))
    for counter in ("누적 시퀀스 등록수", "미완료 TODO", "완료 TODO", "전체 TODO"):
        put(rec, counter, num(0, person.float_style))
    if not person.edge:
        slug = person.org.slug if person.org else "personal"
        if chance(r, 0.95):
            put(rec, "이메일", f"{person.romanised}{randint(r, 1, 99)}@{slug}.example.com")
        if chance(r, 0.70):
            put(rec, "전화", mobile_phone(r))
        if chance(r, 0.90 if person.kind == "web" else 0.30):
            put(rec, "직급/직책", table_choice(r, vocab.FORM_TITLES))
            put(rec, "담당 업무", table_choice(r, vocab.FORM_JOBS))
        if person.kind == "web" and chance(r, 0.60):
            put(rec, "utm_source", choice(r, vocab.UTM_SOURCES))
            put(rec, "utm_medium", choice(r, vocab.UTM_MEDIUMS))
            put(rec, "utm_campaign", f"all^mktg^{person.created.strftime('%y%m%d')}")
            put(rec, "utm_content", choice(r, vocab.UTM_CONTENTS))
    else:
        put(rec, "이메일", f"{person.romanised}@edge.example.com")
    if person.forms:
        put(rec, "제출된 웹폼 목록", [form_refs[f] for f in person.forms])
    if person.subs:
        latest = max(person.subs, key=lambda s: s.created)
        put(rec, "최근 제출된 웹폼", form_refs[latest.form.id])
        put(rec, "최근 웹폼 제출 날짜", iso_ms(latest.created))
    return rec
