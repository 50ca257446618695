"""Exact ratios, one rounding function and the report's text formats (23 §10).

Every figure is an integer in a fixed unit (tenths of %, hundredths of 억, tenths of pp) computed with
`domain.money.rdiv`, so Python and the page's BigInt code agree to the digit. Formatting never uses a locale.
"""
from __future__ import annotations

from domain.dates import format_kst_minutes, parse_when
from domain.money import eok_hundredths, format_eok_hundredths, rdiv

MISSING = "\u2014"  # —


def rate_tenths(n: int, d: int) -> int | None:
    """n / d in tenths of a percent; None when there is no denominator."""
    return rdiv(1000 * n, d) if d > 0 else None


def margin_tenths(ppm_sum: int, count: int) -> int | None:
    """The mean of `count` nets given as a sum of millionths, in tenths of a percent."""
    return rdiv(ppm_sum, 1000 * count) if count > 0 else None


def delta_rate_tenths(n1: int, d1: int, n2: int, d2: int) -> int | None:
    """n2/d2 − n1/d1 in tenths of a percentage point, exactly (not from the rounded cells)."""
    if d1 <= 0 or d2 <= 0:
        return None
    return rdiv(1000 * (n2 * d1 - n1 * d2), d1 * d2)


def delta_margin_tenths(s1: int, c1: int, s2: int, c2: int) -> int | None:
    if c1 <= 0 or c2 <= 0:
        return None
    return rdiv(s2 * c1 - s1 * c2, 1000 * c1 * c2)


def _sign(value: int, signed: bool) -> str:
    if value < 0:
        return "-"
    return "+" if signed and value > 0 else ""


def format_tenths(tenths: int | None, unit: str = "%", signed: bool = False) -> str:
    """`12.3%`, `-6.3pp`, `+16.7pp`, `0.0pp` (zero never signed); None → —."""
    if tenths is None:
        return MISSING
    t = abs(tenths)
    return f"{_sign(tenths, signed)}{t // 10:,}.{t % 10}{unit}"


def format_hundredths_eok(hundredths: int | None, signed: bool = False) -> str:
    """`1,234.57억`; None → — (the domain's 억 format with the report's missing mark)."""
    return format_eok_hundredths(hundredths, MISSING, signed)


def format_count(value: int | None, signed: bool = False) -> str:
    """`1,234`; signed: `+3`, `0`, `-3`; None → —."""
    if value is None:
        return MISSING
    return f"{_sign(value, signed)}{abs(value):,}"


def format_net(net_ppm: int | None, net_text: str | None) -> str:
    """A deal's net% in tabs 3 and 4: `30.0%`, `무효(150)`, or — when blank."""
    if net_ppm is not None:
        return format_tenths(rdiv(net_ppm, 1000))
    return f"무효({net_text})" if net_text is not None else MISSING


def format_amount(amount: int | None, amount_text: str | None) -> str:
    """A deal's amount: `1.50억`, `무효(미정)`, or —."""
    if amount is not None:
        return format_hundredths_eok(eok_hundredths(amount))
    return f"무효({amount_text})" if amount_text is not None else MISSING


def utf16_key(text: str) -> bytes:
    """The report's string order (23 §10.4): UTF-16 code units, as JavaScript's `<` compares."""
    return text.encode("utf-16-be")


def kst_minutes(value: str) -> str:
    """`YYYY-MM-DD HH:MM` in KST of an ISO time (header and mail times, 23 §10.3); unparseable → as given."""
    return format_kst_minutes(parse_when(value), missing=value)
