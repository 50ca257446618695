"""Organisation creation times and owners of organisations, people and deals (11 §8.5 steps 2–4)."""
from __future__ import annotations

from datetime import timedelta

from snapshot.synth.clock import ERA_V7, HISTORY_START
from snapshot.synth.model import Ctx, Deal, Org, Person
from snapshot.synth.rng import chance, choice, uniform
from snapshot.synth.staff import DEMO_USER, User


class Staff:
    """Lookups over the users: roster members by team, former staff by CRM team."""

    def __init__(self, users: list[User]):
        self.users = users
        self.roster = [u for u in users if u.roster_name]
        self.by_team = {key: [u for u in self.roster if u.roster_team == key] for key in ("edu1", "edu2", "public")}
        self.former = [u for u in users if u.former]
        self.by_crm_team = {}
        for u in users:
            if u.crm_team:
                self.by_crm_team.setdefault(u.crm_team, []).append(u)
        self.demo = next(u for u in users if u.name == DEMO_USER)

    def roster_of_crm_team(self, crm_team: str | None) -> list[User]:
        members = [u for u in self.by_crm_team.get(crm_team or "", []) if u.roster_name]
        return members or self.roster


def org_created(ctx: Ctx, org: Org) -> None:
    r = ctx.rng("org-created", org.key)
    if any(d.migrated for d in org.deals):
        org.created = HISTORY_START
        return
    times = [d.created for d in org.deals] + [p.created for p in org.people if p.created is not None]
    if not times:
        span = (ctx.as_of - HISTORY_START).total_seconds()
        org.created = HISTORY_START + timedelta(seconds=int(uniform(r, 0, span)))
        return
    org.created = max(HISTORY_START, min(times) - timedelta(days=uniform(r, 0, 30)))


def org_owner(ctx: Ctx, staff: Staff, org: Org) -> None:
    r = ctx.rng("org-owner", org.key)
    if org.created < ERA_V7 and chance(r, 0.25):
        org.owner = choice(r, staff.former)
    elif org.size in ("공공기관", "대학교") and chance(r, 0.75):
        org.owner = choice(r, staff.by_team["public"])
    else:
        org.owner = choice(r, staff.by_team["edu1"] if chance(r, 0.5) else staff.by_team["edu2"])


def person_owner(ctx: Ctx, staff: Staff, person: Person) -> None:
    r = ctx.rng("person-owner", person.key)
    if person.kind == "web" and chance(r, 0.15):
        person.owner = None
    elif person.org is not None:
        person.owner = person.org.owner
    else:
        person.owner = choice(r, staff.roster)


def deal_owner(ctx: Ctx, staff: Staff, deal: Deal) -> None:
    r = ctx.rng("deal-owner", deal.key)
    base = deal.org.owner
    roll = r.random()
    if roll < 0.005 and deal.status == "SQL":
        deal.owner = staff.demo
    elif roll < 0.80:
        deal.owner = base
    elif roll < 0.95:
        deal.owner = choice(r, staff.roster_of_crm_team(base.crm_team))
    else:
        deal.owner = choice(r, staff.roster)
    if deal.owner.former and deal.created >= ERA_V7:
        deal.owner = choice(r, staff.roster_of_crm_team(deal.owner.crm_team))
    teams = [] if deal.owner.crm_team is None or chance(r, 0.11) else [deal.owner.crm_team]
    if teams and chance(r, 0.015):
        teams.append("마케팅팀")
    deal.crm_teams = teams
