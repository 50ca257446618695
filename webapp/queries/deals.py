"""SQL over deals shared by several screens: every deal with its person, and organisation names.

Optional columns are detected per query (20 §1.2): the first existing candidate wins, else NULL.
"""
from __future__ import annotations

from webapp.queries import column_or_null, columns_of, quote_ident, run


def _select(table: str, wanted: tuple[str, ...]) -> str:
    present = set(columns_of(table))
    return ", ".join(quote_ident(c) if c in present else f"NULL AS {quote_ident(c)}" for c in wanted)


CREATED_CANDIDATES = ("생성 날짜", "생성일", "createdAt", "created_at", "created_at_utc")
LOST_CANDIDATES = ("LOST 확정일", "Lost 확정일", "lost_confirmed_at")
DEAL_COLUMNS = ("peopleId", "organizationId", "이름", "상태", "금액", "예상 체결액", "계약 체결일", "수주 예정일", "과정포맷",
                "성사 가능성", "담당자", "기획시트 링크")
PERSON_COLUMNS = ("이름", "organizationId", "소속 상위 조직", "팀(명함/메일서명)")


def _first(present: set[str], candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in present), None)



def list_deals_with_people() -> list[dict]:
    """Every deal (rowid order) with the columns the deal rules read and its person's columns (p_*).

    Keys: id, the DEAL_COLUMNS, created_at, lost_date, p_id, p_이름, p_organizationId, p_소속 상위 조직,
    p_팀(명함/메일서명). Missing columns read as NULL; a person that does not exist gives NULL p_* values.
    Two queries instead of a join: SQLite would build an automatic covering index over the wide people
    table for the join (≈0.4 s at scale 1.0); `IN (SELECT peopleId FROM deal)` reads only the referenced
    people, through ix_deal_peopleId when it exists.
    """
    deal_cols = set(columns_of("deal"))
    if not deal_cols:
        return []
    select = ['d."id" AS "id"']
    select += [column_or_null("d", c, deal_cols, c) for c in DEAL_COLUMNS]
    select.append(column_or_null("d", _first(deal_cols, CREATED_CANDIDATES), deal_cols, "created_at"))
    select.append(column_or_null("d", _first(deal_cols, LOST_CANDIDATES), deal_cols, "lost_date"))
    deals = run(f'SELECT {", ".join(select)} FROM "deal" d ORDER BY d.rowid')
    people = _people_of_deals(deal_cols)
    empty = {"p_id": None, **{f"p_{c}": None for c in PERSON_COLUMNS}}
    for deal in deals:
        deal.update(people.get(deal["peopleId"], empty))
    return deals


def _people_of_deals(deal_cols: set[str]) -> dict[str, dict]:
    people_cols = set(columns_of("people"))
    if not people_cols or "peopleId" not in deal_cols:
        return {}
    select = ['p."id" AS "p_id"'] + [column_or_null("p", c, people_cols, f"p_{c}") for c in PERSON_COLUMNS]
    rows = run(f'SELECT {", ".join(select)} FROM "people" p '
               'WHERE p."id" IN (SELECT "peopleId" FROM "deal" WHERE "peopleId" IS NOT NULL)')
    return {row["p_id"]: row for row in rows}
