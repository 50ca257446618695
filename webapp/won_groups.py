"""`GET /api/orgs/<id>/won-groups-json` (20 §5): an organisation's Won groups with people, deals and memos.

Memos pass the form-memo cleaner (phone numbers always redacted); web-form ids never appear. Memos and
web-form history are read in batches (one query per kind, chunked IN lists over indexed columns), and the
result is cached per snapshot, organisation, year and upper org.
"""
from __future__ import annotations

from domain.dates import format_iso, kst_date
from domain.deals import CONVERT, normalise_status, status_text
from domain.money import parse_krw
from domain.owners import format_owner_names, owner_names
from domain.text import UNSET, clean_text, normalise_upper_org
from webapp import orgs as logic
from webapp import snapshot_index as index
from webapp.caching import snapshot_cached
from webapp.form_memo import DROP, clean_form_memo, redact_phones
from webapp.memo_render import order_memos
from webapp.org_data import org_or_404
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


@snapshot_cached
def cached(org_id: str, years: list[int], base_year: int, upper: str | None) -> dict:
    return build(org_or_404(org_id), index.deals_by_org().get(org_id, []), years, base_year, upper)


def build(org: dict, org_deals: list[dict], years: list[int], base_year: int, upper: str | None) -> dict:
    canonical = logic.org_canonical_deals(org["id"], org_deals, years)
    targets = {logic.deal_upper(d) for d, _ in canonical}
    if upper is not None:
        targets &= {upper}
    org_people = q.list_people_of_org(org["id"])
    people = sorted((p for p in org_people if normalise_upper_org(p["소속 상위 조직"]) in targets),
                    key=lambda p: (p["이름"] or "", p["id"]))
    deals = sorted((d for d in org_deals if normalise_status(d["상태"]) != CONVERT and logic.deal_upper(d) in targets),
                   key=logic.deal_order_key)
    person_rows = {p["id"]: p for p in org_people}
    others = [d["p_id"] for d in deals if d["p_id"] and d["p_id"] not in person_rows]
    person_rows.update(q.list_people_by_ids(others, index.rowids("people")))
    details = q.list_deal_details([d["id"] for d in deals])
    person_memos = q.memos_by("peopleId", [p["id"] for p in people], deal_blank=True)
    deal_memos = q.memos_by("dealId", [d["id"] for d in deals])
    history = q.webform_history_by_person([p["id"] for p in people])
    groups: dict[tuple, dict] = {}

    def group(upper_org: str, team: str) -> dict:
        return groups.setdefault((upper_org, team), {"upper_org": upper_org, "team": team, "people": [], "deals": []})

    for p in people:
        obj = {**_person_obj(p), "webforms": logic.webform_dates(logic.submitted_forms(p["제출된 웹폼 목록"]),
                                                                 history.get(p["id"], [])),
               "memos": memo_entries(person_memos.get(p["id"], []))}
        group(obj["upper_org"], clean_text(p["팀(명함/메일서명)"]) or UNSET)["people"].append(obj)
    for d in deals:
        person = person_rows.get(d["p_id"]) if d["p_id"] else None
        key = (logic.deal_upper(d), clean_text(d["p_팀(명함/메일서명)"]) or UNSET) if d["p_id"] else (UNSET, UNSET)
        group(*key)["deals"].append(_deal_obj(d, details.get(d["id"], {}), person, deal_memos.get(d["id"], [])))
    organization = {"id": org["id"], "name": org["이름"], "size": org["기업 규모"], "industry": org["업종"],
                    "industry_major": org["업종 구분(대)"], "industry_mid": org["업종 구분(중)"],
                    "memos": memo_entries(q.list_org_memos(org["id"]))}
    return {"baseYear": base_year, "years": years, "organization": organization,
            "groups": [groups[k] for k in sorted(groups)]}


def _deal_obj(d: dict, detail: dict, person: dict | None, memos: list[dict]) -> dict:
    return {"id": d["id"], "created_at": _date(d["created_at"]), "name": d["이름"], "team": detail.get("팀"),
            "owner": format_owner_names(owner_names(d["담당자"]), None),
            "status": status_text(d["상태"]), "probability": d["성사 가능성"],
            "expected_date": _date(d["수주 예정일"]), "expected_amount": parse_krw(d["예상 체결액"]),
            "lost_confirmed_at": _date(d["lost_date"]), "lost_reason": detail.get("이탈 사유"),
            "course_format": d["과정포맷"], "category": detail.get("카테고리"), "contract_date": _date(d["계약 체결일"]),
            "amount": parse_krw(d["금액"]), "start_date": _date(detail.get("수강시작일")),
            "end_date": _date(detail.get("수강종료일")), "net_percent": detail.get("Net(%)"),
            "people": _person_obj(person) if person else None, "memos": memo_entries(memos)}
