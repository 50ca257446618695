"""Snapshot-wide rows read by several features (deals with their people, organisations), cached per snapshot."""
from __future__ import annotations

from webapp.caching import snapshot_cached
from webapp.queries import deals as q
from webapp.queries import orgs as orgs_q


@snapshot_cached
def deal_rows() -> list[dict]:
    """Every deal with its person's columns (queries.deals.list_deals_with_people)."""
    return q.list_deals_with_people()


@snapshot_cached
def organizations() -> dict[str, dict]:
    """Every known organisation by id (rowid order kept)."""
    return {o["id"]: o for o in orgs_q.list_organizations()}


@snapshot_cached
def org_names() -> dict[str, str | None]:
    """organization id → `이름` for every known organisation (from the same read)."""
    return {org_id: row["이름"] for org_id, row in organizations().items()}
