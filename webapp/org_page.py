"""Contexts of the org viewer's pages and fragments (20 §2): list state, panel, people, deals, memos.

Every selection is a query parameter; `canonical_url()` gives the full-page URL (defaults omitted,
auto-selections included) that fragments push with HX-Push-Url.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from flask import url_for

from domain.dates import format_iso, kst_date
from domain.money import format_eok
from domain.text import normalise_upper_org
from webapp import org_params as params
from webapp import orgs as logic
from webapp import snapshot_index as index
from webapp.caching import snapshot_cached
from webapp.deal_check_data import roster, roster_stamp
from webapp.memo_render import preview
from webapp.org_data import (filtered_exclusion_count, filtered_orgs, memo_items, org_or_404, org_people_items,
                              size_options, won_summary_items)
from webapp.params import BadParameter, page_number
from webapp.people_rows import escaped_person
from webapp.queries import orgs as q
from webapp.settings_today import current_base_year
from webapp.won import won_book


@dataclass
class ListState:
    size: str
    search: str
    page: int
    switched: bool = False

    def args(self) -> dict:
        return {k: v for k, v in (("size", self.size), ("search", self.search or None),
                                  ("page", self.page if self.page != 1 else None)) if v is not None}


@dataclass
class PanelState:
    upper: str | None = None
    has_deal: bool | None = None
    person: str | None = None
    deal: str | None = None
    extra: dict = field(default_factory=dict)

    def args(self) -> dict:
        out = {"upper": self.upper, "hasDeal": None if self.has_deal is None else str(self.has_deal).lower(),
               "person": self.person, "deal": self.deal}
        return {k: v for k, v in out.items() if v is not None}


def default_size() -> str:
    return "대기업" if "대기업" in size_options() else "전체"


def list_state(args) -> ListState:
    return ListState(params.size(args.get("size"), size_options(), default_size()), params.search(args.get("search")),
                     page_number(args.get("page")))


def list_context(state: ListState) -> dict:
    year = current_base_year()
    rows = filtered_orgs(year, state.size, state.search)
    if not rows and state.size != "전체" and not state.search:
        state.size, state.switched = "전체", True
        rows = filtered_orgs(year, "전체", "")
    page_rows, pages = logic.page_of(rows, state.page)
    page_rows = page_display_rows(year, state.size, state.search, state.page)
    query = urlencode(state.args())
    panel_links = {r["id"]: f"/orgs/{quote(r['id'], safe='')}" + (f"?{query}" if query else "") for r in page_rows}
    excluded = filtered_exclusion_count(year, state.size, state.search)
    return {"state": state, "rows": page_rows, "panel_links": panel_links, "total": len(rows), "pages": pages, "base_year": year,
            "sizes": size_options(), "exclusion_count": excluded, "no_org_count": len(won_book().no_organization)}


@snapshot_cached
def page_display_rows(base_year: int, size: str, search: str, page: int) -> list[dict]:
    """The rows of one list page with their parsed owner/team fields."""
    rows, _ = logic.page_of(filtered_orgs(base_year, size, search), page)
    return [{**r, **logic.org_display(r)} for r in rows]


def panel_state(args, org_id: str, people: list[dict], upper_options: list[str]) -> PanelState:
    upper = args.get("upper") or None
    if upper is not None and upper not in upper_options:
        raise BadParameter(f"Unknown upper org: {upper}", f"알 수 없는 상위 조직입니다: {upper}")
    state = PanelState(upper=upper, has_deal=params.has_deal(args.get("hasDeal")), person=args.get("person") or None,
                       deal=args.get("deal") or None)
    if state.person is not None and state.person not in {p["id"] for p in people}:
        raise BadParameter(f"Not a person of this organization: {state.person}",
                           f"이 회사의 사람이 아닙니다: {state.person}")
    return state


def filtered_people(people: list[dict], state: PanelState) -> list[dict]:
    rows = [p for p in people if state.upper is None or normalise_upper_org(p["upper_org"]) == state.upper]
    if state.has_deal is not None:
        rows = [p for p in rows if (p["deal_count"] > 0) == state.has_deal]
    return rows


@snapshot_cached
def panel_data(org_id: str, base_year: int, roster_key: tuple) -> dict:
    """The selection-independent part of an organisation's panel, cached per snapshot, year and roster."""
    org = org_or_404(org_id)
    years = [base_year - 2, base_year - 1, base_year]
    summary = [dict(item) for item in won_summary_items(org_id, base_year)]
    ros = roster()
    for item in summary:
        item["team_part"], item["dri"] = logic.team_and_dri(item["ownersBase"], ros)
    forms = {row["id"]: bool(logic.submitted_forms(row["제출된 웹폼 목록"])) for row in q.list_people_of_org(org_id)}
    people = []
    for item in org_people_items(org_id):
        item = {**item, "has_forms": forms.get(item["id"], False)}
        item["_esc"] = escaped_person(item)
        people.append(item)
    listed = logic.listed_org_rows([org], {org["id"]}, set(), won_book(), base_year)[0]
    listed.update(logic.org_display(listed))
    team = [t.get("name") for t in listed["team"] if isinstance(t, dict) and t.get("name")]
    return {"org": org, "org_row": listed, "team_names": ", ".join(team) or "-", "base_year": base_year,
            "years": years, "summary": summary, "exclusions": won_book().exclusions_for([org_id]),
            "org_memos": memo_rows(q.list_org_memos(org_id), 140), "all_people": people,
            "upper_options": sorted({normalise_upper_org(p["upper_org"]) for p in people}
                                    | {s["upper_org"] for s in summary})}


def panel_context(org_id: str, args, list_args: dict) -> dict:
    """Everything the organisation panel and its people section show, for the selections in `args`."""
    org_or_404(org_id)
    data = panel_data(org_id, current_base_year(), roster_stamp())
    state = panel_state(args, org_id, data["all_people"], data["upper_options"])
    shown = filtered_people(data["all_people"], state)
    if state.person not in {p["id"] for p in shown}:
        state.person = state.deal = None
    if args.get("auto") == "1" and state.person is None and shown:
        state.person = shown[0]["id"]
    deals_ctx = deals_context(state.person, state, auto=args.get("auto") == "1" or "person" in args)
    people_links = _links(url_for("orgs.people", org_id=org_id), url_for("orgs.panel", org_id=org_id),
                          {**list_args, **state.args()}, "person", [p["id"] for p in shown], drop=("deal",))
    return {**data, "people": shown, "people_links": people_links, "pstate": state, "list_args": list_args,
            **deals_ctx, "canonical": url_for("orgs.panel", org_id=org_id, **list_args, **state.args())}


def _links(fragment_path: str, page_path: str, args: dict, key: str, ids: list[str], drop=()) -> dict[str, tuple]:
    """id → (fragment URL, page URL) with `key=id` set: one urlencode for the shared part, not one url_for per row
    (an organisation can list hundreds of people)."""
    shared = urlencode({k: v for k, v in args.items() if k != key and k not in drop})
    prefix = f"{shared}&" if shared else ""
    links = {}
    for i in ids:
        tail = f"{prefix}{key}={quote(i, safe='')}"
        links[i] = (f"{fragment_path}?{tail}", f"{page_path}?{tail}")
    return links


def deals_context(person_id: str | None, state: PanelState, auto: bool) -> dict:
    """The selected person's deals and memo panes; the first deal is selected automatically."""
    if person_id is None:
        return {"person": None, "deals": [], "person_memos": [], "deal_memos": [], "selected_deal": None}
    deals = logic.person_deals(index.counted_deals_by_person().get(person_id, []))
    if state.deal is not None and state.deal not in {d["id"] for d in deals}:
        raise BadParameter(f"Not a deal of this person: {state.deal}", f"이 사람의 딜이 아닙니다: {state.deal}")
    if state.deal is None and auto and deals:
        state.deal = deals[0]["id"]
    return {"person": index.person(person_id), "deals": [deal_row(d) for d in deals],
            "person_memos": memo_rows(q.list_person_memos(person_id), 120),
            "deal_memos": memo_rows(q.list_deal_memos(state.deal), 120) if state.deal else [],
            "selected_deal": state.deal}


def deal_row(d: dict) -> dict:
    return {**d, "created": format_iso(kst_date(d["created_at"])), "amount_text": format_eok(d["amount"]),
            "expected_text": format_eok(d["expected_amount"]), "contract": format_iso(kst_date(d["contract_date"])),
            "owner_text": d["ownerName"] or "-"}


def memo_rows(rows: list[dict], length: int) -> list[dict]:
    return [{**m, "date": format_iso(kst_date(m["createdAt"])), "author": m["ownerName"] or m["ownerId"] or "-",
             "preview": preview(m["text"], m["htmlBody"], length), "full": preview(m["text"], m["htmlBody"], 10**6)}
            for m in memo_items(rows)]
