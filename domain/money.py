"""Money as integer KRW (00_PRODUCT.md §5).

Cells hold `"24000"`, `"24000.0"`, `"1,000"`, `"1,000원"`, `"1.0e+20"` (SQLite's float text) or blank.
Strip whitespace, commas and one trailing `원`, parse exactly (Decimal, never float), round half-up
(halves away from zero, Python's ROUND_HALF_UP; the KPI report's rdiv agrees) to integer KRW.
`1.5억`, `₩12,000,000`, `1억 2천만` are unparseable: None, and the caller counts them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from domain.text import as_text, is_blank

EOK = 100_000_000  # 억
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_SPACES = re.compile(r"\s+")


def parse_krw(value: Any) -> int | None:
    """Integer KRW, or None when blank or unparseable."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return _parse_text(as_text(value))


@lru_cache(maxsize=1 << 16)
def _parse_text(raw: str) -> int | None:
    """Memoised: amounts recur across rows."""
    text = _SPACES.sub("", raw).replace(",", "")
    if text.endswith("원"):
        text = text[:-1]
    if not _NUMBER.match(text):
        return None
    try:
        return int(Decimal(text).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, OverflowError):
        return None


def is_unparseable_krw(value: Any) -> bool:
    """Not blank, yet not money: the case the screens count as an error."""
    return not is_blank(value) and parse_krw(value) is None


def rdiv(n: int, d: int) -> int:
    """n / d rounded half away from zero, in integers (23_kpi_report §10.1)."""
    if d <= 0:
        raise ValueError("rdiv needs a positive divisor")
    q = (2 * abs(n) + d) // (2 * d)
    return q if n >= 0 else -q


def _group(n: int) -> str:
    return f"{n:,}"


def eok_hundredths(krw: int) -> int:
    """KRW in hundredths of 억, half-up."""
    return rdiv(krw, EOK // 100)


def format_eok_hundredths(h: int | None, missing: str = "-", signed: bool = False) -> str:
    """`1,234.57억` from hundredths of 억; signed: `+0.43억`, zero unsigned; None → `missing`."""
    if h is None:
        return missing
    sign = "-" if h < 0 else ("+" if signed and h > 0 else "")
    return f"{sign}{_group(abs(h) // 100)}.{abs(h) % 100:02d}억"


def format_eok(krw: int | None, missing: str = "-") -> str:
    """`1.25억`: hundredths of 억, half-up; None → `missing`."""
    return missing if krw is None else format_eok_hundredths(eok_hundredths(krw))


def format_won(krw: int | None, missing: str = "-") -> str:
    """`1,234,000원`; None → `missing`."""
    return missing if krw is None else f"{_group(krw)}원"
