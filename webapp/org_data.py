"""Cached loaders of the org viewer and the lookups its views share (`org_or_404`, memo authors)."""
from __future__ import annotations

from domain.owners import owner_names
from domain.text import load_jsonish
from webapp import orgs as logic
from webapp.caching import snapshot_cached
from webapp.deal_rows import deal_rows
from webapp.errors import NotFound
from webapp.memo_render import order_memos
from webapp.queries import orgs as q
from webapp.won import won_book


@snapshot_cached
def organizations() -> dict[str, dict]:
    """Every known organisation by id (rowid order kept)."""
    return {o["id"]: o for o in q.list_organizations()}


@snapshot_cached
def listed_orgs(base_year: int) -> list[dict]:
    return logic.listed_org_rows(list(organizations().values()), q.org_ids_with_people(), deal_rows(), won_book(),
                                 base_year)


@snapshot_cached
def size_options() -> list[str]:
    return logic.sizes(list(organizations().values()))


@snapshot_cached
def people_deal_counts():
    return logic.deal_counts(deal_rows())


@snapshot_cached
def authors() -> dict[str, str]:
    """Memo author names: `user.name`, else names from every dict-shaped `담당자` (first seen wins)."""
    names: dict[str, str] = {}
    for cell in q.owner_cells():
        loaded = load_jsonish(cell)
        for item in loaded if isinstance(loaded, list) else [loaded]:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and owner_names(item):
                names.setdefault(item["id"].strip(), owner_names(item)[0])
    names.update(q.user_names())
    return names


def author_of(owner_id: str | None) -> str | None:
    if owner_id is None:
        return None
    return authors().get(owner_id.strip(), owner_id)


def org_or_404(org_id: str) -> dict:
    org = organizations().get(org_id)
    if org is None:
        raise NotFound("Organization not found", "해당 회사를 찾을 수 없습니다.")
    return org


def person_or_404(person_id: str) -> dict:
    person = q.get_person(person_id)
    if person is None:
        raise NotFound("Person not found", "해당 사람을 찾을 수 없습니다.")
    return person


def memo_items(rows: list[dict]) -> list[dict]:
    return [logic.memo_item(m, author_of(m["ownerId"])) for m in order_memos(rows)]


def people_lookup(org_id: str, extra_ids: set[str]) -> dict[str, dict]:
    """The organisation's people, plus persons of its deals filed under another organisation."""
    people = {p["id"]: p for p in q.list_people_of_org(org_id)}
    for person_id in sorted(extra_ids - set(people)):
        person = q.get_person(person_id)
        if person is not None:
            people[person_id] = person
    return people
