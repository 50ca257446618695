"""JSON API of the org viewer (20 §5). Same loaders and rules as the pages."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from domain.deals import CONVERT, normalise_status
from domain.text import normalise_upper_org
from webapp import org_params as params
from webapp import orgs as logic
from webapp import won_groups
from webapp import snapshot_index as index
from webapp.deal_lookup import deal_by_id
from webapp.errors import NotFound
from webapp.org_data import (filtered_exclusion_count, filtered_orgs, org_people_items, won_summary_items, memo_items, org_or_404, person_or_404,
                             size_options)
from webapp.queries import orgs as q
from webapp.settings_today import current_base_year
from webapp.won import won_book

bp = Blueprint("api_orgs", __name__, url_prefix="/api")


def listed_years(base_year: int) -> list[int]:
    return [base_year - 2, base_year - 1, base_year]


@bp.get("/sizes")
def sizes():
    """Distinct organisation sizes."""
    return jsonify({"sizes": size_options()})


@bp.get("/orgs")
def orgs():
    """Listed organisations by base-year won revenue, with exclusion counts."""
    size = params.size(request.args.get("size"), size_options(), "전체")
    search = params.search(request.args.get("search"))
    limit = params.int_range(request.args.get("limit"), "limit", 1, 500, 200)
    offset = params.int_range(request.args.get("offset"), "offset", 0, None, 0)
    year = current_base_year()
    rows = filtered_orgs(year, size, search)
    no_org = len(won_book().no_organization)
    return jsonify({"baseYear": year, "items": [logic.public_org(r) for r in rows[offset:offset + limit]],
                    "total": len(rows), "exclusionCount": filtered_exclusion_count(year, size, search) - no_org,
                    "noOrganizationCount": no_org})


@bp.get("/orgs/<org_id>")
def org(org_id: str):
    """One organisation."""
    o = org_or_404(org_id)
    row = logic.public_org(logic.listed_org_rows([o], {o["id"]}, set(), won_book(), current_base_year())[0])
    return jsonify({"item": {k: row[k] for k in ("id", "name", "size", "team", "owner")}})


@bp.get("/orgs/<org_id>/people")
def org_people(org_id: str):
    """The organisation's people ordered by name, then id; `hasDeal` filters by deal count."""
    org_or_404(org_id)
    wanted = params.has_deal(request.args.get("hasDeal"))
    items = org_people_items(org_id)
    if wanted is not None:
        items = [i for i in items if (i["deal_count"] > 0) == wanted]
    return jsonify({"items": items})


def _limit(default: int) -> int:
    return params.int_range(request.args.get("limit"), "limit", 1, 500, default)


@bp.get("/orgs/<org_id>/memos")
def org_memos(org_id: str):
    """Organisation-only memos, newest first."""
    org_or_404(org_id)
    return jsonify({"items": memo_items(q.list_org_memos(org_id))[:_limit(100)]})


@bp.get("/people/<person_id>/deals")
def person_deals(person_id: str):
    """A person's non-Convert deals (contract date desc, created desc, id)."""
    person_or_404(person_id)
    return jsonify({"items": logic.person_deals(index.counted_deals_by_person().get(person_id, []))})


@bp.get("/people/<person_id>/memos")
def person_memos(person_id: str):
    """A person's memos that are not on a deal."""
    person_or_404(person_id)
    return jsonify({"items": memo_items(q.list_person_memos(person_id))[:_limit(200)]})


def deal_or_404(deal_id: str) -> dict:
    deal = deal_by_id(deal_id)
    if deal is None or normalise_status(deal["상태"]) == CONVERT:
        raise NotFound("Deal not found", "해당 딜을 찾을 수 없습니다.")
    return deal


@bp.get("/deals/<deal_id>/memos")
def deal_memos(deal_id: str):
    """A deal's memos."""
    deal_or_404(deal_id)
    return jsonify({"items": memo_items(q.list_deal_memos(deal_id))[:_limit(200)]})


@bp.get("/orgs/<org_id>/won-summary")
def won_summary(org_id: str):
    """Won revenue by upper org over BASE_YEAR−2 … BASE_YEAR, with the organisation's exclusions."""
    org_or_404(org_id)
    year = current_base_year()
    return jsonify({"baseYear": year, "years": listed_years(year), "items": won_summary_items(org_id, year),
                    "exclusions": [e.to_json() for e in won_book().exclusions_for([org_id])]})


@bp.get("/orgs/<org_id>/won-groups-json")
def won_groups_json(org_id: str):
    """Won groups (upper org, customer team) with people, deals and cleaned memos."""
    org_or_404(org_id)
    upper = params.upper_json(request.args.get("upper"))
    year = current_base_year()
    body = won_groups.cached(org_id, listed_years(year), year, normalise_upper_org(upper) if upper is not None else None)
    return jsonify(body)
