"""Step 8 (part 3): edge submissions and memos M01–M07 (11_data_model.md §8.8)."""
from __future__ import annotations

from datetime import datetime, timedelta

from snapshot.synth.edge_orgs import edge_id
from snapshot.synth.memo_text import div_html, form_memo_lines, routing_lines
from snapshot.synth.model import Ctx, Deal, Memo, Org, Person, Submission, WebForm
from snapshot.synth.webforms import submission_contents

W = datetime.fromisoformat

M01_HTML = ('<div onclick="alert(\'xss\')"><p style="color:red">커리큘럼 초안 공유드립니다.<script>alert(\'xss\')</script>'
            '</p><img src="x" onerror="alert(\'xss\')"><a href="javascript:alert(\'xss\')">초안 보기</a> '
            '<a href="https://docs.example.com/curriculum">최종안</a><iframe src="https://example.com/embed"></iframe>'
            '<table><tr><td colspan="2" onmouseover="alert(\'xss\')">일정</td><td rowspan="x">인원</td></tr></table>'
            '</div>')
M01_TEXT = "커리큘럼 초안 공유드립니다.<script>alert('xss')</script> 초안 보기 최종안 일정 인원"
M02_FIELDS = [
    ("고객 이름", "가상고객"), ("고객 이메일", "guest@haerangsol.example.com"), ("고객 전화", "010-0123-4567"),
    ("회사 이름", "해랑솔식품"), ("고객 담당 업무", "HRD(인재육성/교육)"), ("고객 직급/직책", "실무자"),
    ("회사 기업 규모", "중소기업"), ("회사 업종", "서비스업"), ("방문 경로", "직접 검색"),
    ("교육 관련 궁금하신 점", "신입사원 대상 생성형 AI 과정 견적 부탁드립니다. 회신은 010-0987-6543 으로 주세요."),
    ("개인정보 수집 동의", "동의합니다."), ("고객 마케팅 수신 동의", "동의합니다."), ("고객 utm_source", "email"),
    ("고객 utm_medium", "crm"), ("고객 utm_campaign", "all^mktg^250210"), ("고객 utm_content", "lead-gen^cold-mail^cta"),
]
M06_TEXT = "1차 통화 완료<br>예산 확인 필요\r\n다음 주 재연락\r견적 요청 예정"


def _minimal_fields(person: Person) -> list[tuple[str, str | None]]:
    """A web-form memo without a question (dropped by the form-memo cleaner, like M03)."""
    org = person.org
    return [("고객 이름", person.name), ("고객 이메일", f"{person.romanised}@edge.example.com"),
            ("고객 전화", "010-0111-2222"), ("회사 이름", org.name if org else None),
            ("고객 담당 업무", "HRD(인재육성/교육)"), ("고객 직급/직책", "실무자"),
            ("회사 기업 규모", org.size if org else None), ("회사 업종", None), ("방문 경로", "직접 검색"),
            ("개인정보 수집 동의", "동의합니다."), ("고객 마케팅 수신 동의", "동의합니다."),
            ("고객 utm_source", "email"), ("고객 utm_medium", "crm"), ("고객 utm_campaign", "all^mktg^250210"),
            ("고객 utm_content", "lead-gen^cold-mail^cta")]


def _submit(key: str, form: WebForm, person: Person, when: datetime, fields, memos: list[Memo], author,
            people_id_null: bool = False, memo_created: bool = True) -> Submission:
    sub = Submission(form=form, person=person, created=when, id=edge_id(key), people_id_null=people_id_null,
                     contents=submission_contents(fields))
    form.subs.append(sub)
    person.subs.append(sub)
    if form.id not in person.forms:
        person.forms.append(form.id)
    if memo_created:
        lines = form_memo_lines(fields, False)
        memos.append(Memo(created=when, text="\n".join(lines), html=div_html(lines), owner=author, person=person,
                          id=edge_id(f"memo:{key}"), edge=True))
    return sub


def build_edge_memos(ctx: Ctx, orgs: dict[str, Org], people: dict[str, Person], deals: dict[str, Deal],
                     forms: dict[str, WebForm], catalogue_form: WebForm) -> list[Memo]:
    author = ctx.by_name["나은별"]
    memos: list[Memo] = []
    f1, f2, x1 = people["P_F1"], people["P_F2"], people["P_X1"]
    _submit("S_F1_B", forms["WF_B"], f1, W("2025-01-20T01:00:00+00:00"), _minimal_fields(f1), memos, author,
            people_id_null=True)
    m02_time = W("2025-02-28T16:30:00+00:00")
    _submit("S_F1_A1", forms["WF_A"], f1, m02_time, M02_FIELDS, memos, author, memo_created=False)
    lines = form_memo_lines(M02_FIELDS, False)
    memos.append(Memo(created=m02_time, text="\n".join(lines), html=div_html(lines), owner=author, person=f1,
                      id=edge_id("M02"), edge=True))
    routing = routing_lines("교육 2팀", "email", "crm")
    memos.append(Memo(created=m02_time + timedelta(minutes=1), text="\n".join(routing), html=div_html(routing),
                      owner=author, person=f1, id=edge_id("M04"), edge=True))
    _submit("S_F1_A2", forms["WF_A"], f1, W("2025-05-10T02:00:00+00:00"), _minimal_fields(f1), memos, author)
    _submit("S_F2_A", forms["WF_A"], f2, W("2025-03-12T05:00:00+00:00"), _minimal_fields(f2), memos, author,
            memo_created=False)
    m03 = _minimal_fields(f2)
    lines = form_memo_lines(m03, False)
    memos.append(Memo(created=W("2025-03-12T05:00:00+00:00"), text="\n".join(lines), html=div_html(lines),
                      owner=author, person=f2, id=edge_id("M03"), edge=True))
    _submit("S_X1_B", forms["WF_B"], x1, W("2025-02-03T01:00:00+00:00"), _minimal_fields(x1), memos, author)
    for key in ("P_O1", "P_O2", "P_O3"):
        person = people[key]
        _submit(f"S_{key}", catalogue_form, person, person.created, _minimal_fields(person), memos, author)
    people["P_L3"].forms = [forms["WF_C"].id, forms["WF_GONE"].id]
    e40, efs = deals["E40"], orgs["EO_FORMS"]
    owner = efs.owner
    memos += [
        Memo(created=W("2025-04-15T02:00:00+00:00"), text=M01_TEXT, html=M01_HTML, owner=owner, deal=e40,
             id=edge_id("M01"), edge=True),
        Memo(created=W("2025-04-16T02:00:00+00:00"), text="", html="<p>견적서 <strong>v2</strong> 전달 완료</p>",
             owner=owner, deal=e40, id=edge_id("M05"), edge=True),
        Memo(created=W("2025-05-12T03:00:00+00:00"), text=M06_TEXT, html=None, owner=owner, person=f1,
             id=edge_id("M06"), edge=True),
        Memo(created=W("2025-06-02T04:00:00+00:00"), text="해랑솔식품 연간 교육 계획 공유 요청, 상반기 예산 확인 예정",
             html="<p>해랑솔식품 연간 교육 계획 공유 요청, 상반기 예산 확인 예정</p>", owner=owner, org=efs,
             id=edge_id("M07"), edge=True),
    ]
    return memos
