"""Business days with Korean public holidays and the deal-check window (00_PRODUCT.md §5).

A business day is Monday–Friday minus the public holidays of the `holidays` package (country KR; the
version is pinned because its calendar changes between releases). `HOLIDAYS=none` turns holidays off.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib

HOLIDAY_SETTINGS = ("KR", "none")
DEAL_CHECK_WINDOW_BUSINESS_DAYS = 10


def parse_holidays_setting(text: str | None) -> str:
    """Validate `HOLIDAYS`: `KR` (default) or `none`."""
    if text is None or text.strip() == "":
        return "KR"
    if text.strip() not in HOLIDAY_SETTINGS:
        raise ValueError(f"HOLIDAYS must be 'KR' or 'none', got {text!r}")
    return text.strip()


@lru_cache(maxsize=64)
def _korean_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays_lib.country_holidays("KR", years=[year]).keys())


def is_holiday(day: date, setting: str = "KR") -> bool:
    return setting == "KR" and day in _korean_holidays(day.year)


def is_business_day(day: date, setting: str = "KR") -> bool:
    return day.weekday() < 5 and not is_holiday(day, setting)


def business_day_before(day: date, setting: str = "KR") -> date:
    """The nearest business day strictly before `day`."""
    current = day - timedelta(days=1)
    while not is_business_day(current, setting):
        current -= timedelta(days=1)
    return current


def window_start(today: date, setting: str = "KR",
                 business_days: int = DEAL_CHECK_WINDOW_BUSINESS_DAYS) -> date:
    """The n-th business day before today, counting back from yesterday (today is never counted)."""
    current = today
    for _ in range(business_days):
        current = business_day_before(current, setting)
    return current


def in_window(day: date | None, today: date, setting: str = "KR") -> bool:
    """window_start ≤ day ≤ today (calendar dates, both ends inclusive)."""
    return day is not None and window_start(today, setting) <= day <= today
