"""Per-request "today" and base year from the settings (TODAY, BASE_YEAR) and the injectable clock."""
from __future__ import annotations

from datetime import date

from flask import current_app

from domain.dates import base_year, today_kst
from webapp.freshness import utc_now


def today() -> date:
    return today_kst(current_app.config.get("TODAY"), current_app.config.get("CLOCK", utc_now)())


def current_base_year() -> int:
    return base_year(today(), current_app.config.get("BASE_YEAR"))
