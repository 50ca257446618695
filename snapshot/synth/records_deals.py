"""Materialise deal records (11_data_model.md §4.3, §5.10, §5.12–5.13, §8.5 step 4)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from snapshot.synth import vocab
from snapshot.synth.clock import iso_ms
from snapshot.synth.fields import business_date, empty_record, num, pipeline_ref, put, stage_ref
from snapshot.synth.leads import stage_columns
from snapshot.synth.model import Ctx, Deal
from snapshot.synth.names import person_name
from snapshot.synth.rng import chance, choice, randint, round_half_up, table_choice
from snapshot.synth.staff import team_ref

PROPOSAL = ("인바운드 유입", "미팅", "Proposal 준비", "Proposal 송부", "보완 Proposal", "1차 f-up", "2차 f-up", "최종 f-up",
            "매출 집계 예정")
SALES_DEV = ("영업 기회", "영업 제안", "미팅 완료", "후속 FUP 필요", "AE인계")
OPERATION = ("운영 세팅 중 (AE)", "교육 중", "교육 종료", "교육 회고")
ONGOING = ("온보딩", "운영 요청", "교육 중", "교육 종료")


def _short(deal: Deal) -> str:
    if deal.org is None:
        return "고객사"
    return deal.org.name.replace("(주)", "").replace(" 주식회사", "")[:4]


def deal_name(r, deal: Deal) -> str:
    org, course = _short(deal), choice(r, vocab.COURSES)
    when = deal.contract or deal.created.date()
    yy, m = when.year % 100, when.month
    online = deal.fmt in vocab.ONLINE
    roll = r.random()
    if online and roll < 0.4:
        return f"(B2B) {org} 온라인 구독 올플랜 ({yy}년 {m}월)" if roll < 0.24 else f"{org}_올플랜_{yy:02d}{m:02d}"
    if deal.fmt == "포팅" and roll < 0.6:
        return f"{org}_{yy}년 온라인 {course} 포팅_{m}월"
    roll = r.random()
    if roll < 0.40:
        return f"{org}_{course}"
    if roll < 0.60:
        return f"{org}({choice(r, vocab.DEPARTMENTS)})_{yy}년 {course}"
    if roll < 0.73:
        return f"{org}_{course} (출강)"
    if roll < 0.93:
        return f"[{choice(r, ('OB', 'IB'))}] {org} 딜_{choice(r, vocab.TOPICS)}"
    return f"{choice(r, ('[비매출입과]', '[부가세 별도]'))} {org} {course}"


def _pipeline(r, deal: Deal, end: datetime) -> tuple[str, str, dict]:
    """(pipeline, current stage, stage date columns)."""
    if deal.status == "Convert":
        return "Dropped Deals", "자동 응대 메일 발송", stage_columns("Dropped Deals", ["자동 응대 메일 발송"], deal.created, end)
    if deal.migrated:
        return "교육 운영", "교육 종료", {}
    if deal.status == "SQL":
        if chance(r, 0.10):
            stages = list(SALES_DEV[:randint(r, 1, 4)])
            return "Sales Development", stages[-1], stage_columns("Sales Development", stages, deal.created, end)
        stages = list(PROPOSAL[:randint(r, 2, 8)])
        return "교육 제안", stages[-1], stage_columns("교육 제안", stages, deal.created, end)
    if deal.status == "Lost":
        stages = list(PROPOSAL[:randint(r, 1, 8)])
        return "교육 제안", stages[-1], stage_columns("교육 제안", stages, deal.created, end)
    online = deal.fmt in vocab.ONLINE
    names, pipeline = (ONGOING, "Ongoing") if online else (OPERATION, "교육 운영")
    today = end.date()
    if deal.course_start is None or today < deal.course_start:
        count = 1
    elif deal.course_end is not None and today <= deal.course_end:
        count = 2 if not online else 3
    else:
        count = len(names) if chance(r, 0.5) else len(names) - 1
    stages = list(names[:count])
    return pipeline, stages[-1], stage_columns(pipeline, stages, deal.created, end)


def _course_date(deal: Deal, day) -> str | None:
    if day is None:
        return None
    if deal.course_utc_midnight:
        return iso_ms(datetime(day.year, day.month, day.day, tzinfo=timezone.utc))
    return business_date(day)


def deal_record(ctx: Ctx, deal: Deal, course_ids: dict[str, str]) -> dict:
    r = ctx.rng("deal-fields", deal.key)
    fs = deal.float_style
    rec = empty_record("deal")
    put(rec, "id", deal.id)
    put(rec, "peopleId", deal.person.id if deal.person else None)
    put(rec, "organizationId", None if deal.org is None or deal.org_link_null else deal.org.id)
    put(rec, "RecordId", deal.id)
    put(rec, "이름", deal_name(r, deal))
    put(rec, "상태", deal.status)
    put(rec, "성사 가능성", deal.probability)
    put(rec, "금액", num(deal.amount, fs))
    put(rec, "예상 체결액", num(deal.expected, fs))
    put(rec, "계약 체결일", business_date(deal.contract, deal.contract_time))
    put(rec, "수주 예정일", business_date(deal.expected_close, deal.expected_close_time))
    put(rec, "수강시작일", _course_date(deal, deal.course_start))
    put(rec, "수강종료일", _course_date(deal, deal.course_end))
    put(rec, "LOST 확정일", business_date(deal.lost, deal.lost_time))
    put(rec, "마감일", iso_ms(deal.closed_at) if deal.closed_at else None)
    put(rec, "생성 날짜", iso_ms(deal.created))
    put(rec, "과정포맷", deal.fmt)
    put(rec, "카테고리", deal.category)
    put(rec, "담당자", deal.owner.ref if deal.owner else None)
    put(rec, "팀", [team_ref(t) for t in deal.crm_teams] or None)
    put(rec, "코스 ID", course_ids.get(deal.key))
    for counter in ("누적 시퀀스 등록수", "미완료 TODO", "완료 TODO", "전체 TODO"):
        put(rec, counter, num(0, fs))
    end = min(ctx.as_of, max(deal.created, deal.closed_at or ctx.as_of))
    pipeline, stage, stage_dates = _pipeline(r, deal, end)
    put(rec, "파이프라인", pipeline_ref(pipeline))
    put(rec, "파이프라인 단계", stage_ref(pipeline, stage))
    if deal.status == "Lost":
        put(rec, "종료된 파이프라인 단계", stage_ref(pipeline, stage))
    for key, value in stage_dates.items():
        put(rec, key, value)
    if not deal.edge:
        _details(ctx, r, deal, rec)
    return rec


def _details(ctx: Ctx, r, deal: Deal, rec: dict) -> None:
    """The smaller fields of 5.13 and the inbound fields of 7.2 (bulk deals only)."""
    fs, online, won = deal.float_style, deal.fmt in vocab.ONLINE, deal.status == "Won"
    since_2025 = deal.created >= datetime(2025, 1, 1, tzinfo=timezone.utc)
    if won and not online and chance(r, 0.5):
        put(rec, "Net(%)", num(100 if chance(r, 0.39) else randint(r, 36, 73), True))
    if won and online and chance(r, 0.85):
        put(rec, "(온라인)입과 주기", table_choice(r, (("월 1회", 70), ("분기 1회", 15), ("상시 입과", 15))))
    if online and chance(r, 0.85):
        put(rec, "(온라인)최초 입과 여부", chance(r, 0.7))
    if won and not online and chance(r, 0.8):
        put(rec, "강사 이름1", person_name(r)[0])
        if chance(r, 0.15):
            put(rec, "강사 이름2", person_name(r)[0])
        if chance(r, 0.6):
            put(rec, "강사료1", num(round_half_up(randint(r, 300_000, 3_000_000), 10_000), fs))
    big = deal.org is not None and deal.org.size in ("대기업", "중견기업")
    if not online and big and since_2025 and chance(r, 0.7):
        mark = table_choice(r, (("O", 70), ("X", 20), (None, 10)))
        put(rec, "제안서 작성 여부", mark)
        if mark == "O":
            put(rec, "업로드 제안서명", f"{_short(deal)}_{choice(r, vocab.COURSES)}_제안서.pdf")
            put(rec, "제안서 발송일", business_date(deal.created.date() + timedelta(days=randint(r, 3, 20))))
    if deal.status in ("Won", "SQL") and since_2025 and chance(r, 0.4):
        if chance(r, 0.02):
            link = choice(r, ("기획시트", "-", "ftp://files.example.com/x"))
        else:
            link = "https://docs.example.com/spreadsheets/d/" + "".join(
                choice(r, "abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(22))
        put(rec, "기획시트 링크", link)
    if deal.status == "Lost" and chance(r, 0.25):
        put(rec, "이탈 사유", table_choice(r, vocab.LOST_REASONS))
    recent = deal.status == "SQL" or (deal.closed_at and (ctx.as_of - deal.closed_at).days <= 90)
    if recent and chance(r, 0.7):
        put(rec, "최근 연락일", iso_ms(min(ctx.as_of, (deal.closed_at or ctx.as_of) - timedelta(hours=randint(r, 1, 72)))))
    if deal.inbound:
        put(rec, "utm_source", choice(r, vocab.UTM_SOURCES))
        put(rec, "utm_medium", choice(r, vocab.UTM_MEDIUMS))
        put(rec, "utm_campaign", f"all^mktg^{deal.created.strftime('%y%m%d')}")
        put(rec, "utm_content", choice(r, vocab.UTM_CONTENTS))
        put(rec, "상담 문의 내용", "교육 도입 관련 상담 요청드립니다.")
        put(rec, "서비스 유형 (최초)", choice(r, vocab.SERVICE_TYPES))
        put(rec, "문의 주제 (최초)", choice(r, vocab.INQUIRY_TOPICS))
        put(rec, "예상 교육 인원", choice(r, vocab.EDU_HEADCOUNTS))
        put(rec, "예상 교육 일정", choice(r, vocab.EDU_SCHEDULES))
        put(rec, "방문 경로", choice(r, vocab.VISIT_PATHS))
    if chance(r, 0.10) and deal.owner is not None:
        put(rec, "팔로워", [deal.owner.ref])
        put(rec, "참여자", [deal.owner.ref])
    if deal.closed_at is not None:
        put(rec, "종료까지 걸린 시간", num(int((deal.closed_at - deal.created).total_seconds() * 1000), fs))
    if chance(r, 0.20):
        put(rec, "교육 주제", choice(r, vocab.COURSES))
    if won and deal.fmt == "구독제(온라인)" and deal.amount is not None and chance(r, 0.30):
        put(rec, "월 구독 금액", num(round_half_up(deal.amount / 12), fs))
        put(rec, "구독 시작일", _course_date(deal, deal.course_start))
        put(rec, "구독 종료일", _course_date(deal, deal.course_end))
