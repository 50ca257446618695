"""The API-shaped dataset: plan every record, materialise, roll up, add messy values, order (11 §8.1–8.5).

`api_dataset(seed, scale, today)` is the one entry point; the same dataset feeds the direct snapshot
writer and the fake Salesmap server (10_salesmap_api.md §B.3).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from snapshot.format import LATE_DEAL_KEYS
from snapshot.synth import bulk_deals, bulk_memos, bulk_orgs, bulk_people, ownership, webforms
from snapshot.synth.clock import EARLIEST_TODAY, as_of, iso_ms
from snapshot.synth.edge_deals import build_edge_deals
from snapshot.synth.edge_memos import build_edge_memos
from snapshot.synth.edge_orgs import EDGE_FORMS, build_edge_forms, build_edge_orgs, edge_id
from snapshot.synth.ids import record_id, uuid7
from snapshot.synth.leads import plan_leads
from snapshot.synth.messy import apply_messy
from snapshot.synth.model import Ctx
from snapshot.synth.records_deals import deal_record
from snapshot.synth.records_misc import form_record, lead_record, memo_record, submission_record
from snapshot.synth.records_parties import org_record, person_record
from snapshot.synth.rng import chance, randint
from snapshot.synth.rollups import apply_rollups
from snapshot.synth.staff import FORM_MEMO_AUTHOR, build_users, me_record, team_records, user_records

MAX_SCALE = 4.0


@dataclass(frozen=True)
class ApiDataset:
    seed: int
    scale: float
    today: date
    organization: list = field(repr=False)
    people: list = field(repr=False)
    deal: list = field(repr=False)
    lead: list = field(repr=False)
    memo: list = field(repr=False)
    user: list = field(repr=False)
    team: list = field(repr=False)
    web_forms: list = field(repr=False)
    submissions: dict = field(repr=False)
    me: dict = field(repr=False)


def validate_inputs(seed: int, scale: float, today: date) -> None:
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if not (isinstance(scale, (int, float)) and math.isfinite(scale) and 0 < scale <= MAX_SCALE):
        raise ValueError(f"scale must be a number with 0 < scale <= {MAX_SCALE:g}, got {scale!r}")
    if not isinstance(today, date) or today < EARLIEST_TODAY:
        raise ValueError(f"today must be a date on or after {EARLIEST_TODAY.isoformat()}, got {today!r}")


def api_dataset(seed: int, scale: float, today: date) -> ApiDataset:
    """Build the dataset for (seed, scale, today); nothing else is an input."""
    validate_inputs(seed, scale, today)
    users = build_users()
    ctx = Ctx(seed, float(scale), today, as_of(today), users, {u.name: u for u in users})
    plan = _plan(ctx)
    return _materialise(ctx, plan)


def _plan(ctx: Ctx) -> dict:
    staff = ownership.Staff(ctx.users)
    edge_orgs, edge_people = build_edge_orgs(ctx)
    orgs = bulk_orgs.plan_orgs(ctx, {o.name for o in edge_orgs.values()})
    deal_orgs = [o for o in orgs if o.kind == "deals"]
    people_orgs = [o for o in orgs if o.kind == "people"]
    deals = bulk_deals.plan_deals(ctx, deal_orgs)
    contacts = bulk_people.plan_contacts(ctx, deal_orgs)
    bulk_people.assign_deal_people(ctx, deals, deal_orgs)
    web = bulk_people.plan_web_people(ctx, deal_orgs, people_orgs, len(contacts))
    catalogue = webforms.plan_catalogue(ctx)
    webforms.plan_submissions(ctx, contacts + web, catalogue)
    for org in orgs:
        ownership.org_created(ctx, org)
        ownership.org_owner(ctx, staff, org)
    for person in contacts + web:
        ownership.person_owner(ctx, staff, person)
    for deal in deals:
        ownership.deal_owner(ctx, staff, deal)
    memos: list = []
    webforms.materialise_submissions(ctx, catalogue, ctx.by_name[FORM_MEMO_AUTHOR], memos)
    leads = plan_leads(ctx, web, contacts, staff.roster)
    memos += bulk_memos.deal_notes(ctx, deals, staff.roster)
    memos += bulk_memos.person_notes(ctx, contacts, staff.roster)
    memos += bulk_memos.org_notes(ctx, deal_orgs)
    memos += bulk_memos.lead_notes(ctx, leads, staff.roster)
    bulk_memos.html_only(ctx, memos)
    edge_deals = build_edge_deals(ctx, edge_orgs, edge_people)
    edge_forms = build_edge_forms()
    memos += build_edge_memos(ctx, edge_orgs, edge_people, edge_deals, edge_forms, catalogue[1])
    return {"orgs": orgs + list(edge_orgs.values()), "people": contacts + web + list(edge_people.values()),
            "deals": deals + list(edge_deals.values()), "leads": leads, "memos": memos,
            "forms": catalogue + [f for k, f in edge_forms.items() if EDGE_FORMS[k][1]], "gone": edge_forms["WF_GONE"]}


def _assign_ids(ctx: Ctx, plan: dict) -> None:
    for kind, created_of in (("orgs", "created"), ("people", "created"), ("deals", "created"), ("leads", "created")):
        for item in plan[kind]:
            if not item.id:
                item.id = record_id(ctx.rng("id", kind, item.key), getattr(item, created_of))
    for i, memo in enumerate(plan["memos"]):
        r = ctx.rng("memo-id", i)
        if not memo.id:
            memo.id = record_id(r, memo.created)
        if memo.updated is None and not memo.edge and chance(r, 0.10):
            memo.updated = min(ctx.as_of, memo.created + timedelta(hours=randint(r, 1, 240)))
    for form in plan["forms"]:
        for i, sub in enumerate(form.subs):
            if not sub.id:
                sub.id = uuid7(ctx.rng("sub-id", form.id, i), sub.created)


def _course_ids(plan: dict) -> dict[str, str]:
    """코스 ID: 6 digits increasing with the contract date, from 200000, +1…+40 per Won deal (5.13)."""
    won = sorted((d for d in plan["deals"] if d.status == "Won" and d.contract and not d.edge),
                 key=lambda d: (d.contract, d.key))
    ids, value = {}, 200000
    for deal in won:
        r_key = int(deal.key[1:]) if deal.key[1:].isdigit() else 0
        value += 1 + (r_key * 7919) % 40
        if not deal.migrated or r_key % 10 < 3:
            ids[deal.key] = str(value)
    return ids


def _materialise(ctx: Ctx, plan: dict) -> ApiDataset:
    _assign_ids(ctx, plan)
    forms = plan["forms"]
    form_refs = {f.id: {"id": f.id, "name": f.name} for f in forms + [plan["gone"]]}
    course_ids = _course_ids(plan)
    tables = {
        "organization": [_with_raw(org_record(ctx, o, form_refs), o) for o in plan["orgs"]],
        "people": [_with_raw(person_record(ctx, p, form_refs), p) for p in plan["people"]],
        "deal": [_with_raw(deal_record(ctx, d, course_ids), d) for d in plan["deals"]],
        "lead": [lead_record(ctx, lead) for lead in plan["leads"]],
        "memo": [memo_record(m) for m in plan["memos"]],
        "user": user_records(ctx.users),
        "team": team_records(ctx.users),
    }
    styles = {x.id: x.float_style for kind in ("orgs", "people", "deals", "leads") for x in plan[kind]}
    apply_rollups(tables, styles, iso_ms(ctx.as_of))
    edge_ids = {x.id for kind in ("orgs", "people", "deals") for x in plan[kind] if x.edge}
    apply_messy(ctx, tables, edge_ids)
    for table in ("organization", "people", "deal", "lead"):
        tables[table].sort(key=lambda rec: (rec["생성 날짜"], rec["id"]))
    tables["memo"].sort(key=lambda rec: (rec["createdAt"], rec["id"]))
    _drop_late_keys(tables["deal"])
    submissions = {}
    for form in forms:
        subs = sorted(form.subs, key=lambda s: (s.created, s.id))
        submissions[form.id] = [submission_record(s) for s in subs]
    return ApiDataset(seed=ctx.seed, scale=ctx.scale, today=ctx.today, web_forms=[form_record(f) for f in forms],
                      submissions=submissions, me=me_record(ctx.users), **tables)


def _with_raw(record: dict, planned) -> dict:
    for key, value in planned.raw.items():
        if key not in record:
            raise KeyError(f"unknown column {key!r} in an edge override")
        record[key] = value
    return record


def _drop_late_keys(deals: list[dict]) -> None:
    """The first max(50, ⌈n/2⌉) deal records lack the two late keys (8.7)."""
    for rec in deals[:max(50, math.ceil(len(deals) / 2))]:
        for key in LATE_DEAL_KEYS:
            del rec[key]


__all__ = ["ApiDataset", "api_dataset", "edge_id"]
