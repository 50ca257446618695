"""Organisation tiers from canonical won revenue in KRW (00_PRODUCT.md §5)."""
from __future__ import annotations

from domain.money import EOK

NO_TIER = "Ø"
NO_TIER_URL = "none"  # the URL value of Ø
# Lower bounds are inclusive; P5 is "more than zero".
_BOUNDS = (("S0", 10 * EOK), ("P0", 2 * EOK), ("P1", 1 * EOK), ("P2", EOK // 2),
           ("P3", EOK // 4), ("P4", EOK // 10))
TIERS = ("S0", "P0", "P1", "P2", "P3", "P4", "P5", NO_TIER)
HIGH_TIERS = frozenset({"S0", "P0", "P1", "P2"})


def tier_of(krw: int) -> str:
    """S0 ≥ 10억, P0 ≥ 2억, P1 ≥ 1억, P2 ≥ 0.5억, P3 ≥ 0.25억, P4 ≥ 0.1억, P5 > 0, else Ø."""
    for tier, bound in _BOUNDS:
        if krw >= bound:
            return tier
    return "P5" if krw > 0 else NO_TIER


def is_high_tier(tier: str) -> bool:
    return tier in HIGH_TIERS


def tier_to_url(tier: str) -> str:
    return NO_TIER_URL if tier == NO_TIER else tier


def tier_from_url(value: str) -> str:
    """A tier named in a URL (`none` = Ø); ValueError for anything else."""
    if value == NO_TIER_URL:
        return NO_TIER
    if value in TIERS and value != NO_TIER:
        return value
    raise ValueError(f"unknown tier {value!r}")
