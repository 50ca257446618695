"""The generator's calendar: KST, the as-of instant A, and the API's timestamp spellings (11 §2.4, §8.3).

KST is the fixed offset +09:00; nothing here reads the clock, TZ or the locale.
"""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

from domain.dates import KST
from snapshot.synth.rng import randint

UTC = timezone.utc
HISTORY_START = datetime(2023, 8, 9, tzinfo=UTC)   # the CRM migration (8.3)
REFERENCE_TODAY = date(2026, 1, 19)                # the default --today (8.2)
EARLIEST_TODAY = date(2026, 1, 1)                  # --today lower bound (8.2)
ERA_V4 = datetime(2023, 11, 2, tzinfo=UTC)         # id formats by creation time (2.7)
ERA_V7 = datetime(2024, 7, 1, tzinfo=UTC)


def as_of(today: date) -> datetime:
    """A: today 03:00 KST, i.e. (T−1)T18:00Z."""
    return datetime.combine(today, time(3, 0), KST).astimezone(UTC)


def iso_ms(when: datetime) -> str:
    """`2024-03-11T09:10:21.285Z` (UTC, always three digits of milliseconds)."""
    when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def iso_micro(when: datetime) -> str:
    """`2026-01-18T18:00:00.000000Z` (run_info.captured_at_utc)."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def run_tag(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y%m%d_%H%M%S")


def date_only(day: date) -> str:
    """A date-only field: KST midnight of `day` written in UTC, the previous day at T15:00:00.000Z."""
    return (day - timedelta(days=1)).isoformat() + "T15:00:00.000Z"


def kst_at(day: date, hour: int, minute: int = 0, second: int = 0, ms: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, ms * 1000, tzinfo=KST).astimezone(UTC)


def working_time(r: random.Random, day: date) -> datetime:
    """A random instant of KST working hours (09:00–19:00) on `day`, with milliseconds."""
    seconds = randint(r, 0, 10 * 3600 - 1)
    return kst_at(day, 9 + seconds // 3600, (seconds // 60) % 60, seconds % 60, randint(r, 0, 999))


def kst_day(when: datetime) -> date:
    return when.astimezone(KST).date()


def clamp(when: datetime, low: datetime, high: datetime) -> datetime:
    return max(low, min(when, high))
