"""SQL over deals shared by several screens: the facts the canonical won rules read."""
from __future__ import annotations

from webapp.queries import columns_of, quote_ident, run

_WANTED = ("id", "이름", "상태", "금액", "계약 체결일", "organizationId", "peopleId")


def _select(table: str, wanted: tuple[str, ...]) -> str:
    present = set(columns_of(table))
    return ", ".join(quote_ident(c) if c in present else f"NULL AS {quote_ident(c)}" for c in wanted)


def list_deals_for_won_rules() -> list[dict]:
    """Every deal with the columns of the won rules (missing columns read as NULL), in rowid order."""
    if not columns_of("deal"):
        return []
    return run(f'SELECT {_select("deal", _WANTED)} FROM "deal" ORDER BY rowid')


def person_organizations() -> dict[str, str | None]:
    """person id → its organizationId (raw)."""
    if "organizationId" not in columns_of("people"):
        return {}
    return {r["id"]: r["organizationId"] for r in run('SELECT "id", "organizationId" FROM "people"')}


def organization_names() -> dict[str, str | None]:
    """organization id → `이름` (raw), for every known organisation."""
    if not columns_of("organization"):
        return {}
    return {r["id"]: r["이름"] for r in run(f'SELECT "id", {_select("organization", ("이름",))} FROM "organization"')}
