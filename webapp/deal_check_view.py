"""Display values of the deal-check table (20 §3.7), shared by the page and its CSV (cells = displayed text).

Rows are formatted once per (snapshot, team, day, roster) in the team cache, so a request only filters and
renders them.
"""
from __future__ import annotations

from urllib.parse import quote

from domain.dates import format_yymmdd, kst_date
from domain.deals import format_probability
from domain.money import format_eok
from domain.owners import format_owner_names
from domain.text import label_or_unset, normalise_upper_org
from webapp import deal_check as dc

MENU_LABELS = {
    ("edu-all", None): "교육 전체 딜체크", ("edu1", None): "교육 1팀 딜체크", ("edu1", "part1"): "교육 1팀 1파트 딜체크",
    ("edu1", "part2"): "교육 1팀 2파트 딜체크", ("edu2", None): "교육 2팀 딜체크", ("edu2", "part1"): "교육 2팀 1파트 딜체크",
    ("edu2", "part2"): "교육 2팀 2파트 딜체크", ("edu2", "online"): "교육 2팀 온라인셀 딜체크", ("public", None): "공공교육팀 딜체크",
}
COLUMNS = ("티어", "기업명", "소속 상위 조직", "팀(명함/메일서명)", "담당자", "딜 이름", "생성 날짜", "과정포맷", "기획", "파트",
           "담당 구성원", "가능성", "수주 예정일", "예상", "메모")
_CRM_PATHS = {"org": "contact/organization", "person": "contact/people", "deal": "deal"}


def planning_href(link: str | None) -> str | None:
    """An anchor only for http(s) links (case-insensitive); any other text stays plain `링크`."""
    if link and link.strip().lower().startswith(("http://", "https://")):
        return link.strip()
    return None


def _crm(base: str | None, kind: str, record_id: str | None) -> str | None:
    if not base or not record_id:
        return None
    return f"{base.rstrip('/')}/{_CRM_PATHS[kind]}/{quote(str(record_id), safe='')}"


def display_row(item: dict, labels: list, crm_base: str | None) -> dict:
    """The displayed text of every column, plus the links the page needs."""
    return {
        "티어": item["tier"], "기업명": item["orgName"], "소속 상위 조직": normalise_upper_org(item["upperOrg"]),
        "팀(명함/메일서명)": label_or_unset(item["teamSignature"]),
        "담당자": item["personName"] or item["personId"] or "-", "딜 이름": item["dealName"] or item["dealId"],
        "생성 날짜": format_yymmdd(kst_date(item["createdAt"])), "과정포맷": item["courseFormat"] or "-",
        "기획": "링크", "파트": dc.part_label(item["_owners"], labels), "담당 구성원": format_owner_names(item["owners"]),
        "가능성": format_probability(item["_labels"]), "수주 예정일": format_yymmdd(kst_date(item["expectedCloseDate"])),
        "예상": format_eok(item["expectedAmount"]), "메모": "메모 확인" if item["memoCount"] else "메모 없음",
        "plan_href": planning_href(item["planningSheetLink"]), "org_href": _crm(crm_base, "org", item["orgId"]),
        "person_href": _crm(crm_base, "person", item["personId"]), "deal_href": _crm(crm_base, "deal", item["dealId"]),
        "memo_url": f"/deals/{quote(item['dealId'], safe='')}/memos/modal" if item["memoCount"] else None,
        "id": item["dealId"],
    }


def csv_rows(sections: list[dict], section: str | None) -> tuple[list, list]:
    """One section (its own columns), or all six with a leading `섹션` column and 티어 on every row."""
    if section is not None:
        chosen = next(s for s in sections if s["key"] == section)
        columns = [c for c in COLUMNS if chosen["tier"] or c != "티어"]
        return columns, [[i["_row"][c] for c in columns] for i in chosen["rows"]]
    rows = [[s["title"], *(i["_row"][c] for c in COLUMNS)] for s in sections for i in s["rows"]]
    return ["섹션", *COLUMNS], rows
