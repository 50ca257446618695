"""A deal by id through the snapshot's id → rowid map (no index on deal.id)."""
from __future__ import annotations

from webapp import snapshot_index as index
from webapp.queries import deal_check as q


def deal_by_id(deal_id: str) -> dict | None:
    rowid = index.rowids("deal").get(deal_id)
    return None if rowid is None else q.get_deal_by_rowid(rowid)
