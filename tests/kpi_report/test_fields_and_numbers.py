"""23_kpi_report.md Example 8 (parsing and formatting) and §10 properties."""
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.dates import kst_date
from domain.deals import canonical_format, is_false_like, is_online
from domain.orgs import org_key, parse_existing_orgs
from domain.deals import status_text
from kpi_report.fields import parse_amount, parse_net
from kpi_report.numbers import (MISSING, delta_rate_tenths, eok_hundredths, format_amount, format_count,
                                format_hundredths_eok, format_net, format_tenths, margin_tenths, rate_tenths,
                                utf16_key)


@pytest.mark.parametrize("raw, ppm, text", [
    ("30", 300000, "30.0%"), ("0.25", 250000, "25.0%"), ("1", 1000000, "100.0%"), ("61.0", 610000, "61.0%"),
    ("50%", 500000, "50.0%"), ("50 %", 500000, "50.0%"), ("33.3333333", 333333, "33.3%"), ("0", 0, "0.0%"),
    ("150", None, "무효(150)"), ("-5", None, "무효(-5)"), ("%", None, "무효(%)"), ("1,5", None, "무효(1,5)"),
    ("0x10", None, "무효(0x10)"), ("1e1", None, "무효(1e1)"),
    ("", None, MISSING), (" ", None, MISSING), ("-", None, MISSING), ("—", None, MISSING), (None, None, MISSING),
])
def test_net_percent(raw, ppm, text):
    net_ppm, net_text = parse_net(raw)
    assert net_ppm == ppm and format_net(net_ppm, net_text) == text
    assert (net_text is None) == (ppm is not None or text == MISSING)


@pytest.mark.parametrize("raw, amount, text", [
    ("100,000,000", 100000000, "1.00억"), ("150000000.0", 150000000, "1.50억"), ("5,000,000원", 5000000, "0.05억"),
    (" 1 000 원", 1000, "0.00억"), ("24000.5", 24001, "0.00억"), ("12,500,000", 12500000, "0.13억"),
    ("12,499,999", 12499999, "0.12억"), ("123456789012", 123456789012, "1,234.57억"),
    ("미정", None, "무효(미정)"), ("1.5억", None, "무효(1.5억)"), ("", None, MISSING), ("-", None, MISSING),
    (None, None, MISSING),
])
def test_amount(raw, amount, text):
    value, invalid = parse_amount(raw)
    assert value == amount and format_amount(value, invalid) == text


@pytest.mark.parametrize("raw, status", [
    ("Won", "Won"), (" Won ", "Won"), ("won", "won"), ("WON", "WON"), ("Lost", "Lost"), ("LOST", "Lost"),
    ("SQL", "SQL"), ("Convert", "Convert"), (" Convert ", "Convert"), ("convert", "convert"), ("보류", "보류"),
    (None, None), ("", None), ("-", None),
])
def test_status_text(raw, status):
    assert status_text(raw) == status


@pytest.mark.parametrize("name, key", [
    ("㈜알파", "알파"), ("(주) 알파", "알파"), ("알파 주식회사", "알파"), ("델타 (주)", "델타"),
    ("Alpha Co., Ltd.", "alphacoltd"), ("알파-코리아_주식회사", "알파코리아"), ("(주)", ""), (None, ""),
])
def test_org_key(name, key):
    assert org_key(name) == key


def test_existing_orgs_lines():
    text = "  (주)알파  \r\n# 2025 평가용\n베타 #2\n\n   \n(주)\n㈜알파\n"
    assert parse_existing_orgs(text) == ["알파", "베타#2"]


@pytest.mark.parametrize("raw, fmt, online", [
    ("구독제 (온라인)", "구독제(온라인)", True), (" 포팅 ", "포팅", True), ("선택구매(온라인)", "선택구매(온라인)", True),
    (" 집합교육 ", "집합교육", False), ("", None, False), (None, None, False),
])
def test_course_format(raw, fmt, online):
    assert canonical_format(raw) == fmt and is_online(raw) is online


@pytest.mark.parametrize("raw, false_like", [
    ("false", True), (" F ", True), ("0", True), ("No", True), ("n", True), ("X", True), ("아니오", True),
    ("아니요", True), ("true", False), ("Y", False), ("", False), (None, False), ("-", False), ("1", False),
])
def test_false_like(raw, false_like):
    assert is_false_like(raw) is false_like


@pytest.mark.parametrize("raw, day", [
    ("2024-12-31T15:30:00.000Z", "2025-01-01"), ("2023-12-31T15:00:00.000Z", "2024-01-01"),
    ("2025-12-31T15:00:00Z", "2026-01-01"),
])
def test_kst_dates(raw, day):
    assert kst_date(raw).isoformat() == day


def test_rounding_examples():
    assert format_tenths(rate_tenths(1, 16)) == "6.3%"
    assert format_tenths(rate_tenths(2, 3)) == "66.7%"
    assert format_tenths(margin_tenths(1_000_000 + 250_000 + 1_000_000 + 500_000, 4)) == "68.8%"
    assert format_tenths(delta_rate_tenths(1, 6, 1, 3), "pp", signed=True) == "+16.7pp"
    assert format_tenths(delta_rate_tenths(1, 16, 0, 1), "pp", signed=True) == "-6.3pp"
    assert format_tenths(delta_rate_tenths(1, 10000, 0, 1), "pp", signed=True) == "0.0pp"
    assert format_count(0 - 3, signed=True) == "-3" and format_count(0, signed=True) == "0"
    assert format_count(1234) == "1,234" and format_hundredths_eok(-5, signed=True) == "-0.05억"


@given(st.integers(-10**9, 10**9), st.integers(1, 10**6))
def test_rate_rounding_is_exact_half_up(n, d):
    with localcontext() as ctx:
        ctx.prec = 60  # exact enough for 10^12 / 10^6 and its half boundaries
        expected = (Decimal(1000 * n) / Decimal(d)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert rate_tenths(n, d) == int(expected)
    assert abs(Fraction(rate_tenths(n, d)) - Fraction(1000 * n, d)) <= Fraction(1, 2)


@given(st.integers(-10**13, 10**13), st.booleans())
def test_formats_never_show_negative_zero(krw, signed):
    text = format_hundredths_eok(eok_hundredths(krw), signed=signed)
    assert not text.startswith("-0.00") and not text.startswith("+0.00")
    assert format_tenths(0, "pp", signed=True) == "0.0pp"


def test_utf16_order_matches_javascript():
    # U+FF61 (BMP, above the surrogates) sorts after an astral character in UTF-16, unlike code points.
    assert sorted(["\uff61", "\U0001f600", "가"], key=utf16_key) == ["가", "\U0001f600", "\uff61"]
