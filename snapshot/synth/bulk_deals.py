"""Step 4: bulk deals — organisation, creation, status, format, amounts and business dates (11 §8.5).

Owners and persons are decided later (they depend on the organisations' owners and contacts).
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from domain.dates import KST
from snapshot.synth import vocab
from snapshot.synth.clock import HISTORY_START, kst_at, kst_day, working_time
from snapshot.synth.model import Ctx, Deal, Org
from snapshot.synth.rng import (chance, cumulative, lognormal, normal, pick_cumulative, randint, round_half_up,
                                shuffle, table_choice, uniform)

MIGRATION_DAYS = (date(2023, 8, 9), date(2023, 8, 17))
FIRST_CONTRACT = date(2023, 1, 1)
MIGRATED_LAST_CONTRACT = date(2023, 8, 8)
BUSY_MONTHS = (2, 3, 4, 5, 6, 9, 10, 11)


def _creation_days(today: date) -> tuple[list[date], list[float]]:
    days, weights = [], []
    day = date(2023, 8, 18)
    while day < today:  # never on T itself: its working hours are after A (03:00 KST)
        year_w = 0.8 if day.year == 2023 else 1.0 if day.year == 2024 else 1.3
        days.append(day)
        weights.append(year_w * (1.2 if day.month in BUSY_MONTHS else 0.8))
        day += timedelta(days=1)
    return days, cumulative(weights)


def _org_slots(ctx: Ctx, orgs: list[Org], total: int) -> list[Org]:
    """Every organisation with deals once, the rest by weight w(r), shuffled."""
    r = ctx.rng("deal-orgs")
    cum = cumulative([o.weight for o in orgs])
    slots = list(orgs) + [orgs[pick_cumulative(r, cum)] for _ in range(max(0, total - len(orgs)))]
    return shuffle(r, slots)[:total]


def _status(r, created: datetime, today: date, migrated: bool) -> str:
    if migrated:
        return "Won" if chance(r, 0.97) else "Lost"
    if chance(r, 0.02):
        return "Convert"
    age = (today - kst_day(created)).days
    if chance(r, 0.8 * math.exp(-age / 150)):
        return "SQL"
    return "Won" if chance(r, 0.38) else "Lost"


def _amount(r, deal: Deal, org: Org) -> int:
    if deal.fmt in vocab.ONLINE:
        base = lognormal(r, 1_500_000, 1.5)
    else:
        base = lognormal(r, 4_200_000, 1.6) * (3 if deal.fmt in vocab.AMOUNT_X3_FORMATS else 1)
    value = base * org.multiplier * (2 if deal.migrated else 1)
    value = min(1_500_000_000, max(100_000, value))
    unit = 1_000_000 if value >= 10_000_000 and chance(r, 0.30) else 10_000
    return max(10_000, round_half_up(value, unit))


def _probability(r, status: str, migrated: bool) -> list | None:
    table = {
        "Won": ((["확정"], 23), (None, 77)) if migrated else ((["확정"], 90), (None, 10)),
        "Lost": ((["낮음"], 2), (["LOST"], 83), (None, 15)),
        "SQL": ((["확정"], 9), (["높음"], 35), (["낮음"], 30), (None, 26)),
    }.get(status)
    return None if table is None else table_choice(r, table)


def _business_date_time(r, day: date, ctx: Ctx, share: float) -> datetime | None:
    """With probability `share`, a real timestamp on that KST day (never later than A)."""
    if not chance(r, share):
        return None
    if day == ctx.today:
        return kst_at(day, randint(r, 0, 2), randint(r, 0, 59), randint(r, 0, 59), randint(r, 0, 999))
    return working_time(r, day)


def _course(r, deal: Deal, anchor_day: date) -> None:
    start = anchor_day + timedelta(days=round(normal(r, 0, 18)))
    if deal.status == "Won" and deal.fmt in vocab.ONLINE and chance(r, 0.6):
        start = start.replace(day=1)
    fmt = deal.fmt
    if fmt == "구독제(온라인)":
        length = table_choice(r, ((31, 10), (92, 15), (181, 45), (365, 30)))
    elif fmt == "선택구매(온라인)":
        length = randint(r, 181, 184) if chance(r, 0.6) else randint(r, 365, 366)
    elif fmt == "포팅":
        length = table_choice(r, ((31, 60), (92, 20), (366, 20)))
    elif fmt == "복합(출강+온라인)":
        length = max(1, round(lognormal(r, 103, 0.8)))
    elif fmt == "비대면 실시간":
        length = max(1, round(lognormal(r, 33, 0.8)))
    else:
        length = max(1, round(lognormal(r, 11, 1.8)))
    deal.course_start = max(start, FIRST_CONTRACT)
    deal.course_end = deal.course_start + timedelta(days=min(length, 367) - 1)
    deal.course_utc_midnight = chance(r, 0.005)


def plan_deal_dates(ctx: Ctx, deal: Deal, r) -> None:
    """Contract, expected close, course, lost and close dates (8.5 step 4, "Dates")."""
    created_day = kst_day(deal.created)
    if deal.status == "Won":
        if deal.migrated:
            if not chance(r, 0.66):
                span = (MIGRATED_LAST_CONTRACT - FIRST_CONTRACT).days
                deal.contract = FIRST_CONTRACT + timedelta(days=randint(r, 0, span))
        elif not chance(r, 0.03):
            lag = -randint(r, 1, 30) if chance(r, 0.15) else round(lognormal(r, 20, 1.15))
            deal.contract = min(ctx.today, max(FIRST_CONTRACT, created_day + timedelta(days=lag)))
            deal.contract_time = _business_date_time(r, deal.contract, ctx, 0.33)
    if deal.status == "Lost" and chance(r, 0.70):
        deal.lost = min(ctx.today, created_day + timedelta(days=round(lognormal(r, 30, 1.0))))
        deal.lost_time = _business_date_time(r, deal.lost, ctx, 0.15)
    if deal.status == "SQL" and chance(r, 0.80):
        offset = -randint(r, 1, 60) if chance(r, 0.10) else randint(r, 0, 180)
        deal.expected_close = ctx.today + timedelta(days=offset)
    elif deal.status in ("Won", "Lost") and chance(r, 0.60 if deal.status == "Won" else 0.40):
        near = deal.contract or deal.lost or created_day + timedelta(days=30)
        deal.expected_close = max(FIRST_CONTRACT, near + timedelta(days=round(normal(r, 0, 10))))
    if deal.expected_close is not None:
        deal.expected_close_time = _business_date_time(r, deal.expected_close, ctx, 0.33)
    if (deal.status == "Won" and not deal.migrated and chance(r, 0.92)) or (deal.status == "SQL" and chance(r, 0.4)):
        _course(r, deal, deal.contract or deal.expected_close or created_day)
    if deal.status in ("Won", "Lost"):
        if deal.migrated:
            deal.closed_at = deal.created
        else:
            day = deal.contract or deal.lost or created_day + timedelta(days=30)
            when = working_time(r, min(day, ctx.today))
            deal.closed_at = max(deal.created, min(when, ctx.as_of))


def plan_deals(ctx: Ctx, orgs: list[Org]) -> list[Deal]:
    total, migrated = ctx.count(8500), ctx.count(1300)
    slots = _org_slots(ctx, orgs, total)
    days, cum = _creation_days(ctx.today)
    deals = []
    for index in range(total):
        r = ctx.rng("deal", index)
        is_migrated = index < migrated
        if is_migrated:
            day = MIGRATION_DAYS[0] if chance(r, 0.6) else MIGRATION_DAYS[1]
        else:
            day = days[pick_cumulative(r, cum)]
        created = max(HISTORY_START, working_time(r, day))
        org = slots[index]
        deal = Deal(key=f"d{index}", org=org, person=None, created=created,
                    status=_status(r, created, ctx.today, is_migrated), migrated=is_migrated,
                    float_style=chance(r, 0.85))
        deal.fmt = table_choice(r, vocab.FORMATS)
        deal.category = table_choice(r, vocab.CATEGORY_BY_FORMAT[deal.fmt])
        amount = _amount(r, deal, org)
        has_amount = {"Won": 0.98, "SQL": 0.40, "Lost": 0.35}.get(deal.status, 0.0)
        has_expected = {"Won": 0.50, "SQL": 0.70, "Lost": 0.55}.get(deal.status, 0.0)
        deal.amount = amount if chance(r, has_amount) else None
        if chance(r, has_expected):
            deal.expected = amount if chance(r, 0.6) else round_half_up(amount * uniform(r, 1.0, 1.3), 10_000)
        deal.probability = _probability(r, deal.status, is_migrated)
        deal.inbound = chance(r, 0.15) and not is_migrated
        plan_deal_dates(ctx, deal, r)
        org.deals.append(deal)
        deals.append(deal)
    calibrate_anchor(deals, orgs[0])
    return deals


def calibrate_anchor(deals: list[Deal], anchor: Org) -> None:
    """Scale the anchor's Won amounts per contract year so it holds 20 % of that year's bulk won revenue."""
    by_year: dict[int, list[int]] = {}
    for d in deals:
        if d.status == "Won" and d.contract is not None and d.amount is not None:
            pair = by_year.setdefault(d.contract.year, [0, 0])
            pair[0 if d.org is anchor else 1] += d.amount
    for d in deals:
        if d.org is anchor and d.status == "Won" and d.contract is not None and d.amount is not None:
            anchor_sum, others = by_year[d.contract.year]
            if anchor_sum > 0 and others > 0:
                d.amount = max(10_000, round_half_up(d.amount * (others / 4) / anchor_sum, 10_000))


def kst_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=KST)
