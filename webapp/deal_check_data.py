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
from webapp.queries import deal_check as q
from webapp.queries.deals import organization_names
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
    names, counts = organization_names(), q.memo_counts_by_deal()
    found = (dc.candidate_from_row(row, names, counts) for row in q.list_deals_with_people())
    return [c for c in found if c is not None]


@snapshot_cached
def _team_items(team_key: str, day, holidays: str, base_year: int, stamp: tuple) -> list[dict]:
    return dc.build_items(candidates(), roster(), team_key, day, holidays, base_year, won_book())


def team_items(team_key: str) -> tuple[list[dict], int]:
    """The team's sorted items (before filters) and the base year they were judged with."""
    roster()  # validates the file first: a broken roster is a RosterError (503), not a stat error
    year = current_base_year()
    items = _team_items(team_key, today(), current_app.config["HOLIDAYS"], year, roster_stamp())
    return items, year
