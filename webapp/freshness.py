"""Snapshot freshness: captured-at (run_info) and age, for /api/health and the badge on every page."""
from __future__ import annotations

from datetime import datetime, timezone

from domain.dates import KST

STALE_AFTER_SEC = 36 * 3600  # a nightly snapshot older than a day and a half is flagged


def age_seconds(reference: datetime, now: datetime) -> int:
    """Whole seconds (floor) from `reference` to `now`; 0 when negative."""
    return max(0, int((now - reference).total_seconds()))


def kst_iso(when: datetime) -> str:
    """ISO 8601 in KST with `+09:00`, whole seconds (truncated)."""
    return when.astimezone(KST).replace(microsecond=0).isoformat()


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
