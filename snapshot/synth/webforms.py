"""Step 6: the web-form catalogue, submissions, person creation times and web-form memos (11 §8.5).

A web-form person is created by its first submission; in 30 % of cases a contact's first submission is a
group-0 (도입 문의) form shortly before its first deal, and creates the contact.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta

from snapshot.synth import vocab
from snapshot.synth.clock import HISTORY_START
from snapshot.synth.ids import named_uuid4, uuid7
from snapshot.synth.memo_text import div_html, form_memo_lines, routing_lines
from snapshot.synth.model import Ctx, Memo, Person, Submission, WebForm
from snapshot.synth.rng import chance, choice, randint, table_choice, uniform

GROUPS = ((0, "도입 문의"), (1, "백서 신청"), (2, "레터 구독"), (3, "소개서"), (4, "웨비나"), (5, "사례집"), (6, "행사"))
TITLES = ("생성형 AI 업무 활용 가이드", "데이터 리터러시 입문", "DX 인재 육성 로드맵", "리더십 트렌드 리포트",
          "AI 시대의 HRD", "직무 교육 설계 체크리스트", "온라인 교육 운영 노하우", "교육 성과 측정 사례",
          "신입사원 온보딩 설계", "스킬 기반 인재 관리", "생성형 AI 실무 적용 사례", "교육 담당자 뉴스레터")
WEB_COUNTS = ((1, 95), (2, 3.5), (3, 0.5), ("4-8", 0.5), (0, 0.5))
CONTACT_COUNTS = ((0, 50), (1, 28), (2, 10), (3, 6), ("4-10", 6))


def plan_catalogue(ctx: Ctx) -> list[WebForm]:
    count = max(12, int(150 * math.sqrt(ctx.scale) + 0.5))
    r = ctx.rng("webform-catalogue")
    forms = []
    for i in range(count):
        group, kind = GROUPS[0] if i % 7 == 0 else GROUPS[1 + i % 6]
        title = TITLES[i % len(TITLES)]
        name = f"{group}-{i // 7 + 1}. {kind} : {title} (form-{i + 1:03d})"
        created = HISTORY_START + timedelta(days=randint(r, 0, 120))
        forms.append(WebForm(id=named_uuid4("webform", name), name=name, group=group, created=created))
    return forms


def _count(r, table) -> int:
    pick = table_choice(r, table)
    if isinstance(pick, str):
        low, high = (int(x) for x in pick.split("-"))
        return randint(r, low, high)
    return pick


def _form(r, group0: list[WebForm], others: list[WebForm]) -> WebForm:
    return choice(r, group0) if chance(r, 0.15) else choice(r, others)


def _instant(r, low: datetime, high: datetime) -> datetime:
    if high <= low:
        return low
    return low + timedelta(seconds=int(uniform(r, 0, (high - low).total_seconds())), milliseconds=randint(r, 0, 999))


def plan_submissions(ctx: Ctx, people: list[Person], forms: list[WebForm]) -> None:
    """Submissions per person, and every bulk person's creation time."""
    group0 = [f for f in forms if f.group == 0]
    others = [f for f in forms if f.group != 0]
    for person in people:
        r = ctx.rng("subs", person.key)
        count = _count(r, WEB_COUNTS if person.kind == "web" else CONTACT_COUNTS)
        first_deal = min((d.created for d in person.deals), default=None)
        times, first_form = [], None
        if person.kind == "web":
            person.created = _instant(r, HISTORY_START, ctx.as_of)
            times = [person.created] + [_instant(r, person.created, ctx.as_of) for _ in range(count - 1)]
        elif first_deal is not None and count and chance(r, 0.30):
            person.created = max(HISTORY_START, first_deal - timedelta(days=uniform(r, 0, 14)))
            first_form = choice(r, group0)
            times = [person.created] + [_instant(r, person.created, ctx.as_of) for _ in range(count - 1)]
        else:
            if first_deal is not None:
                person.created = max(HISTORY_START, first_deal - timedelta(days=uniform(r, 1, 60)))
            else:
                org_start = min((d.created for d in person.org.deals), default=HISTORY_START)
                person.created = _instant(r, max(HISTORY_START, org_start - timedelta(days=30)), ctx.as_of)
            times = [_instant(r, person.created, ctx.as_of) for _ in range(count)]
        times.sort()
        for i, when in enumerate(times):
            form = first_form if (i == 0 and first_form is not None) else _form(r, group0, others)
            sub = Submission(form=form, person=person, created=when)
            if i == 0 and first_form is not None and person.deals and person.deals[0].inbound:
                sub.deal = min(person.deals, key=lambda d: d.created)
            person.subs.append(sub)
        null_forms = {}
        for sub in person.subs:
            if person.deals and sub.form.id not in null_forms:
                null_forms[sub.form.id] = chance(r, 0.15)  # 15 % of (contact, form) pairs: peopleId NULL
            sub.people_id_null = null_forms.get(sub.form.id, False)
            if sub.form.id not in person.forms:
                person.forms.append(sub.form.id)
            sub.form.subs.append(sub)


def person_form_fields(r, person: Person, question: str | None, form: WebForm) -> list[tuple[str, str | None]]:
    """The `- label : value` fields of a web-form memo (7.2), in one of the two orders."""
    org = person.org
    email = f"{person.romanised}@{org.slug if org else 'personal'}.example.com"
    phone = f"010-0{randint(r, 0, 999):03d}-{randint(r, 0, 9999):04d}"
    fields = [("고객 이름", person.name), ("고객 이메일", email), ("고객 전화", phone),
              ("회사 이름", org.name if org else None), ("고객 담당 업무", table_choice(r, vocab.FORM_JOBS)),
              ("고객 직급/직책", table_choice(r, vocab.FORM_TITLES)), ("회사 기업 규모", org.size if org else None),
              ("회사 업종", org.industry if org else None), ("방문 경로", choice(r, vocab.VISIT_PATHS))]
    if chance(r, 0.30):
        fields[1], fields[2] = fields[2], fields[1]
    if question is not None:
        fields.append((choice(r, vocab.QUESTION_LABELS), question))
    elif form.group == 0:
        fields.append(("상담 문의 내용", "교육 도입 관련 상담 요청드립니다."))
    fields += [("개인정보 수집 동의", "동의합니다."),
               ("고객 마케팅 수신 동의", "동의합니다." if chance(r, 2 / 3) else "동의하지 않습니다."),
               ("고객 utm_source", None if chance(r, 0.37) else choice(r, vocab.UTM_SOURCES)),
               ("고객 utm_medium", choice(r, vocab.UTM_MEDIUMS)),
               ("고객 utm_campaign", f"all^mktg^{form.created.strftime('%y%m%d')}"),
               ("고객 utm_content", choice(r, vocab.UTM_CONTENTS))]
    return fields


def submission_contents(fields: list[tuple[str, str | None]], empty_item: bool = False) -> list:
    """`contents` of a submission (7.5), from the memo fields."""
    labels = {"고객 이름": "이름", "고객 이메일": "이메일", "고객 전화": "연락처", "회사 이름": "회사명",
              "고객 직급/직책": "직급/직책", "고객 담당 업무": "담당 업무", "회사 기업 규모": "기업 규모",
              "회사 업종": "업종", "방문 경로": "방문 경로", "개인정보 수집 동의": "개인정보 수집 동의",
              "고객 마케팅 수신 동의": "마케팅 수신 동의"}
    items = []
    for label, value in fields:
        if label in labels:
            out = labels[label]
            if out == "마케팅 수신 동의":
                value = "true" if value == "동의합니다." else "false"
            items.append({"label": out, "value": value})
        elif "궁금" in label or "고민" in label or label == "상담 문의 내용":
            items.append({"label": label, "value": value})
    if empty_item:  # ≈ 2 % of submissions carry a `{}` item (7.5)
        items.append({})
    return items


def materialise_submissions(ctx: Ctx, forms: list[WebForm], author, memo_sink: list[Memo]) -> None:
    """Ids, contents and the web-form (and routing) memos of every bulk submission."""
    for form in forms:
        form.subs.sort(key=lambda s: s.created)
    for form in forms:
        for i, sub in enumerate(form.subs):
            r = ctx.rng("submission", form.id, i)
            sub.id = uuid7(r, sub.created)
            question = None
            if chance(r, 0.30):
                question = choice(r, ("신입사원 대상 생성형 AI 과정이 궁금합니다.", "팀 단위 도입 비용이 궁금합니다.",
                                      "온라인 과정 수료 기준이 궁금합니다.", "리더 대상 과정 추천 부탁드립니다."))
            fields = person_form_fields(r, sub.person, question, form)
            sub.contents = submission_contents(fields, chance(r, 0.02))
            lines = form_memo_lines(fields, chance(r, 0.10))
            target_deal = sub.deal if (sub.deal is not None and chance(r, 0.07)) else None
            memo_sink.append(Memo(created=sub.created, text="\n".join(lines), html=div_html(lines), owner=author,
                                  deal=target_deal, person=sub.person))
            if form.group == 0 and chance(r, 0.30):
                team = sub.person.owner.crm_team if sub.person.owner and sub.person.owner.crm_team else "교육 1팀"
                utm = dict(fields)
                routing = routing_lines(team, utm.get("고객 utm_source"), utm.get("고객 utm_medium"))
                memo_sink.append(Memo(created=min(ctx.as_of, sub.created + timedelta(minutes=1)), text="\n".join(routing),
                                      html=div_html(routing), owner=author, person=sub.person))

