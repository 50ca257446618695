"""Step 7: sales notes on deals and people, lead memos and organisation memos (11_data_model.md §8.5)."""
from __future__ import annotations

from datetime import datetime, timedelta

from snapshot.synth.memo_text import sales_note
from snapshot.synth.model import Ctx, Deal, Memo, Org, Person
from snapshot.synth.rng import chance, choice, randint, table_choice, uniform

NOTES_PER_DEAL = ((0, 61), (1, 16), (2, 10), (3, 7), ("4-12", 6))


def _short(org: Org | None) -> str:
    if org is None:
        return "고객사"
    name = org.name.replace("(주)", "").replace(" 주식회사", "")
    return name[:4]


def _between(r, low: datetime, high: datetime) -> datetime:
    if high <= low:
        return low
    return low + timedelta(seconds=int(uniform(r, 0, (high - low).total_seconds())), milliseconds=randint(r, 0, 999))


def deal_notes(ctx: Ctx, deals: list[Deal], roster) -> list[Memo]:
    memos = []
    for deal in deals:
        r = ctx.rng("deal-notes", deal.key)
        pick = table_choice(r, NOTES_PER_DEAL)
        count = randint(r, 4, 12) if isinstance(pick, str) else pick
        end = max(deal.closed_at or deal.created, deal.created + timedelta(days=60))
        end = min(end, ctx.as_of)
        for _ in range(count):
            text, html = sales_note(r, _short(deal.org))
            owner = deal.owner if chance(r, 0.90) else choice(r, roster)
            memos.append(Memo(created=_between(r, deal.created, end), text=text, html=html, owner=owner, deal=deal,
                              person=deal.person))
    return memos


def person_notes(ctx: Ctx, contacts: list[Person], roster) -> list[Memo]:
    memos = []
    for person in contacts:
        r = ctx.rng("person-notes", person.key)
        if not chance(r, 0.20):
            continue
        for _ in range(randint(r, 1, 2)):
            text, html = sales_note(r, _short(person.org))
            owner = person.owner or choice(r, roster)
            memos.append(Memo(created=_between(r, person.created, ctx.as_of), text=text, html=html, owner=owner,
                              person=person))
    return memos


def org_notes(ctx: Ctx, orgs: list[Org]) -> list[Memo]:
    memos = []
    for org in orgs:
        r = ctx.rng("org-notes", org.key)
        if not chance(r, 0.05):
            continue
        for _ in range(randint(r, 1, 2)):
            text, html = sales_note(r, _short(org))
            memos.append(Memo(created=_between(r, org.created, ctx.as_of), text=text, html=html, owner=org.owner,
                              org=org))
    return memos


def lead_notes(ctx: Ctx, leads: list, roster) -> list[Memo]:
    memos = []
    for lead in leads:
        r = ctx.rng("lead-notes", lead.key)
        if not chance(r, 0.07):
            continue
        text, html = sales_note(r, _short(lead.person.org if lead.person else None))
        memos.append(Memo(created=_between(r, lead.created, ctx.as_of), text=text, html=html,
                          owner=lead.owner or choice(r, roster), lead=lead, person=lead.person))
    return memos


def html_only(ctx: Ctx, memos: list[Memo]) -> None:
    """≈ 2 % of memos keep only their HTML (`text` = "")."""
    r = ctx.rng("html-only")
    for memo in memos:
        if not memo.edge and memo.html and chance(r, 0.02):
            memo.text = ""
