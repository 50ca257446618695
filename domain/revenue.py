"""Canonical Won deals, won revenue by organisation and year, and the data-quality exclusions.

00_PRODUCT.md §5: a canonical Won deal has status Won, a KST contract date (`계약 체결일`) and a parseable
`금액`; it counts in the KST year of its contract date. `예상 체결액` is never a fallback. A Won deal that
counts in no year is one exclusion object, with the first reason that applies in the order
no_organization → no_contract_date → bad_amount (the KPI report's per-owner lists check the date and the
amount first, `org_first=False`, since a person's totals need no organisation).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from domain.dates import kst_date
from domain.deals import WON, normalise_status
from domain.money import parse_krw
from domain.text import as_text

NO_ORGANIZATION, NO_CONTRACT_DATE, BAD_AMOUNT = "no_organization", "no_contract_date", "bad_amount"
REASON_LABELS = {
    NO_ORGANIZATION: "조직 없음",
    NO_CONTRACT_DATE: "계약 체결일 없음/오류",
    BAD_AMOUNT: "금액 없음/오류",
}


def exclusion_summary(count: int) -> str:
    """The UI summary of an exclusion list."""
    return f"Won 집계 제외 {count}건"


@dataclass(frozen=True)
class DealFacts:
    """What the won rules read of one deal; `org_id` is already the deal's organisation (or None)."""
    deal_id: str
    deal_name: str | None
    status_raw: Any
    amount_raw: Any
    contract_date_raw: Any
    org_id: str | None
    org_name: str | None = None


@dataclass(frozen=True)
class Exclusion:
    """The one exclusion object: {dealId, dealName, orgId, orgName, amountRaw, contractDateRaw, reason}."""
    dealId: str
    dealName: str | None
    orgId: str | None
    orgName: str | None
    amountRaw: str | None
    contractDateRaw: str | None
    reason: str

    @property
    def label(self) -> str:
        return REASON_LABELS[self.reason]

    def to_json(self) -> dict:
        """The JSON object, keys in the order of 00_PRODUCT §5 (no deepcopy: every field is a str or None)."""
        return {"dealId": self.dealId, "dealName": self.dealName, "orgId": self.orgId, "orgName": self.orgName,
                "amountRaw": self.amountRaw, "contractDateRaw": self.contractDateRaw, "reason": self.reason}


@dataclass(frozen=True)
class CanonicalWon:
    deal_id: str
    org_id: str | None
    contract_date: date
    amount: int

    @property
    def year(self) -> int:
        return self.contract_date.year


def exclusion_reason(facts: DealFacts, *, org_first: bool = True) -> str | None:
    """The reason a Won deal counts nowhere, or None (also None for every non-Won deal)."""
    if normalise_status(facts.status_raw) != WON:
        return None
    checks = [
        (NO_CONTRACT_DATE, kst_date(facts.contract_date_raw) is None),
        (BAD_AMOUNT, parse_krw(facts.amount_raw) is None),
    ]
    org_check = (NO_ORGANIZATION, facts.org_id is None)
    checks = [org_check, *checks] if org_first else [*checks, org_check]
    for reason, applies in checks:
        if applies:
            return reason
    return None


def canonical_won(facts: DealFacts) -> CanonicalWon | None:
    """The canonical Won deal (needs no organisation), or None."""
    if normalise_status(facts.status_raw) != WON:
        return None
    when = kst_date(facts.contract_date_raw)
    amount = parse_krw(facts.amount_raw)
    if when is None or amount is None:
        return None
    return CanonicalWon(facts.deal_id, facts.org_id, when, amount)


def make_exclusion(facts: DealFacts, reason: str) -> Exclusion:
    no_org = reason == NO_ORGANIZATION
    return Exclusion(
        dealId=facts.deal_id, dealName=facts.deal_name,
        orgId=None if no_org else facts.org_id, orgName=None if no_org else facts.org_name,
        amountRaw=as_text(facts.amount_raw), contractDateRaw=as_text(facts.contract_date_raw),
        reason=reason)


def exclusion_sort_key(item: Exclusion) -> tuple:
    """By orgName, orgId, dealId (code points), the no_organization entries last by dealId."""
    if item.reason == NO_ORGANIZATION:
        return (1, "", "", item.dealId)
    return (0, item.orgName or "", item.orgId or "", item.dealId)


def sort_exclusions(items: Iterable[Exclusion]) -> list[Exclusion]:
    return sorted(items, key=exclusion_sort_key)


@dataclass
class WonBook:
    """Won revenue per (organisation, year) and every exclusion, for one set of deals."""
    totals: dict[tuple[str, int], int] = field(default_factory=dict)
    exclusions_by_org: dict[str, list[Exclusion]] = field(default_factory=dict)
    no_organization: list[Exclusion] = field(default_factory=list)

    def won(self, org_id: str, year: int) -> int:
        return self.totals.get((org_id, year), 0)

    def has_won(self, org_id: str, year: int) -> bool:
        """At least one canonical Won deal in the year (a total of 0 counts: retention)."""
        return (org_id, year) in self.totals

    def exclusions_for(self, org_ids: Iterable[str]) -> list[Exclusion]:
        items = [e for org_id in set(org_ids) for e in self.exclusions_by_org.get(org_id, [])]
        return sort_exclusions(items)


def build_won_book(deals: Iterable[DealFacts]) -> WonBook:
    """Sum canonical Won amounts by (organisation, KST contract year); collect the exclusions."""
    totals: dict[tuple[str, int], int] = defaultdict(int)
    by_org: dict[str, list[Exclusion]] = defaultdict(list)
    no_org: list[Exclusion] = []
    for facts in deals:
        reason = exclusion_reason(facts)
        if reason == NO_ORGANIZATION:
            no_org.append(make_exclusion(facts, reason))
        elif reason is not None:
            by_org[facts.org_id].append(make_exclusion(facts, reason))
        else:
            won = canonical_won(facts)
            if won is not None:
                totals[(facts.org_id, won.year)] += won.amount
    return WonBook(
        totals=dict(totals),
        exclusions_by_org={k: sort_exclusions(v) for k, v in by_org.items()},
        no_organization=sort_exclusions(no_org))
