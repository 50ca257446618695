"""Business days with Korean holidays and the deal-check window (20 §3.4, §8.1–8.2; 11 §8.8)."""
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from domain.business_days import (business_day_before, in_window, is_business_day, parse_holidays_setting,
                                  window_start)


@pytest.mark.parametrize("today, kr, none", [
    (date(2026, 2, 2), date(2026, 1, 19), date(2026, 1, 19)),
    (date(2026, 2, 7), date(2026, 1, 26), date(2026, 1, 26)),
    (date(2026, 1, 14), date(2025, 12, 30), date(2025, 12, 31)),
    (date(2025, 10, 10), date(2025, 9, 19), date(2025, 9, 26)),
    (date(2026, 2, 20), date(2026, 2, 3), date(2026, 2, 6)),
    (date(2026, 1, 19), date(2026, 1, 5), date(2026, 1, 5)),  # the generator's reference date
])
def test_window_start_worked_examples(today, kr, none):
    assert window_start(today, "KR") == kr
    assert window_start(today, "none") == none


def test_window_edges_with_holiday_inside():
    today = date(2026, 2, 20)
    assert in_window(date(2026, 2, 3), today)            # the 10th business day: inclusive start
    assert not in_window(date(2026, 2, 2), today)        # the 11th
    assert in_window(date(2026, 2, 16), today)           # a holiday between the ends
    assert in_window(date(2026, 2, 14), today)           # a weekend between the ends
    assert in_window(today, today)
    assert not in_window(today + timedelta(days=1), today)
    assert not in_window(None, today)
    assert not in_window(date(2026, 2, 5), today, "none")


def test_reference_date_neighbours():
    assert business_day_before(date(2026, 1, 5)) == date(2026, 1, 2)  # 01-01 신정 skipped
    assert not is_business_day(date(2026, 1, 1))
    assert is_business_day(date(2026, 1, 1), "none")


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)), st.sampled_from(["KR", "none"]))
def test_window_has_exactly_ten_business_days_before_today(today, setting):
    start = window_start(today, setting)
    days = [start + timedelta(days=i) for i in range((today - start).days)]
    assert sum(is_business_day(d, setting) for d in days) == 10
    assert is_business_day(start, setting)


def test_setting():
    assert parse_holidays_setting(None) == "KR"
    assert parse_holidays_setting("none") == "none"
    with pytest.raises(ValueError, match="HOLIDAYS"):
        parse_holidays_setting("US")
