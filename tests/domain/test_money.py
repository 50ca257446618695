"""Money to integer KRW, half-up (00_PRODUCT §5; 20 §8.6; 22 Example 6; 23 Example 8)."""
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, strategies as st

from domain.money import format_eok, format_won, is_unparseable_krw, parse_krw, rdiv


@pytest.mark.parametrize("raw, expected", [
    ("24000", 24000), ("24000.0", 24000), ("1,000", 1000), ("1,000원", 1000), ("2,500,000원", 2500000),
    ("40,000,000원", 40000000), ("12.5", 13), ("180,000,000", 180000000), ("100000000.0", 100000000),
    (" 30,000,000원", 30000000), ("12,345,678.5", 12345679), (" 1 000 원", 1000), ("24000.5", 24001),
    ("123456789012", 123456789012), ("0.0", 0), ("-3", -3), ("-12.5", -13), ("1.0e+20", 10 ** 20),
    ("1.23456789012346e+16", 12345678901234600), (5, 5), (24000.0, 24000),
])
def test_parse(raw, expected):
    assert parse_krw(raw) == expected


@pytest.mark.parametrize("raw", ["1.5억", "₩12,000,000", "1억 2천만", "미정", "abc", "1,5원원", "nan", "inf"])
def test_unparseable(raw):
    assert parse_krw(raw) is None
    assert is_unparseable_krw(raw)


@pytest.mark.parametrize("raw", [None, "", "  ", "-", "–", "—"])
def test_blank_is_missing_not_unparseable(raw):
    assert parse_krw(raw) is None
    assert not is_unparseable_krw(raw)


@given(st.integers(min_value=-10 ** 15, max_value=10 ** 15))
def test_integers_in_every_spelling(n):
    for text in (str(n), f"{n}.0", f"{n:,}", f"{n:,}원", f" {n:,} 원 "):
        assert parse_krw(text) == n


@given(st.decimals(min_value=-10 ** 12, max_value=10 ** 12, places=2, allow_nan=False))
def test_half_up(d):
    assert parse_krw(str(d)) == int(d.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@given(st.integers(-10 ** 12, 10 ** 12), st.integers(1, 10 ** 9))
def test_rdiv_matches_decimal_half_up(n, d):
    assert rdiv(n, d) == int((Decimal(n) / Decimal(d)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_formats():
    assert format_eok(30_000_000) == "0.30억"
    assert format_eok(0) == "0.00억"
    assert format_eok(125_000_000) == "1.25억"
    assert format_eok(12_500_000) == "0.13억"
    assert format_eok(12_499_999) == "0.12억"
    assert format_eok(123456789012) == "1,234.57억"
    assert format_eok(None) == "-"
    assert format_won(1234000) == "1,234,000원"
