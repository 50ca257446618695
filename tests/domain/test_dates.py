"""KST dates: every listed spelling, the T15:00Z rule, naive = KST (00_PRODUCT §5; 22 Example 6; 23 Example 8)."""
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from domain.dates import (KST, base_year, format_kst_minutes, format_yymmdd, kst_date, parse_base_year_setting,
                          parse_today_setting, parse_when, today_kst)


@pytest.mark.parametrize("raw, expected", [
    ("2026.01.10", date(2026, 1, 10)),
    ("2026/01/05", date(2026, 1, 5)),
    ("20260110", date(2026, 1, 10)),
    ("2026-01-10 09:30:00", date(2026, 1, 10)),
    ("2026-01-10 23:30", date(2026, 1, 10)),       # naive = KST, no shift
    ("2025-12-31T15:00:00.000Z", date(2026, 1, 1)),  # date-only field: KST midnight
    ("2025-12-31T14:59:59Z", date(2025, 12, 31)),
    ("2026-01-10T09:00:00+09:00", date(2026, 1, 10)),
    ("2025-06-30T16:10:00.000Z", date(2025, 7, 1)),  # E08: a real timestamp
    ("2025-03-10T00:00:00.000Z", date(2025, 3, 10)),  # UTC midnight: same day
    ("2024-12-31T16:00:00.000Z", date(2025, 1, 1)),
    ("2025-12-31T15:30:00.000Z", date(2026, 1, 1)),  # E15
    ("2026/1/5", date(2026, 1, 5)),
    ("2026.1.5", date(2026, 1, 5)),
    ("2026-1-5", date(2026, 1, 5)),
    ("2025-09-10 10:00:00", date(2025, 9, 10)),
    ("2025-01-02T20:00:00Z", date(2025, 1, 3)),
    (" 2025-01-02 ", date(2025, 1, 2)),
    (20260110, date(2026, 1, 10)),  # an INTEGER cell of the original
])
def test_accepted_spellings(raw, expected):
    assert kst_date(raw) == expected


@pytest.mark.parametrize("raw", ["2026-02-30", "26-01-10", "미정", "추후 확정", "2025-13-45", "", "  ",
                                 None, "-", "2025.08", "2025-01-02T25:00:00Z", "1.5억"])
def test_unparseable_or_blank_is_none(raw):
    assert kst_date(raw) is None


def test_format_kst_minutes():
    assert format_kst_minutes(parse_when("2026-01-18T18:04:12.345678Z")) == "2026-01-19 03:04"
    assert format_kst_minutes(None) == "-" and format_kst_minutes(None, missing="—") == "—"


def test_format_yymmdd():
    assert format_yymmdd(kst_date("2026-02-28T15:00:00.000Z")) == "260301"
    assert format_yymmdd(kst_date("2025.01.02")) == "250102"
    assert format_yymmdd(kst_date("미정")) == "-"


@given(st.dates(min_value=date(2000, 1, 2), max_value=date(2099, 12, 31)))
def test_date_only_encoding_round_trips(d):
    """(D-1)T15:00:00.000Z always means D, whatever D is (month and year boundaries included)."""
    raw = (d - timedelta(days=1)).strftime("%Y-%m-%d") + "T15:00:00.000Z"
    assert kst_date(raw) == d


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)))
def test_naive_is_kst_and_utc_converts(naive):
    naive = naive.replace(microsecond=0)
    assert kst_date(naive.strftime("%Y-%m-%d %H:%M:%S")) == naive.date()
    utc_text = naive.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert kst_date(utc_text) == (naive.replace(tzinfo=timezone.utc)).astimezone(KST).date()


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_one_digit_month_and_day(d):
    for sep in "-./":
        assert kst_date(f"{d.year}{sep}{d.month}{sep}{d.day}") == d


def test_parse_when_is_aware():
    assert parse_when("2025-01-01").tzinfo is not None


def test_today_override_and_clock():
    assert today_kst(date(2026, 1, 19)) == date(2026, 1, 19)
    # 2026-01-18 15:30 UTC is already 2026-01-19 in Seoul.
    assert today_kst(None, now=datetime(2026, 1, 18, 15, 30, tzinfo=timezone.utc)) == date(2026, 1, 19)
    with pytest.raises(ValueError):
        today_kst(None, now=datetime(2026, 1, 18))


def test_today_setting_validation():
    assert parse_today_setting("2026-02-02") == date(2026, 2, 2)
    assert parse_today_setting("") is None
    for bad in ("2026-2-2", "yesterday", "2026-02-30"):
        with pytest.raises(ValueError, match="TODAY"):
            parse_today_setting(bad)


def test_base_year():
    assert base_year(date(2026, 1, 19)) == 2025
    assert base_year(date(2026, 1, 19), 2024) == 2024
    assert parse_base_year_setting(" 2025 ") == 2025
    assert parse_base_year_setting(None) is None
    for bad in ("1999", "2101", "twenty", "2025.0"):
        with pytest.raises(ValueError, match="BASE_YEAR"):
            parse_base_year_setting(bad)
