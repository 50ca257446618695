"""Loading and caching for the deal check: candidates per snapshot, team items per (snapshot, roster, today).

The window depends on today and the holiday setting, the sections on the base year, and the owner gate on
the roster file — all of them are part of the cache key, so a roster edit or a new day is picked up at once.
"""
from __future__ import annotations

import os

from flask import current_app

from domain.roster import Roster, load_roster_cached
from webapp import deal_check as dc
from webapp.caching import snapshot_cached
from webapp.deal_check_rows import row_markup
from webapp.deal_check_view import display_row
from webapp.queries import deal_check as q
from webapp.deal_rows import deal_rows, org_names
from webapp.settings_today import current_base_year, today
from webapp.won import won_book


def roster() -> Roster:
    return load_roster_cached(current_app.config["ROSTER_PATH"])


def roster_stamp() -> tuple:
    path = current_app.config["ROSTER_PATH"]
    st = os.stat(path)
    return (os.path.realpath(path), st.st_mtime_ns, st.st_size)


@snapshot_cached
def candidates() -> list[dc.Candidate]:
    names, counts = org_names(), q.memo_counts_by_deal()
    found = (dc.candidate_from_row(row, names, counts) for row in deal_rows())
    return [c for c in found if c is not None]


@snapshot_cached
def _team_items(team_key: str, day, holidays: str, base_year: int, stamp: tuple, crm_base: str | None) -> list[dict]:
    """Sorted items with their display row (`_row`) formatted once."""
    ros = roster()
    items = dc.build_items(candidates(), ros, team_key, day, holidays, base_year, won_book())
    labels = dc.unit_labels(ros, team_key)
    with_tier = {key for key, _, tier in dc.SECTIONS if tier}
    for item in items:
        item["_public"] = dc.public_item(item)
        item["_row"] = display_row(item, labels, crm_base)
        item["_html"] = row_markup(item["_row"], item["section"] in with_tier)
    return items


def team_items(team_key: str) -> tuple[list[dict], int]:
    """The team's sorted items (before filters) and the base year they were judged with."""
    roster()  # validates the file first: a broken roster is a RosterError (503), not a stat error
    year = current_base_year()
    items = _team_items(team_key, today(), current_app.config["HOLIDAYS"], year, roster_stamp(),
                        current_app.config.get("CRM_BASE_URL"))
    return items, year
