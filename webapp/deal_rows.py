"""Snapshot-wide rows read by several features, loaded once per snapshot and cached (20 §1.10)."""
from __future__ import annotations

from webapp.caching import snapshot_cached
from webapp.queries import deals as q


@snapshot_cached
def deal_rows() -> list[dict]:
    """Every deal with its person's columns (queries.deals.list_deals_with_people)."""
    return q.list_deals_with_people()


@snapshot_cached
def org_names() -> dict[str, str | None]:
    """organization id → `이름` for every known organisation."""
    return q.organization_names()
