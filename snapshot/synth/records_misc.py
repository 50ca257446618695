"""Materialise lead, memo, web-form and submission records (11_data_model.md §4.4, §4.7, §7.5)."""
from __future__ import annotations

from snapshot.synth import vocab
from snapshot.synth.clock import iso_ms
from snapshot.synth.fields import empty_record, num, pipeline_ref, put, stage_ref
from snapshot.synth.leads import Lead, stage_columns
from snapshot.synth.model import Ctx, Memo, Submission, WebForm
from snapshot.synth.rng import choice, chance, randint
from snapshot.synth.staff import team_ref


def lead_record(ctx: Ctx, lead: Lead) -> dict:
    r = ctx.rng("lead-fields", lead.key)
    rec = empty_record("lead")
    person = lead.person
    put(rec, "id", lead.id)
    put(rec, "peopleId", person.id if person else None)
    put(rec, "organizationId", person.org.id if person and person.org else None)
    put(rec, "RecordId", lead.id)
    org_name = person.org.name if person and person.org else "개인"
    title = f"{org_name} {lead.course} 공개 교육 신청" if lead.course else f"{org_name} 교육 문의"
    put(rec, "이름", title)
    put(rec, "상태", lead.status)
    put(rec, "생성 날짜", iso_ms(lead.created))
    put(rec, "담당자", lead.owner.ref if lead.owner else None)
    put(rec, "팀", [team_ref(lead.owner.crm_team)] if lead.owner and lead.owner.crm_team else None)
    put(rec, "과정포맷", lead.fmt)
    put(rec, "파이프라인", pipeline_ref(lead.pipeline))
    put(rec, "파이프라인 단계", stage_ref(lead.pipeline, lead.stages[-1]))
    for key, value in stage_columns(lead.pipeline, lead.stages, lead.created, ctx.as_of).items():
        put(rec, key, value)
    for counter in ("누적 시퀀스 등록수", "미완료 TODO", "완료 TODO", "전체 TODO"):
        put(rec, counter, num(0, lead.float_style))
    if lead.deal is not None:
        put(rec, "딜 목록", [{"id": lead.deal.id, "name": "연결된 딜"}])
    if lead.kind == "inbound":
        put(rec, "방문 경로", choice(r, vocab.VISIT_PATHS))
        put(rec, "서비스 유형 (최초)", choice(r, vocab.SERVICE_TYPES))
        put(rec, "문의 주제 (최초)", choice(r, vocab.INQUIRY_TOPICS))
        put(rec, "예상 교육 인원", choice(r, vocab.EDU_HEADCOUNTS))
        put(rec, "예상 교육 일정", choice(r, vocab.EDU_SCHEDULES))
        put(rec, "리드 그룹", choice(r, ("웨비나", "백서", "도입 문의", "뉴스레터")))
        put(rec, "유형", "인바운드")
    elif lead.kind == "public":
        put(rec, "공개 교육 과정 이름", lead.course)
        put(rec, "공개 교육 결제 방식", choice(r, ("카드", "계좌이체", "세금계산서")))
        put(rec, "공개 교육 단체 인원", num(randint(r, 1, 12), lead.float_style))
        put(rec, "공개 교육 상품유형", choice(r, ("1일 과정", "2일 과정")))
        put(rec, "공개 교육 환불 여부", chance(r, 0.05))
        put(rec, f"공개 교육 수강일 - {lead.course}", iso_ms(lead.created))
        put(rec, "유형", "공개 교육")
    else:
        put(rec, "유형", "기타")
    return rec


def memo_record(memo: Memo) -> dict:
    """Link propagation (4.4): a deal memo carries the deal's person and organisation as stored on the deal."""
    deal_id = lead_id = people_id = org_id = None
    if memo.deal is not None:
        deal_id = memo.deal.id
        people_id = memo.deal.person.id if memo.deal.person else None
        org_id = None if memo.deal.org is None or memo.deal.org_link_null else memo.deal.org.id
    elif memo.lead is not None:
        lead_id = memo.lead.id
        people_id = memo.lead.person.id if memo.lead.person else None
        org_id = memo.lead.person.org.id if memo.lead.person and memo.lead.person.org else None
    elif memo.person is not None:
        people_id = memo.person.id
        org_id = memo.person.org.id if memo.person.org else None
    elif memo.org is not None:
        org_id = memo.org.id
    rec = empty_record("memo")
    rec.update({"id": memo.id, "htmlBody": memo.html, "text": memo.text, "dealId": deal_id, "leadId": lead_id,
                "peopleId": people_id, "organizationId": org_id, "ownerId": memo.owner.id,
                "updatedAt": iso_ms(memo.updated or memo.created), "createdAt": iso_ms(memo.created)})
    return rec


def form_record(form: WebForm) -> dict:
    return {"id": form.id, "name": form.name, "description": None, "status": "active",
            "folderName": form.name.split(".")[0], "viewCount": len(form.subs) * 7 + 3, "submitCount": len(form.subs),
            "createdAt": iso_ms(form.created), "updatedAt": iso_ms(form.created)}


def submission_record(sub: Submission) -> dict:
    person = sub.person
    return {"id": sub.id, "peopleId": None if sub.people_id_null else person.id,
            "organizationId": person.org.id if person.org else None,
            "dealId": sub.deal.id if sub.deal else None, "leadId": None,
            "contents": sub.contents, "createdAt": iso_ms(sub.created)}
