"""Step 9: roll-up columns, consistent with the child records (11_data_model.md §8.5 step 9).

Computed from the materialised records with the domain rules (status, money, a deal's organisation), so
the CRM conveniences agree with what the features compute. Features never read roll-ups.
"""
from __future__ import annotations

import re
from collections import defaultdict

from domain.deals import LOST, WON, deal_org_id, is_open, normalise_status
from domain.money import parse_krw
from snapshot.synth.fields import num

_ISO_MS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def _latest_memos(memos: list[dict], column: str) -> dict[str, dict]:
    latest: dict[str, dict] = {}
    for memo in memos:
        key = memo[column]
        if key is None:
            continue
        best = latest.get(key)
        if best is None or (memo["createdAt"], memo["id"]) > (best["createdAt"], best["id"]):
            latest[key] = memo
    return latest


def _note_fields(rec: dict, memo: dict | None, users: dict[str, dict]) -> None:
    if memo is None:
        return
    rec["최근 작성된 노트"] = memo["text"]
    rec["최근 노트 작성일"] = memo["createdAt"]
    user = users[memo["ownerId"]]
    rec["최근 노트 작성자"] = {"id": user["id"], "name": user["name"]}


def _touch(rec: dict, as_of_text: str, *extra: str | None) -> None:
    """수정 날짜 = the latest of the record's own timestamps (and extra ones) not later than A."""
    stamps = [v for v in rec.values() if isinstance(v, str) and _ISO_MS.match(v) and v <= as_of_text]
    stamps += [e for e in extra if e is not None and e <= as_of_text]
    rec["수정 날짜"] = max(stamps) if stamps else rec["생성 날짜"]


def _deal_counts(rec: dict, deals: list[dict], style: bool, full: bool) -> None:
    statuses = [normalise_status(d["상태"]) for d in deals]
    won = [d for d, s in zip(deals, statuses) if s == WON]
    rec["딜 개수"] = num(len(deals), style)
    rec["성사된 딜 개수"] = num(len(won), style)
    rec["진행중 딜 개수"] = num(sum(is_open(s) for s in statuses), style)
    rec["총 매출"] = num(sum(parse_krw(d["금액"]) or 0 for d in won), style)
    if full:
        rec["실패된 딜 개수"] = num(statuses.count(LOST), style)
        rec["종료된 딜 수"] = num(statuses.count(LOST) + len(won), style)
        closed = [d for d in won if d["마감일"]]
        if closed:
            last = max(closed, key=lambda d: (d["마감일"], d["id"]))
            rec["최근 딜 성사 날짜"] = last["마감일"]
            rec["최근 성사된 딜 금액"] = last["금액"]


def apply_rollups(tables: dict[str, list[dict]], styles: dict[str, bool], as_of_text: str) -> None:
    users = {u["id"]: u for u in tables["user"]}
    memos = tables["memo"]
    people_org = {p["id"]: p["organizationId"] for p in tables["people"]}
    deals_by_org, deals_by_person = defaultdict(list), defaultdict(list)
    for deal in tables["deal"]:
        org_id = deal_org_id(deal["organizationId"], people_org.get(deal["peopleId"]))
        if org_id:
            deals_by_org[org_id].append(deal)
        if deal["peopleId"]:
            deals_by_person[deal["peopleId"]].append(deal)
    leads_by_org, leads_by_person = defaultdict(int), defaultdict(int)
    for lead in tables["lead"]:
        if lead["organizationId"]:
            leads_by_org[lead["organizationId"]] += 1
        if lead["peopleId"]:
            leads_by_person[lead["peopleId"]] += 1
    people_by_org = defaultdict(int)
    for person in tables["people"]:
        if person["organizationId"]:
            people_by_org[person["organizationId"]] += 1
    latest = {col: _latest_memos(memos, col) for col in ("organizationId", "peopleId", "dealId", "leadId")}
    for org in tables["organization"]:
        style = styles[org["id"]]
        _deal_counts(org, deals_by_org.get(org["id"], []), style, full=True)
        org["연결된 고객 수"] = num(people_by_org.get(org["id"], 0), style)
        org["리드 개수"] = num(leads_by_org.get(org["id"], 0), style)
        for counter in ("미완료 TODO", "완료 TODO", "전체 TODO"):
            org[counter] = num(0, style)
        memo = latest["organizationId"].get(org["id"])
        _note_fields(org, memo, users)
        _touch(org, as_of_text, memo and memo["createdAt"])
    for person in tables["people"]:
        style = styles[person["id"]]
        deals = deals_by_person.get(person["id"], [])
        _deal_counts(person, deals, style, full=False)
        person["리드 개수"] = num(leads_by_person.get(person["id"], 0), style)
        activity = [d["최근 연락일"] or d["마감일"] or d["생성 날짜"] for d in deals]
        if activity:
            person["최근 연락일"] = max(activity)
        memo = latest["peopleId"].get(person["id"])
        _note_fields(person, memo, users)
        _touch(person, as_of_text, memo and memo["createdAt"])
    for table, column in (("deal", "dealId"), ("lead", "leadId")):
        for rec in tables[table]:
            memo = latest[column].get(rec["id"])
            _note_fields(rec, memo, users)
            _touch(rec, as_of_text, memo and memo["createdAt"])


__all__ = ["apply_rollups"]
