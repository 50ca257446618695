"""Step 3: bulk people — contacts of organisations with deals, web-form people, upper orgs (11 §8.5).

Creation times are decided with the web-form submissions (webforms.py), because a submission can create
its person.
"""
from __future__ import annotations

import math

from snapshot.synth import names, vocab
from snapshot.synth.model import Ctx, Deal, Org, Person
from snapshot.synth.rng import chance, choice, cumulative, pick_cumulative, randint, table_choice

BIG = ("대기업", "중견기업")


def _upper_value(r) -> str:
    roll = r.random()
    if roll < 0.60:
        return choice(r, vocab.UPPER_HRD)
    if roll < 0.97:
        return choice(r, vocab.UPPER_BU)
    return table_choice(r, vocab.UPPER_PLACEHOLDERS)


def _contact_count(ctx: Ctx, org: Org) -> int:
    if org.rank == 1:
        return max(12, ctx.count(250))
    return 1 + math.floor(0.55 * (len(org.deals) - 1))


def _group_count(ctx: Ctx, org: Org, contacts: int) -> int:
    if org.rank == 1:
        return max(4, int(25 * math.sqrt(ctx.scale) + 0.5))
    return min(12, max(2, int(contacts / 4 + 0.5))) if contacts >= 6 else 1


def _new_person(ctx: Ctx, key: str, org: Org | None, kind: str) -> Person:
    r = ctx.rng("person", key)
    person = Person(key=key, org=org, kind=kind, float_style=chance(r, 0.85))
    person.name, person.romanised = names.person_name(r)
    return person


def _card_fields(r, person: Person) -> None:
    if chance(r, 0.80 if person.upper is not None else 0.03):
        person.card_team = choice(r, vocab.CARD_TEAMS)
        person.card_title = table_choice(r, vocab.CARD_TITLES)
        person.edu_area = choice(r, vocab.EDU_AREAS)


def plan_contacts(ctx: Ctx, deal_orgs: list[Org]) -> list[Person]:
    people = []
    for org in deal_orgs:
        r = ctx.rng("contacts", org.key)
        count = _contact_count(ctx, org)
        groups = _group_count(ctx, org, count)
        values = [_upper_value(r) for _ in range(groups)]
        fill = 0.60 if org.size in BIG else 0.30
        for i in range(count):
            person = _new_person(ctx, f"{org.key}c{i}", org, "contact")
            person.group = i % groups
            if chance(r, fill):
                person.upper = values[person.group]
            _card_fields(r, person)
            org.people.append(person)
            people.append(person)
    return people


def assign_deal_people(ctx: Ctx, deals: list[Deal], deal_orgs: list[Org]) -> None:
    """96 % a contact of the organisation (first contacts more often), 4 % none; 1.5 % another org's contact."""
    cums = {org.key: cumulative([1 / (i + 1) for i in range(len(org.people))]) for org in deal_orgs}
    for deal in deals:
        r = ctx.rng("deal-person", deal.key)
        if chance(r, 0.04):
            continue
        org = deal.org
        if chance(r, 0.015):
            org = deal_orgs[randint(r, 0, len(deal_orgs) - 1)]
        person = org.people[pick_cumulative(r, cums[org.key])]
        deal.person = person
        person.deals.append(deal)
        if person.org is deal.org and chance(r, 0.03):
            deal.org_link_null = True


def plan_web_people(ctx: Ctx, deal_orgs: list[Org], people_orgs: list[Org], contacts: int) -> list[Person]:
    """The rest of the people: 3 % without organisation, people-only orgs (≥ 1 each, ≈ 3.5 on average),
    then organisations with deals by weight."""
    r = ctx.rng("web-people")
    total = max(0, ctx.count(35000) - contacts)
    without = int(total * 0.03 + 0.5)
    homes: list[Org | None] = [None] * without + list(people_orgs)
    extra_po = max(0, min(total - len(homes), int(3.5 * len(people_orgs) + 0.5) - len(people_orgs)))
    homes += [people_orgs[randint(r, 0, len(people_orgs) - 1)] for _ in range(extra_po)] if people_orgs else []
    cum = cumulative([o.weight for o in deal_orgs])
    homes += [deal_orgs[pick_cumulative(r, cum)] for _ in range(max(0, total - len(homes)))]
    people = []
    for i, org in enumerate(homes[:total]):
        person = _new_person(ctx, f"w{i}", org, "web")
        pr = ctx.rng("web-person", i)
        if chance(pr, 0.05):
            person.upper = _upper_value(pr)
        _card_fields(pr, person)
        if org is not None:
            org.people.append(person)
        people.append(person)
    return people
