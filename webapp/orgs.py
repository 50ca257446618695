"""조직/People/Deal 뷰어 logic (20_org_tables §2, §5): pure functions over loaded rows. No Flask, no SQL."""
from __future__ import annotations

from collections import Counter

from domain.dates import format_iso, kst_date, parse_when
from domain.deals import CONVERT, deal_org_id, normalise_status, status_text
from domain.money import format_eok, parse_krw
from domain.owners import format_owner_names, owner_names
from domain.revenue import DealFacts, WonBook, canonical_won
from domain.roster import Roster
from domain.text import UNSET, as_text, clean_text, display_name, is_blank, label_or_unset, load_jsonish, \
    normalise_upper_org

ORG_PAGE_SIZE = 50
SEARCH_MAX = 100
UNKNOWN_DATE = "날짜 확인 불가"


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only: search is ASCII case-insensitive, non-ASCII is not folded (20 §7.14)."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def deal_org(row: dict) -> str | None:
    return deal_org_id(row["organizationId"], row["p_organizationId"])


def orgs_with_counted_deals(deals_by_org: dict[str, list[dict]]) -> set[str]:
    return {org for org, deals in deals_by_org.items() if any(normalise_status(d["상태"]) != CONVERT for d in deals)}


def listed_org_rows(orgs: list[dict], people_org_ids: set[str], with_deals: set[str], book: WonBook,
                    base_year: int) -> list[dict]:
    """Known organisations with people or a non-Convert deal, ordered by base-year won desc, name, id."""
    rows = []
    for org in orgs:
        if org["id"] not in people_org_ids and org["id"] not in with_deals:
            continue
        won = book.won(org["id"], base_year)
        rows.append({"id": org["id"], "name": display_name(org["이름"], org["id"]), "size": org["기업 규모"],
                     "wonBase": won, "_org": org, "_search": ascii_lower(f"{org['이름'] or ''}\n{org['id']}"),
                     "_size": clean_text(org["기업 규모"]) or ""})
    rows.sort(key=lambda r: (-r["wonBase"], r["name"], r["id"]))
    return rows


def org_display(row: dict) -> dict:
    """The parsed fields of a listed row, computed only for the rows a page or response shows."""
    org = row["_org"]
    team = load_jsonish(org["팀"])
    return {"team": team if isinstance(team, list) else [], "owner": load_jsonish(org["담당자"]),
            "owners": format_owner_names(owner_names(org["담당자"])), "eok": format_eok(row["wonBase"])}


def sizes(orgs: list[dict]) -> list[str]:
    """Distinct non-blank `기업 규모` over all organisations, code-point order."""
    return sorted({clean_text(o["기업 규모"]) for o in orgs} - {None})


def filter_orgs(rows: list[dict], size: str, search: str) -> list[dict]:
    needle = ascii_lower(search)
    return [r for r in rows if (size == "전체" or r["_size"] == size) and needle in r["_search"]]


def page_of(rows: list, page: int, page_size: int = ORG_PAGE_SIZE) -> tuple[list, int]:
    """(rows of the page, page count ≥ 1)."""
    pages = max(1, -(-len(rows) // page_size))
    return rows[(page - 1) * page_size: page * page_size], pages


def public_org(row: dict) -> dict:
    shown = org_display(row)
    return {"id": row["id"], "name": row["name"], "size": row["size"], "team": shown["team"], "owner": shown["owner"],
            "wonBase": row["wonBase"]}


def contact_label(person: dict | None) -> str:
    if person is None:
        return " / ".join([UNSET] * 4)
    return " / ".join(label_or_unset(person[c]) for c in ("팀(명함/메일서명)", "이름", "직급(명함/메일서명)", "담당 교육 영역"))


def org_canonical_deals(org_id: str, org_deals: list[dict], years: list[int]) -> list[tuple[dict, object]]:
    """(deal row, CanonicalWon) of this organisation's canonical Won deals in the listed years."""
    out = []
    for d in org_deals:
        won = canonical_won(DealFacts(d["id"], d["이름"], d["상태"], d["금액"], d["계약 체결일"], org_id))
        if won is not None and won.year in years:
            out.append((d, won))
    return out


def deal_upper(d: dict) -> str:
    return normalise_upper_org(d["p_소속 상위 조직"]) if d["p_id"] is not None else UNSET


def won_summary(canonical: list, people: dict[str, dict], years: list[int], base_year: int) -> list[dict]:
    """One item per upper org (20 §5 won-summary), ordered by the sum over the years desc, then upper org."""
    groups: dict[str, dict] = {}
    for d, won in canonical:
        upper = deal_upper(d)
        g = groups.setdefault(upper, {"upper_org": upper, "wonByYear": {str(y): 0 for y in years}, "dealCount": 0,
                                      "_contacts": set(), "_owners": set(), "_base": set()})
        g["wonByYear"][str(won.year)] += won.amount
        g["dealCount"] += 1
        g["_contacts"].add(contact_label(people.get(d["p_id"]) if d["p_id"] else None))
        names = owner_names(d["담당자"]) or [UNSET]
        g["_owners"].update(names)
        if won.year == base_year:
            g["_base"].update(names)
    items = [{"upper_org": g["upper_org"], "wonByYear": g["wonByYear"], "dealCount": g["dealCount"],
              "contacts": sorted(g["_contacts"]), "owners": sorted(g["_owners"]), "ownersBase": sorted(g["_base"])}
             for g in groups.values()]
    items.sort(key=lambda i: (-sum(i["wonByYear"].values()), i["upper_org"]))
    return items


def team_and_dri(owners_base: list[str], roster: Roster) -> tuple[str, str]:
    """팀&파트 and DRI 가능 from ownersBase (20 §2.3.1)."""
    if not owners_base:
        return "-", "X"
    units = [(n, roster.unit_of(n)) for n in owners_base]
    unresolved = [n for n, u in units if u is None]
    if unresolved:
        return f"미확인({', '.join(unresolved)})", "X"
    counts = Counter((u.team.name, u.part.name) for _, u in units)
    combos = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
    first = f"{combos[0][0][0]} {combos[0][0][1]}"
    return (first, "O") if len(combos) == 1 else (f"{first} 외 {len(combos) - 1}개", "X")


def deal_order_key(d: dict, contract_key: str = "계약 체결일", created_key: str = "created_at"):
    """§1.9: contract KST date desc (blank/unparseable last), created instant desc (missing last), id asc."""
    day = kst_date(d[contract_key])
    created = parse_when(d[created_key])
    return (day is None, -(day.toordinal()) if day else 0, created is None,
            -created.timestamp() if created else 0.0, d["id"])


def person_deals(counted: list[dict]) -> list[dict]:
    """A person's non-Convert deals ordered §1.9 (the API item shape of 20 §5)."""
    rows = sorted(counted, key=deal_order_key)
    items = []
    for d in rows:
        names = owner_names(d["담당자"])
        items.append({"id": d["id"], "peopleId": d["peopleId"], "organizationId": d["organizationId"],
                      "name": d["이름"], "status": status_text(d["상태"]),
                      "amount": parse_krw(d["금액"]), "expected_amount": parse_krw(d["예상 체결액"]),
                      "contract_date": d["계약 체결일"], "ownerName": format_owner_names(names, None),
                      "created_at": d["created_at"]})
    return items


def person_item(p: dict, counts: Counter) -> dict:
    return {"id": p["id"], "organizationId": p["organizationId"], "name": p["이름"],
            "upper_org": p["소속 상위 조직"], "team_signature": p["팀(명함/메일서명)"],
            "title_signature": p["직급(명함/메일서명)"], "edu_area": p["담당 교육 영역"], "email": p["이메일"],
            "phone": p["전화"], "deal_count": counts.get(p["id"], 0)}


def submitted_forms(cell) -> list[dict]:
    """`제출된 웹폼 목록` → [{id, name}] (20 §2.6); anything but a JSON list gives none."""
    loaded = load_jsonish(cell)
    if not isinstance(loaded, list):
        return []
    forms = []
    for item in loaded:
        if isinstance(item, dict):
            form_id = next((as_text(item[k]).strip() for k in ("id", "webFormId", "webformId")
                            if item.get(k) is not None and not is_blank(item.get(k))), None)
            name = next((item[k] for k in ("name", "title") if isinstance(item.get(k), str)), "") or ""
            if name or form_id:
                forms.append({"id": form_id, "name": name})
        elif isinstance(item, str) and item.strip():
            forms.append({"id": None, "name": item})
    return forms


def webform_dates(forms: list[dict], history: list[dict]) -> list[dict]:
    """[{name, date}]: one KST date, a sorted list of dates, or `날짜 확인 불가` (never the form id)."""
    by_form: dict[str, set] = {}
    for h in history:
        form_id = as_text(h["webFormId"]).strip() if h["webFormId"] is not None else ""
        day = kst_date(h["createdAt"])
        if form_id and day is not None:
            by_form.setdefault(form_id, set()).add(day)
    out = []
    for form in forms:
        days = sorted(by_form.get(form["id"] or "", ()))
        date = UNKNOWN_DATE if not days else (format_iso(days[0]) if len(days) == 1 else [format_iso(d) for d in days])
        out.append({"name": form["name"], "date": date})
    return out


def memo_item(m: dict, author: str | None) -> dict:
    return {"id": m["id"], "text": m["text"], "htmlBody": m["htmlBody"], "ownerId": m["ownerId"],
            "createdAt": m["createdAt"], "updatedAt": m["updatedAt"], "ownerName": author}
