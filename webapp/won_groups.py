"""`GET /api/orgs/<id>/won-groups-json` (20 §5): an organisation's Won groups with people, deals and memos.

Memos pass the form-memo cleaner (phone numbers always redacted); web-form ids never appear.
"""
from __future__ import annotations

from domain.dates import format_iso, kst_date
from domain.deals import CONVERT, normalise_status
from domain.money import parse_krw
from domain.owners import format_owner_names, owner_names
from domain.text import UNSET, clean_text, normalise_upper_org
from webapp import orgs as logic
from webapp.form_memo import DROP, clean_form_memo, redact_phones
from webapp.memo_render import order_memos
from webapp.queries import orgs as q


def _date(raw) -> str:
    return format_iso(kst_date(raw), "")


def memo_entries(rows: list[dict]) -> list[dict]:
    entries = []
    for m in order_memos(rows):
        cleaned = clean_form_memo(m["text"])
        if cleaned is DROP:
            continue
        entry = {"date": _date(m["createdAt"])}
        if isinstance(cleaned, dict):
            entry.update(cleanText=cleaned, htmlBody=None)
        else:
            entry.update(text=cleaned, htmlBody=redact_phones(m["htmlBody"]) if m["htmlBody"] else None)
        entry["created_at_ts"] = m["createdAt"]
        entries.append(entry)
    return entries


def _person_obj(p: dict) -> dict:
    return {"id": p["id"], "name": p["이름"], "upper_org": normalise_upper_org(p["소속 상위 조직"]),
            "team": p["팀(명함/메일서명)"], "title": p["직급(명함/메일서명)"], "edu_area": p["담당 교육 영역"]}


def build(org: dict, deal_rows: list[dict], years: list[int], base_year: int, upper: str | None) -> dict:
    canonical = logic.org_canonical_deals(org["id"], deal_rows, years)
    targets = {logic.deal_upper(d) for d, _ in canonical}
    if upper is not None:
        targets &= {normalise_upper_org(upper)}
    org_people = q.list_people_of_org(org["id"])
    people = [p for p in org_people if normalise_upper_org(p["소속 상위 조직"]) in targets]
    people.sort(key=lambda p: (p["이름"] or "", p["id"]))
    deals = [d for d in deal_rows if logic.deal_org(d) == org["id"] and normalise_status(d["상태"]) != CONVERT
             and logic.deal_upper(d) in targets]
    deals.sort(key=logic.deal_order_key)
    details = q.list_deal_details([d["id"] for d in deals])
    groups: dict[tuple, dict] = {}

    def group(upper_org: str, team: str) -> dict:
        return groups.setdefault((upper_org, team), {"upper_org": upper_org, "team": team, "people": [], "deals": []})

    for p in people:
        obj = {**_person_obj(p), "webforms": logic.webform_dates(logic.submitted_forms(p["제출된 웹폼 목록"]),
                                                                 q.list_webform_history(p["id"])),
               "memos": memo_entries(q.list_person_memos(p["id"]))}
        group(obj["upper_org"], clean_text(p["팀(명함/메일서명)"]) or UNSET)["people"].append(obj)
    person_rows = {p["id"]: p for p in org_people}
    for d in deals:
        person = person_rows.get(d["p_id"]) or (q.get_person(d["p_id"]) if d["p_id"] else None)
        key = (logic.deal_upper(d), clean_text(d["p_팀(명함/메일서명)"]) or UNSET) if d["p_id"] else (UNSET, UNSET)
        group(*key)["deals"].append(_deal_obj(d, details.get(d["id"], {}), person))
    organization = {"id": org["id"], "name": org["이름"], "size": org["기업 규모"], "industry": org["업종"],
                    "industry_major": org["업종 구분(대)"], "industry_mid": org["업종 구분(중)"],
                    "memos": memo_entries(q.list_org_memos(org["id"]))}
    ordered = [groups[k] for k in sorted(groups)]
    return {"baseYear": base_year, "years": years, "organization": organization, "groups": ordered}


def _deal_obj(d: dict, detail: dict, person: dict | None) -> dict:
    status = normalise_status(d["상태"])
    return {"id": d["id"], "created_at": _date(d["created_at"]), "name": d["이름"], "team": detail.get("팀"),
            "owner": format_owner_names(owner_names(d["담당자"]), None),
            "status": status if status != "other" else clean_text(d["상태"]), "probability": d["성사 가능성"],
            "expected_date": _date(d["수주 예정일"]), "expected_amount": parse_krw(d["예상 체결액"]),
            "lost_confirmed_at": _date(d["lost_date"]), "lost_reason": detail.get("이탈 사유"),
            "course_format": d["과정포맷"], "category": detail.get("카테고리"), "contract_date": _date(d["계약 체결일"]),
            "amount": parse_krw(d["금액"]), "start_date": _date(detail.get("수강시작일")),
            "end_date": _date(detail.get("수강종료일")), "net_percent": detail.get("Net(%)"),
            "people": _person_obj(person) if person else None, "memos": memo_entries(q.list_deal_memos(d["id"]))}
