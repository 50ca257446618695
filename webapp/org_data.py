"""Cached loaders of the org viewer and the lookups its views share (`org_or_404`, memo authors)."""
from __future__ import annotations

from domain.owners import owner_names
from domain.text import load_jsonish
from webapp import orgs as logic
from webapp.caching import snapshot_cached
from webapp import snapshot_index as index
from webapp.deal_rows import organizations
from webapp.errors import NotFound
from webapp.exclusion_rows import exclusion_row
from webapp.memo_render import order_memos
from webapp.queries import orgs as q
from webapp.won import won_book


@snapshot_cached
def listed_orgs(base_year: int) -> list[dict]:
    return logic.listed_org_rows(list(organizations().values()), q.org_ids_with_people(),
                                 logic.orgs_with_counted_deals(index.deals_by_org()), won_book(), base_year)


@snapshot_cached
def filtered_orgs(base_year: int, size: str, search: str) -> list[dict]:
    """The listed organisations matching size and search (cached: the list is re-filtered on every page)."""
    return logic.filter_orgs(listed_orgs(base_year), size, search)


@snapshot_cached
def filtered_exclusions(base_year: int, size: str, search: str) -> list:
    """The exclusions of the matching organisations, then the Won deals of no organisation (20 §2.2)."""
    book = won_book()
    return book.exclusions_for(r["id"] for r in filtered_orgs(base_year, size, search)) + book.no_organization


@snapshot_cached
def filtered_exclusion_count(base_year: int, size: str, search: str) -> int:
    """n of `Won 집계 제외 n건`: the matching organisations' exclusions plus the deals of no organisation."""
    counts = exclusion_counts()
    return sum(counts.get(r["id"], 0) for r in filtered_orgs(base_year, size, search)) + \
        len(won_book().no_organization)


@snapshot_cached
def exclusion_rows_html() -> dict[str, str]:
    """dealId → escaped table row of every exclusion of the snapshot (built once)."""
    book = won_book()
    items = [e for group in book.exclusions_by_org.values() for e in group] + book.no_organization
    return {e.dealId: exclusion_row(e) for e in items}


@snapshot_cached
def exclusion_counts() -> dict[str, int]:
    """Organisation id → number of its exclusions (no sorting needed to count)."""
    return {org: len(items) for org, items in won_book().exclusions_by_org.items()}


@snapshot_cached
def size_options() -> list[str]:
    return logic.sizes(list(organizations().values()))


@snapshot_cached
def people_deal_counts() -> dict[str, int]:
    """peopleId → number of non-Convert deals (any organisation)."""
    return {person: len(deals) for person, deals in index.counted_deals_by_person().items()}


@snapshot_cached
def user_names() -> dict[str, str]:
    return q.user_names()


@snapshot_cached
def owner_map() -> dict[str, str]:
    """Names from every dict-shaped `담당자` of organization, people and deal (first seen wins, 20 §1.4).

    Three table scans: only read when a memo author is missing from the `user` table.
    """
    names: dict[str, str] = {}
    for cell in q.owner_cells():
        loaded = load_jsonish(cell)
        for item in loaded if isinstance(loaded, list) else [loaded]:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and owner_names(item):
                names.setdefault(item["id"].strip(), owner_names(item)[0])
    return names


def author_of(owner_id: str | None) -> str | None:
    """`user.name`, else a name from the `담당자` objects, else the raw id."""
    if owner_id is None:
        return None
    key = owner_id.strip()
    return user_names().get(key) or owner_map().get(key, owner_id)


def org_or_404(org_id: str) -> dict:
    org = organizations().get(org_id)
    if org is None:
        raise NotFound("Organization not found", "해당 회사를 찾을 수 없습니다.")
    return org


def person_or_404(person_id: str) -> dict:
    person = index.person(person_id)
    if person is None:
        raise NotFound("Person not found", "해당 사람을 찾을 수 없습니다.")
    return person


def memo_items(rows: list[dict]) -> list[dict]:
    return [logic.memo_item(m, author_of(m["ownerId"])) for m in order_memos(rows)]


def people_lookup(org_id: str, extra_ids: set[str]) -> dict[str, dict]:
    """The organisation's people, plus persons of its deals filed under another organisation."""
    people = {p["id"]: p for p in q.list_people_of_org(org_id)}
    missing = sorted(extra_ids - set(people))
    if missing:
        people.update(q.list_people_by_ids(missing, index.rowids("people")))
    return people


@snapshot_cached
def org_people_items(org_id: str) -> list[dict]:
    """The organisation's people as API items, ordered by name then id."""
    counts = people_deal_counts()
    items = [logic.person_item(p, counts) for p in q.list_people_of_org(org_id)]
    items.sort(key=lambda i: (i["name"] or "", i["id"]))
    return items


@snapshot_cached
def won_summary_items(org_id: str, base_year: int) -> list[dict]:
    """Won summary by upper org over BASE_YEAR−2 … BASE_YEAR (20 §5)."""
    years = [base_year - 2, base_year - 1, base_year]
    canonical = logic.org_canonical_deals(org_id, index.deals_by_org().get(org_id, []), years)
    people = people_lookup(org_id, {d["p_id"] for d, _ in canonical if d["p_id"]})
    return logic.won_summary(canonical, people, years, base_year)


@snapshot_cached
def org_csv_rows(base_year: int, size: str, search: str) -> list[list]:
    """The organisation list's CSV rows for a filter: every matching organisation, all pages."""
    rows = filtered_orgs(base_year, size, search)
    return [[r["name"], r["size"] or "-", d["eok"], d["owners"]] for r, d in zip(rows, map(logic.org_display, rows))]
