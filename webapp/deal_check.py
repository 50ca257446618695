"""딜체크: the education teams' deal check (20_org_tables §3). Pure logic: no Flask, no SQL.

Pipeline (§3.2): roster members of the team → base-year won revenue and retention over the whole snapshot →
candidates through the owner gate and the status/date gate of the window → items sorted → part, owner,
probability and status filters → six sections, counts and exclusions.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.business_days import window_start
from domain.dates import kst_date, parse_when
from domain.deals import LOST, SQL, WON, deal_org_id, is_online, normalise_status, probability_labels
from domain.money import parse_krw
from domain.owners import normalise_owner_name, owner_names
from domain.revenue import WonBook
from domain.roster import Roster, Team
from domain.text import clean_text, display_name
from domain.tiers import is_high_tier, tier_of

TEAM_SLUGS = {"edu-all": "edu_all", "edu1": "edu1", "edu2": "edu2", "public": "public"}
TEAM_KEYS = ("edu_all", "edu1", "edu2", "public")
PART_UNITS = {"part1": "1파트", "part2": "2파트", "online": "온라인셀"}
STATUS_VALUES = ("sql", "won", "lost")
PROBABILITIES = ("확정", "높음", "낮음", "LOST")
SECTIONS = (("R_HIGH_OFFLINE", "리텐션 고객 - S0/P0/P1/P2 - 비온라인", True),
            ("R_HIGH_ONLINE", "리텐션 고객 - S0/P0/P1/P2 - 온라인", True),
            ("N_ONLINE", "신규 고객 - 온라인", False),
            ("R_LOW_ONLINE", "리텐션 고객 - P3/P4/P5 - 온라인", True),
            ("R_LOW_OFFLINE", "리텐션 고객 - P3/P4/P5 - 비온라인", True),
            ("N_OFFLINE", "신규 고객 - 비온라인", False))
PILL_LABELS = {"R_HIGH_OFFLINE": "R(S0~P2-비온라인)", "R_HIGH_ONLINE": "R(S0~P2-온라인)", "N_ONLINE": "N(온라인)",
               "R_LOW_ONLINE": "R(P3~P5-온라인)", "R_LOW_OFFLINE": "R(P3~P5-비온라인)", "N_OFFLINE": "N(비온라인)"}
_STATUS_KEYS = {SQL: "sql", WON: "won", LOST: "lost"}


class UnknownTeam(ValueError):
    pass


def team_units(roster: Roster, team_key: str) -> list[tuple[Team, str]]:
    """(team, part name) units of a deal-check team; edu_all = every part of edu1 and edu2."""
    keys = ("edu1", "edu2") if team_key == "edu_all" else (team_key,)
    units = [(t, p.name) for key in keys if (t := roster.team(key)) for p in t.parts]
    if not units:
        raise UnknownTeam(team_key)
    return units


def team_parts(roster: Roster, team_key: str) -> list[str]:
    """Part keys that exist for the team (child menus): edu1/edu2 only, as the roster lists them."""
    team = roster.team(team_key) if team_key in ("edu1", "edu2") else None
    names = {p.name for p in team.parts} if team else set()
    return [key for key, unit in PART_UNITS.items() if unit in names]


@dataclass(frozen=True)
class Candidate:
    """What the deal check needs of one SQL/Won/Lost deal, independent of today and the roster."""
    item: dict              # the §3.3 fields that do not depend on the base year
    status: str             # won / lost / sql
    deciding: date | None   # the date the window judges (None for SQL)
    created: float | None   # created-at instant (sort)
    owners_norm: tuple[str, ...]
    labels: tuple[str, ...]


def candidate_from_row(row: dict, org_names: dict, memo_counts: dict) -> Candidate | None:
    """§3.3 step 1 for one deal row of queries.deal_check (None when not SQL/Won/Lost or without owner)."""
    status = normalise_status(row["상태"])
    if status not in _STATUS_KEYS:
        return None
    names = owner_names(row["담당자"])
    if not names:
        return None
    org_id = deal_org_id(row["organizationId"], row["p_organizationId"])
    if status == WON:
        deciding = kst_date(row["계약 체결일"]) or kst_date(row["수주 예정일"])
    elif status == LOST:
        deciding = kst_date(row["lost_date"])
    else:
        deciding = None
    if status != SQL and deciding is None:
        return None
    created = parse_when(row["created_at"])
    item = {
        "dealId": row["id"], "orgId": org_id,
        "orgName": (display_name(org_names.get(org_id), org_id) if org_id else None) or "-",
        "upperOrg": row["p_소속 상위 조직"], "teamSignature": row["p_팀(명함/메일서명)"],
        "personId": row["p_id"], "personName": row["p_이름"], "createdAt": row["created_at"],
        "dealName": row["이름"], "courseFormat": row["과정포맷"], "owners": names,
        "probability": row["성사 가능성"], "expectedCloseDate": row["수주 예정일"],
        "expectedAmount": parse_krw(row["예상 체결액"]), "planningSheetLink": clean_text(row["기획시트 링크"]),
        "memoCount": memo_counts.get(row["id"], 0),
    }
    return Candidate(item, _STATUS_KEYS[status], deciding, created.timestamp() if created else None,
                     tuple(dict.fromkeys(normalise_owner_name(n) for n in names)),
                     probability_labels(row["성사 가능성"]))


def section_of(is_retention: bool, tier: str, online: bool) -> str:
    if not is_retention:
        return "N_ONLINE" if online else "N_OFFLINE"
    high = is_high_tier(tier)
    return ("R_HIGH_ONLINE" if online else "R_HIGH_OFFLINE") if high else ("R_LOW_ONLINE" if online else "R_LOW_OFFLINE")


def build_items(candidates: list[Candidate], roster: Roster, team_key: str, today: date, holidays: str,
                base_year: int, book: WonBook) -> list[dict]:
    """Owner gate, status/date gate, base-year fields, sort (§3.3–3.4). Items keep private `_` helper keys."""
    members = {normalise_owner_name(m) for team, part in team_units(roster, team_key)
               for m in team.part(part).members}
    start = window_start(today, holidays)  # once: the window is the same for every candidate
    items = []
    for c in candidates:
        if not members.intersection(c.owners_norm):
            continue
        if c.status != "sql" and not (start <= c.deciding <= today):
            continue
        org_id = c.item["orgId"]
        total = book.won(org_id, base_year) if org_id else 0
        retention = bool(org_id) and book.has_won(org_id, base_year)
        tier, online = tier_of(total), is_online(c.item["courseFormat"])
        item = {**c.item, "isRetention": retention, "orgWonBaseTotal": total, "status": c.status, "tier": tier,
                "online": online, "section": section_of(retention, tier, online),
                "_owners": c.owners_norm, "_labels": c.labels, "_created": c.created}
        items.append(item)
    items.sort(key=lambda i: (-i["orgWonBaseTotal"], i["_created"] is not None, i["_created"] or 0.0, i["dealId"]))
    return items


def owner_options(roster: Roster, team_key: str, part: str | None) -> list[str]:
    """전체 is implied; then the menu's member names, normalised, de-duplicated, code-point order."""
    units = team_units(roster, team_key)
    if part is not None:
        units = [(t, p) for t, p in units if p == PART_UNITS[part]]
    return sorted({normalise_owner_name(m) for t, p in units for m in t.part(p).members})


def apply_filters(items: list[dict], roster: Roster, team_key: str, part: str | None, owner: str | None,
                  prob: str | None, statuses: tuple[str, ...] | None) -> list[dict]:
    """Part, owner, probability, status — in that order (§3.5). `statuses=None` means all three."""
    if part is not None:
        unit_members = set(owner_options(roster, team_key, part))
        items = [i for i in items if unit_members.intersection(i["_owners"])]
    if owner:
        items = [i for i in items if owner in i["_owners"]]
    if prob:
        items = [i for i in items if prob in i["_labels"]]
    if statuses is not None:
        items = [i for i in items if i["status"] in statuses]
    return items


def sections(items: list[dict]) -> list[dict]:
    """The six sections in their fixed order, each with its rows (order kept)."""
    return [{"key": key, "title": title, "tier": tier, "rows": [i for i in items if i["section"] == key]}
            for key, title, tier in SECTIONS]


def pill(section_list: list[dict]) -> str:
    return " / ".join(f"{PILL_LABELS[s['key']]} {len(s['rows'])}" for s in section_list)


def unit_labels(roster: Roster, team_key: str) -> list[tuple[str, frozenset[str]]]:
    """(파트 label, normalised members) of the team's units, in roster order (§3.7)."""
    labels = []
    for team, part in team_units(roster, team_key):
        label = f"{team.name.split()[-1]} {part}" if team_key == "edu_all" else part
        labels.append((label, frozenset(normalise_owner_name(m) for m in team.part(part).members)))
    return labels


def part_label(owners_norm: tuple[str, ...], labels: list[tuple[str, frozenset[str]]]) -> str:
    """The 파트 column: this team's units among the owners, joined with `+`; else `미매핑`."""
    found = [label for label, members in labels if members.intersection(owners_norm)]
    return "+".join(found) if found else "미매핑"


def public_item(item: dict) -> dict:
    """The JSON item: the §3.3 keys only, in order (cached on the item as `_public`)."""
    cached = item.get("_public")
    if cached is not None:
        return cached
    return {k: v for k, v in item.items() if not k.startswith("_")}
