"""Per-deal fields that need a rule of their own in the report (23 §4). Everything shared with the dashboard
(status, dates, money, organisation, online formats, flags) comes from `domain/`."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from domain.money import parse_krw
from domain.text import as_text, is_blank

_NET_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_MILLION = Decimal(1_000_000)


def parse_net(raw: Any) -> tuple[int | None, str | None]:
    """(`netPpm`, `netText`): net% as millionths of one, or the trimmed raw text when it is invalid.

    Blank → (None, None). Trim, drop one trailing `%`, trim; a plain decimal only (`1,5`, `1e1`, `0x10`
    are invalid). 0…1 is a fraction already, (1, 100] is a percentage; anything else is invalid.
    """
    if is_blank(raw):
        return None, None
    original = as_text(raw).strip()
    text = original[:-1].strip() if original.endswith("%") else original
    if not _NET_NUMBER.match(text):
        return None, original
    value = Decimal(text)
    if value < 0 or value > 100:
        return None, original
    fraction = value if value <= 1 else value / 100
    return int((fraction * _MILLION).quantize(Decimal(1), rounding=ROUND_HALF_UP)), None


def parse_amount(raw: Any) -> tuple[int | None, str | None]:
    """(`amount`, `amountText`): integer KRW by the domain money rule, or the trimmed raw text when it is
    non-blank and unparseable (shown `무효(…)`)."""
    if is_blank(raw):
        return None, None
    amount = parse_krw(raw)
    return (amount, None) if amount is not None else (None, as_text(raw).strip())
