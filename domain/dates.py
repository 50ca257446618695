"""KST calendar dates, "today" and the base year (00_PRODUCT.md §5).

Every date or timestamp text is parsed, converted to Asia/Seoul, and the KST calendar date is what every
year/month/day rule uses. Date-only CRM fields arrive as the previous UTC day at T15:00:00.000Z, which is
KST midnight of the real day; never take a year from the first four characters of the raw text.
Asia/Seoul has been UTC+09:00 without daylight saving since 1988, so a fixed offset is exact for the
snapshot's years and needs no tz database (docs/decisions.md).
"""
from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from typing import Any

from domain.text import as_text

KST = timezone(timedelta(hours=9), "KST")

# 2025-03-10, 2025-3-1, with an optional time (T or space) and an optional zone (Z or ±HH:MM / ±HHMM).
_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?)?$"
)
_DOTTED = re.compile(r"^(\d{4})([./])(\d{1,2})\2(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _zone(text: str | None):
    if text is None:
        return KST  # 00_PRODUCT §5: timestamps without a zone are KST
    if text in ("Z", "z"):
        return timezone.utc
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_when(value: Any) -> datetime | None:
    """An aware datetime for any accepted spelling, or None when blank or unparseable."""
    text = as_text(value)
    if text is None:
        return None
    return _parse_text(text.strip())


@lru_cache(maxsize=1 << 16)
def _parse_text(text: str) -> datetime | None:
    """Memoised: the same date texts recur across thousands of rows (datetimes are immutable)."""
    try:
        m = _ISO.match(text)
        if m:
            y, mo, d, hh, mm, ss, frac, zone = m.groups()
            micro = int((frac or "0")[:6].ljust(6, "0"))
            return datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0),
                            micro, tzinfo=_zone(zone))
        m = _DOTTED.match(text)
        if m:
            return datetime(int(m[1]), int(m[3]), int(m[4]), tzinfo=KST)
        m = _COMPACT.match(text)
        if m:
            return datetime(int(m[1]), int(m[2]), int(m[3]), tzinfo=KST)
    except ValueError:  # 2026-02-30, 25:00 …
        return None
    return None


def kst_date(value: Any) -> date | None:
    """The KST calendar date of a cell, or None (blank or unparseable)."""
    when = parse_when(value)
    return None if when is None else when.astimezone(KST).date()


def kst_year(value: Any) -> int | None:
    d = kst_date(value)
    return None if d is None else d.year


def format_iso(d: date | None, missing: str = "-") -> str:
    """`YYYY-MM-DD` (org viewer, KPI report); `missing` when None."""
    return missing if d is None else d.isoformat()


def format_kst_minutes(when: datetime | None, missing: str = "-") -> str:
    """`YYYY-MM-DD HH:MM` in Asia/Seoul (the dashboard's times, the KPI report's header and mail)."""
    return missing if when is None else when.astimezone(KST).strftime("%Y-%m-%d %H:%M")


def format_yymmdd(d: date | None, missing: str = "-") -> str:
    """`YYMMDD` (deal check)."""
    return missing if d is None else d.strftime("%y%m%d")


def parse_today_setting(text: str | None) -> date | None:
    """Validate `TODAY` (YYYY-MM-DD). Blank → None (use the clock); bad → ValueError with a clear message."""
    if text is None or text.strip() == "":
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    try:
        if not m:
            raise ValueError
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueError(f"TODAY must be a date YYYY-MM-DD, got {text!r}") from None


def today_kst(override: date | None = None, now: datetime | None = None) -> date:
    """Today in Asia/Seoul; `override` (the TODAY setting) wins. `now` is an injectable clock."""
    if override is not None:
        return override
    current = now if now is not None else datetime.now(timezone.utc)
    if current.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return current.astimezone(KST).date()


def parse_base_year_setting(text: str | None) -> int | None:
    """Validate `BASE_YEAR`: blank → None (default), else an integer year 2000–2100."""
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip()
    if not re.fullmatch(r"\d{4}", raw) or not 2000 <= int(raw) <= 2100:
        raise ValueError(f"BASE_YEAR must be a year between 2000 and 2100, got {text!r}")
    return int(raw)


def base_year(today: date, setting: int | None = None) -> int:
    """The year the dashboard ranks by: BASE_YEAR, default today's year − 1."""
    return setting if setting is not None else today.year - 1
