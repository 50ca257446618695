"""딜체크 pages (`/deal-check/<team>[/<part>]`), their CSV, the JSON API and the deal memo modal (20 §3, §5)."""
from __future__ import annotations

from flask import Blueprint, jsonify, make_response, render_template, request, url_for

from domain.deals import CONVERT, normalise_status
from domain.roster import Roster
from webapp import deal_check as dc
from webapp.csv_export import csv_response
from webapp.deal_check_data import roster, team_items
from webapp.deal_check_view import MENU_LABELS, csv_rows
from webapp.deal_lookup import deal_by_id
from webapp.errors import NotFound
from webapp.htmx import render_page_or_fragment, wants_fragment
from webapp.memo_render import memo_body, order_memos
from webapp.params import BadParameter, output_format
from webapp.queries import deal_check as q
from webapp.won import won_book

bp = Blueprint("deal_check", __name__)
api = Blueprint("deal_check_api", __name__, url_prefix="/api")


def parse_filters(ros: Roster, team_key: str, part: str | None) -> dict:
    """owner, prob, status of §3.5 against their whitelists (BadParameter → 400)."""
    owner = (request.args.get("owner") or "").strip()
    if owner and owner not in dc.owner_options(ros, team_key, part):
        raise BadParameter(f"Unknown owner for this menu: {owner}", f"이 메뉴의 구성원이 아닙니다: {owner}")
    prob = (request.args.get("prob") or "").strip()
    if prob and prob not in dc.PROBABILITIES:
        raise BadParameter(f"Unknown probability: {prob}", f"알 수 없는 성사 가능성입니다: {prob}")
    statuses = None
    if "status" in request.args:
        values = [v.strip() for raw in request.args.getlist("status") for v in raw.split(",") if v.strip()]
        for value in values:
            if value not in dc.STATUS_VALUES:
                raise BadParameter(f"Unknown status: {value}", f"알 수 없는 상태입니다: {value}")
        statuses = tuple(v for v in dc.STATUS_VALUES if v in values)
    return {"owner": owner or None, "prob": prob or None, "statuses": statuses}


def canonical_query(filters: dict) -> dict:
    """Query arguments of the canonical URL (defaults omitted)."""
    args = {}
    if filters["owner"]:
        args["owner"] = filters["owner"]
    if filters["prob"]:
        args["prob"] = filters["prob"]
    statuses = filters["statuses"]
    if statuses is not None and set(statuses) != set(dc.STATUS_VALUES):
        args["status"] = list(statuses) or [""]
    return args


def _menu(team: str, part: str | None, ros: Roster) -> tuple[str, str | None]:
    team_key = dc.TEAM_SLUGS.get(team)
    if team_key is None or (part is not None and part not in dc.team_parts(ros, team_key)):
        path = f"{team}/{part}" if part else team
        raise NotFound(f"Unknown teamKey: {team}", f"알 수 없는 딜체크 메뉴입니다: {path}")
    dc.team_units(ros, team_key)
    return team_key, part


def build(team_key: str, part: str | None, filters: dict, ros: Roster) -> dict:
    items, base_year = team_items(team_key)
    shown = dc.apply_filters(items, ros, team_key, part, filters["owner"], filters["prob"], filters["statuses"])
    sections = dc.sections(shown)
    org_ids = {i["orgId"] for i in shown if i["orgId"]}
    return {"items": shown, "sections": sections, "pill": dc.pill(sections), "base_year": base_year,
            "exclusions": won_book().exclusions_for(org_ids)}


def _resolved(team: str, part: str | None) -> tuple[Roster, str, str | None, dict, dict]:
    """(roster, team key, part, the URL's filters, the built deal check) of a menu URL."""
    ros = roster()
    team_key, part = _menu(team, part, ros)
    filters = parse_filters(ros, team_key, part)
    return ros, team_key, part, filters, build(team_key, part, filters, ros)


@bp.get("/deal-check/<team>", defaults={"part": None})
@bp.get("/deal-check/<team>/<part>")
def index(team: str, part: str | None):
    """Show a team's (or part's) deal check with the filters of the URL."""
    fmt = output_format(request.args.get("format"))
    ros, team_key, part, filters, result = _resolved(team, part)
    if fmt == "csv":
        section = request.args.get("section") or None
        if section is not None and section not in {s[0] for s in dc.SECTIONS}:
            raise BadParameter(f"Unknown section: {section}", f"알 수 없는 섹션입니다: {section}")
        header, rows = csv_rows(result["sections"], section)
        name = f"deal-check_{team}{'_' + part if part else ''}{'_' + section if section else ''}.csv"
        return csv_response(name, header, rows)
    context = {"menu_label": MENU_LABELS[(team, part)], "team": team, "part": part, "team_key": team_key,
               "filters": filters, "owner_options": dc.owner_options(ros, team_key, part),
               "probabilities": dc.PROBABILITIES,
               "canonical": url_for("deal_check.index", team=team, part=part, **canonical_query(filters)),
               "exclusions_url": url_for("deal_check.exclusions", team=team, part=part, **canonical_query(filters)),
               **result}
    if wants_fragment() and request.headers.get("HX-Target") == "dealcheck-result":
        response = make_response(render_template("deal_check/_result.html", **context))
        response.headers["HX-Push-Url"] = context["canonical"]
        return response
    return render_page_or_fragment("deal_check/index.html", "deal_check/_main.html", **context)


@bp.get("/deal-check/<team>/exclusions", defaults={"part": None})
@bp.get("/deal-check/<team>/<part>/exclusions")
def exclusions(team: str, part: str | None):
    """List the exclusions of the organisations shown under the current filters (loaded on demand)."""
    _ros, _team_key, part, filters, result = _resolved(team, part)
    back = url_for("deal_check.index", team=team, part=part, **canonical_query(filters))
    return render_page_or_fragment("deal_check/exclusions.html", "_exclusions_table.html",
                                   exclusions=result["exclusions"], menu_label=MENU_LABELS[(team, part)],
                                   back_url=back)


@bp.get("/deals/<deal_id>/memos/modal")
def deal_memos(deal_id: str):
    """Show a deal's memos in the modal (a full page when loaded directly)."""
    deal = deal_by_id(deal_id)
    if deal is None or normalise_status(deal["상태"]) == CONVERT:
        raise NotFound("Deal not found", "해당 딜을 찾을 수 없습니다.")
    memos = [{**m, "body": memo_body(m["text"], m["htmlBody"])} for m in order_memos(q.list_deal_memos(deal_id))]
    return render_page_or_fragment("modal_page.html", "memos/_deal_memos_modal.html", deal=deal, memos=memos,
                                   modal_template="memos/_deal_memos_modal.html",
                                   close_url=request.referrer or url_for("root.index"))


def _api_result(team_key: str):
    ros = roster()
    part = request.args.get("part") or None
    if part is not None and part not in dc.team_parts(ros, team_key):
        raise BadParameter(f"Unknown part for {team_key}: {part}")
    filters = parse_filters(ros, team_key, part)
    result = build(team_key, part, filters, ros)
    return jsonify({"baseYear": result["base_year"], "items": [dc.public_item(i) for i in result["items"]],
                    "exclusions": [e.to_json() for e in result["exclusions"]]})


@api.get("/deal-check/<team>")
def api_team(team: str):
    """Deal-check items of a team slug (edu-all, edu1, edu2, public)."""
    team_key = dc.TEAM_SLUGS.get(team)
    if team_key is None:
        raise NotFound(f"Unknown teamKey: {team}", f"알 수 없는 딜체크 메뉴입니다: {team}")
    return _api_result(team_key)


@api.get("/deal-check")
def api_query():
    """Deal-check items of `?team=<edu_all|edu1|edu2|public>`."""
    team_key = request.args.get("team")
    if not team_key:
        raise BadParameter("team is required")
    if team_key not in dc.TEAM_KEYS:
        raise BadParameter(f"Unknown teamKey: {team_key}")
    return _api_result(team_key)
