"""Per-snapshot lookup structures: id → rowid maps and deal rows grouped by organisation and person.

The snapshot has no index on the `id` columns (the index list is fixed, 11 §2.8), so a lookup by id would
scan a wide table on every request (≈40 ms for one memo at scale 1.0). The id → rowid maps are read once
per snapshot; a request then fetches its row by rowid.
"""
from __future__ import annotations

from collections import defaultdict

from domain.deals import CONVERT, normalise_status
from webapp.caching import snapshot_cached
from webapp.deal_rows import deal_rows
from webapp.orgs import deal_org
from webapp.queries import orgs as q

ROWID_TABLES = ("people", "memo", "deal")


@snapshot_cached
def rowids(table: str) -> dict[str, int]:
    if table not in ROWID_TABLES:
        raise ValueError(f"no rowid map for {table}")
    return q.id_rowids(table)


@snapshot_cached
def deals_by_org() -> dict[str, list[dict]]:
    """Organisation id → its deals (a deal's organisation, 20 §1.1), rowid order; Convert included."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for d in deal_rows():
        org = deal_org(d)
        if org:
            groups[org].append(d)
    return dict(groups)


@snapshot_cached
def counted_deals_by_person() -> dict[str, list[dict]]:
    """Person id → their non-Convert deals (any organisation), rowid order."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for d in deal_rows():
        if d["peopleId"] and normalise_status(d["상태"]) != CONVERT:
            groups[d["peopleId"].strip()].append(d)
    return dict(groups)


def person(person_id: str) -> dict | None:
    rowid = rowids("people").get(person_id)
    return None if rowid is None else q.get_person_by_rowid(rowid)


def memo(memo_id: str) -> dict | None:
    rowid = rowids("memo").get(memo_id)
    return None if rowid is None else q.get_memo_by_rowid(rowid)
