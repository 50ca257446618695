"""The snapshot-wide won book: canonical won revenue by organisation and year, and every exclusion.

One rule (domain.revenue), computed once per snapshot and cached; every screen that shows won revenue or
exclusions calls `won_book()`.
"""
from __future__ import annotations

from domain.deals import deal_org_id
from domain.revenue import DealFacts, WonBook, build_won_book
from domain.text import display_name
from webapp.caching import snapshot_cached
from webapp.deal_rows import deal_rows, org_names


@snapshot_cached
def won_book() -> WonBook:
    names = org_names()
    facts = []
    for d in deal_rows():
        org_id = deal_org_id(d["organizationId"], d["p_organizationId"])
        org_name = display_name(names.get(org_id), org_id) if org_id else None
        facts.append(DealFacts(d["id"], d["이름"], d["상태"], d["금액"], d["계약 체결일"], org_id, org_name))
    return build_won_book(facts)
