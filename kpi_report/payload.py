"""The build pipeline and the payload of the KPI report (23 §3–5): filters with their meta counts, the
per-deal fields computed once in Python, the data-quality exclusion objects and `meta`.

Pure: it takes the rows read by `queries.py` and returns plain dicts; no I/O."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.dates import format_iso, kst_date, kst_year
from domain.deals import (CONVERT, canonical_format, deal_org_id, format_probability, is_false_like,
                          is_online, normalise_status, probability_labels, status_text)
from domain.orgs import org_key
from domain.owners import normalise_owner_name, owner_names
from domain.revenue import (BAD_AMOUNT, NO_CONTRACT_DATE, NO_ORGANIZATION, DealFacts, canonical_won,
                            exclusion_reason, make_exclusion)
from domain.roster import Roster
from domain.text import as_text, clean_text, is_blank
from kpi_report.fields import parse_amount, parse_net
from kpi_report.numbers import utf16_key

NO_ORG_LABEL = "조직 미지정"
ONLINE_FORMAT_ORDER = ("구독제(온라인)", "선택구매(온라인)", "포팅")  # the payload's order of domain.deals.ONLINE_FORMATS


@dataclass(frozen=True)
class Sources:
    """What `queries.py` read: deal rows, person id → organisation cell, organisation id → name."""
    rows: list[dict]
    person_orgs: dict[str, Any]
    org_names: dict[str, str | None]


def report_roster(roster: Roster, teams: tuple[str, ...]) -> tuple[list[dict], dict[str, str]]:
    """(payload `roster` in roster order, normalised member name → member as written) of the report teams."""
    chosen = [t for t in roster.teams if t.key in teams]
    members = {normalise_owner_name(m): m for t in chosen for p in t.parts for m in p.members}
    payload = [{"key": t.key, "team": t.name, "units": [{"unit": p.name, "people": list(p.members)} for p in t.parts]}
               for t in chosen]
    return payload, members


def _date_failure(value: Any) -> bool:
    return not is_blank(value) and kst_date(value) is None


def _organisation(row: dict, src: Sources) -> str | None:
    person = clean_text(row.get("peopleId"))
    fallback = src.person_orgs.get(person) if person is not None else None
    return deal_org_id(row.get("organizationId"), fallback)


def deal_fields(row: dict, person: str, owner_name: str, src: Sources, existing: frozenset[str]) -> dict:
    """One payload deal (23 §4), keys in the spec's order."""
    org_id = _organisation(row, src)
    name = src.org_names.get(org_id) if org_id is not None else None
    if org_id is None:
        org_name, customer_key = NO_ORG_LABEL, None
    else:
        org_name = name if name is not None else org_id
        key = org_key(name) if name is not None else ""
        customer_key = f"n:{key}" if key else f"i:{org_id}"
    amount, amount_text = parse_amount(row.get("amount"))
    net_ppm, net_text = parse_net(row.get("netPercent"))
    fmt = canonical_format(row.get("courseFormat"))
    online = is_online(row.get("courseFormat"))
    facts = DealFacts(deal_id=_id(row), deal_name=clean_text(row.get("dealName")), status_raw=row.get("status"),
                      amount_raw=row.get("amount"), contract_date_raw=row.get("contractDate"), org_id=org_id,
                      org_name=org_name if org_id is not None else None)
    reason = exclusion_reason(facts, org_first=False)
    return {
        "id": facts.deal_id, "person": person, "ownerName": owner_name, "dealName": facts.deal_name,
        "orgName": org_name, "customerKey": customer_key,
        "isExisting": customer_key is not None and customer_key.startswith("n:") and customer_key[2:] in existing,
        "status": status_text(row.get("status")),
        "leadYear": kst_year(row.get("createdAt")), "contractYear": kst_year(row.get("contractDate")),
        "createdDate": format_iso(kst_date(row.get("createdAt")), None),
        "contractDate": format_iso(kst_date(row.get("contractDate")), None),
        "expectedCloseDate": format_iso(kst_date(row.get("expectedCloseDate")), None),
        "amount": amount, "amountText": amount_text,
        "wonExclusion": reason if reason in (NO_CONTRACT_DATE, BAD_AMOUNT) else None,
        "format": fmt, "isOnline": online, "monthlyExcluded": online and is_false_like(row.get("onlineFirstEntry")),
        "netPpm": net_ppm, "netText": net_text,
        "probability": format_probability(probability_labels(row.get("probability")), missing=None),
        "_facts": facts, "_orgId": org_id,
    }


def _id(row: dict) -> str:
    return (as_text(row.get("dealId")) or "").strip()


def _owner_match(row: dict, members: dict[str, str]) -> tuple[str, str] | None:
    """(member as written, owner name as stored) of the first owner that is a report-roster member."""
    for name in owner_names(row.get("owner")):
        stored = name.strip()
        member = members.get(normalise_owner_name(stored))
        if member is not None:
            return member, stored
    return None


def _exclusion_key(item) -> tuple:
    no_org = item.orgName is None
    return (no_org, utf16_key(item.orgName or ""), utf16_key(item.dealId))


def build_payload(src: Sources, *, roster: Roster, teams: tuple[str, ...], years: list[int],
                  existing: frozenset[str], existing_count: int, net_column: str, net_candidates: list[str] | None,
                  db_name: str, generated_at: str, data_generated_at: str, data_source: str) -> tuple[dict, dict]:
    """(payload, build facts for the stdout lines). `years` sorted, distinct, at least two."""
    roster_payload, members = report_roster(roster, teams)
    rows = src.rows
    kept = [r for r in rows if normalise_status(r.get("status")) != CONVERT]
    failures_created = sum(_date_failure(r.get("createdAt")) for r in kept)
    failures_contract = sum(_date_failure(r.get("contractDate")) for r in kept)
    net_filled = sum(not is_blank(r.get("netPercent")) for r in kept)
    wanted = set(years)
    in_years = [r for r in kept
                if kst_year(r.get("createdAt")) in wanted or kst_year(r.get("contractDate")) in wanted]
    owners = {normalise_owner_name(n.strip()) for r in in_years for n in owner_names(r.get("owner"))}
    deals, out_of_roster = [], 0
    for row in in_years:
        match = _owner_match(row, members)
        if match is None:
            out_of_roster += 1
            continue
        deals.append(deal_fields(row, match[0], match[1], src, existing))
    deals.sort(key=lambda d: utf16_key(d["id"]))
    exclusions = []
    for deal in deals:
        facts = deal["_facts"]
        if deal["wonExclusion"]:
            exclusions.append(make_exclusion(facts, deal["wonExclusion"]))
        elif canonical_won(facts) is not None and deal["_orgId"] is None:
            exclusions.append(make_exclusion(facts, NO_ORGANIZATION))
    exclusions.sort(key=_exclusion_key)
    merged = _merged_org_keys(deals)
    for deal in deals:
        del deal["_facts"], deal["_orgId"]
    meta = {
        "dbPath": db_name,
        "dealCountBeforeFilters": len(rows), "dealCountAfterConvertFilter": len(kept),
        "dealCountAfterYearFilter": len(in_years), "uniqueOwnerCount": len(owners),
        "filteredByOrgMapCount": out_of_roster, "dealCountAfterOrgMapFilter": len(deals),
        "netPercentColumn": net_column, "netPercentCandidates": net_candidates,
        "yearParseFailuresCreatedAt": failures_created, "yearParseFailuresContractDate": failures_contract,
        "dataGeneratedAtSource": data_source,
        "dealsWithoutOrgCount": sum(d["customerKey"] is None for d in deals),
        "amountInvalidCount": sum(d["amountText"] is not None for d in deals),
        "netInvalidCount": sum(d["netText"] is not None for d in deals),
        "wonExcludedCount": sum(e.reason in (NO_CONTRACT_DATE, BAD_AMOUNT) for e in exclusions),
        "existingOrgKeyCount": existing_count,
        "mergedOrgKeys": merged,
    }
    payload = {
        "schemaVersion": 1, "title": f"{years[-1]} 성과평가용 개인 KPI 검수 리포트", "generatedAt": generated_at,
        "dataGeneratedAt": data_generated_at, "years": years, "compareYears": [years[-2], years[-1]],
        "onlineFormats": list(ONLINE_FORMAT_ORDER), "roster": roster_payload, "deals": deals,
        "wonExclusions": [e.to_json() for e in exclusions], "meta": meta,
    }
    return payload, {"net_filled": net_filled, "teams": [t["key"] for t in roster_payload]}


def _merged_org_keys(deals: list[dict]) -> list[dict]:
    """Organisation keys shared by deals of two or more organisation ids, with their distinct names."""
    ids: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for deal in deals:
        key = deal["customerKey"]
        if key is None or not key.startswith("n:"):
            continue
        ids.setdefault(key[2:], set()).add(deal["_orgId"])
        names.setdefault(key[2:], set()).add(deal["orgName"])
    return [{"key": key, "orgCount": len(ids[key]), "names": sorted(names[key], key=utf16_key)}
            for key in sorted(ids, key=utf16_key) if len(ids[key]) >= 2]
