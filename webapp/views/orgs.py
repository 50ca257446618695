"""조직/People/Deal 뷰어 pages and fragments (20 §2.7); every pushed URL also renders as a full page."""
from __future__ import annotations

from flask import Blueprint, make_response, render_template, request, url_for

from domain.dates import format_iso, kst_date
from domain.text import label_or_unset, normalise_upper_org
from webapp import orgs as logic
from webapp.csv_export import csv_response
from webapp.errors import NotFound
from webapp.htmx import render_page_or_fragment, wants_fragment
from webapp.memo_render import memo_body
from webapp.org_data import (author_of, exclusion_rows_html, filtered_exclusions, org_csv_rows, org_or_404,
                              organizations, person_or_404)
from webapp.settings_today import current_base_year
from webapp.org_page import PanelState, deals_context, list_context, list_state, panel_context
from webapp.params import output_format
from webapp import snapshot_index
from webapp.queries import orgs as q

bp = Blueprint("orgs", __name__)


def _target() -> str | None:
    return request.headers.get("HX-Target") if wants_fragment() else None


def _pushed(body: str, url: str):
    response = make_response(body)
    response.headers["HX-Push-Url"] = url
    return response


def _list_args() -> dict:
    return {k: request.args[k] for k in ("size", "search", "page") if request.args.get(k)}


@bp.get("/orgs")
def index():
    """Show the organisation list (size, search, page)."""
    state = list_state(request.args)
    if output_format(request.args.get("format")) == "csv":
        year = current_base_year()
        header = ["회사명", "기업 규모", f"{year} Won(억)", "담당자"]
        return csv_response("orgs.csv", header, org_csv_rows(year, state.size, state.search))
    ctx = list_context(state)
    if _target() == "org-list":
        return _pushed(render_template("orgs/_org_list.html", **ctx), url_for("orgs.index", **state.args()))
    return render_page_or_fragment("orgs/index.html", "orgs/_main.html", panel=None, **ctx)


@bp.get("/orgs/won-exclusions")
def won_exclusions():
    """The exclusions of the listed organisations, then the Won deals of no organisation."""
    state = list_state(request.args)
    items = filtered_exclusions(current_base_year(), state.size, state.search)
    return render_page_or_fragment("orgs/exclusions.html", "_exclusions_table.html", exclusions=items,
                                   cached_rows=exclusion_rows_html(), back_url=url_for("orgs.index", **state.args()))


@bp.get("/orgs/<org_id>")
def panel(org_id: str):
    """Show one organisation: summary, won summary, memos, people (selections in the query)."""
    org_or_404(org_id)
    state = list_state(request.args)
    pctx = panel_context(org_id, request.args, state.args())
    if _target() == "org-panel":
        return _pushed(render_template("orgs/_org_panel.html", p=pctx), pctx["canonical"])
    return render_page_or_fragment("orgs/index.html", "orgs/_main.html", panel=pctx, **list_context(state))


@bp.get("/orgs/<org_id>/people")
def people(org_id: str):
    """Show the people section (upper, hasDeal, person, deal); CSV of the filtered people."""
    org_or_404(org_id)
    state = list_state(request.args)
    pctx = panel_context(org_id, request.args, state.args())
    if output_format(request.args.get("format")) == "csv":
        header = ["이름", "소속 상위 조직", "팀(명함/메일서명)", "직급(명함/메일서명)", "담당 교육 영역", "딜 수"]
        rows = [[p["name"] or p["id"], normalise_upper_org(p["upper_org"]), label_or_unset(p["team_signature"]),
                 label_or_unset(p["title_signature"]), label_or_unset(p["edu_area"]), p["deal_count"]]
                for p in pctx["people"]]
        return csv_response("people.csv", header, rows)
    if wants_fragment():
        return _pushed(render_template("orgs/_people.html", p=pctx), pctx["canonical"])
    return render_page_or_fragment("orgs/index.html", "orgs/_main.html", panel=pctx, **list_context(state))


@bp.get("/people/<person_id>/deals")
def person_deals(person_id: str):
    """Show a person's deals and the memo panes (the selected deal in `deal`); CSV of the deals."""
    person = person_or_404(person_id)
    org_id = person["organizationId"]
    if output_format(request.args.get("format")) == "csv":
        ctx = deals_context(person_id, PanelState(), auto=False)
        header = ["생성일", "이름", "상태", "금액(억)", "예상 체결액(억)", "계약 체결일", "담당자"]
        return csv_response("deals.csv", header, [[d["created"], d["name"] or d["id"], d["status"] or "-",
                                                   d["amount_text"], d["expected_text"], d["contract"],
                                                   d["owner_text"]] for d in ctx["deals"]])
    if org_id and org_id in organizations():
        args = {**request.args.to_dict(), "person": person_id}
        state = list_state(request.args)
        pctx = panel_context(org_id, args, state.args())
        if wants_fragment():
            return _pushed(render_template("orgs/_deals_pane.html", p=pctx), pctx["canonical"])
        return render_page_or_fragment("orgs/index.html", "orgs/_main.html", panel=pctx, **list_context(state))
    state = PanelState(person=person_id, deal=request.args.get("deal") or None)
    ctx = {**deals_context(person_id, state, auto=True), "pstate": state, "list_args": {}, "org": None}
    return render_page_or_fragment("orgs/person_page.html", "orgs/_deals_pane.html", p=ctx)


@bp.get("/memos/<memo_id>")
def memo(memo_id: str):
    """Show one memo in the modal (a full page when loaded directly)."""
    row = snapshot_index.memo(memo_id)
    if row is None:
        raise NotFound("Memo not found", "해당 메모를 찾을 수 없습니다.")
    ctx = {"memo": row, "date": format_iso(kst_date(row["createdAt"])), "body": memo_body(row["text"], row["htmlBody"]),
           "author": author_of(row["ownerId"]) or "-", "close_url": request.referrer or url_for("orgs.index"),
           "modal_template": "orgs/_memo_modal.html"}
    return render_page_or_fragment("modal_page.html", "orgs/_memo_modal.html", **ctx)


@bp.get("/people/<person_id>/webforms")
def webforms(person_id: str):
    """Show a person's web forms with their submission dates."""
    person = person_or_404(person_id)
    items = logic.webform_dates(logic.submitted_forms(person["제출된 웹폼 목록"]), q.list_webform_history(person_id))
    rows = [(d, i["name"]) for i in items for d in (i["date"] if isinstance(i["date"], list) else [i["date"]])]
    ctx = {"person": person, "rows": rows, "close_url": request.referrer or url_for("orgs.index"),
           "modal_template": "orgs/_webforms_modal.html"}
    return render_page_or_fragment("modal_page.html", "orgs/_webforms_modal.html", **ctx)
