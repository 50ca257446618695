"""SQL of the deal check and the deal memo modal: deals with their person, memo counts, a deal's memos.

Optional columns are detected once per snapshot (20 §1.2): the first existing candidate wins, else NULL.
"""
from __future__ import annotations

from webapp.queries import columns_of, quote_ident, run

CREATED_CANDIDATES = ("생성 날짜", "생성일", "createdAt", "created_at", "created_at_utc")
LOST_CANDIDATES = ("LOST 확정일", "Lost 확정일", "lost_confirmed_at")
DEAL_COLUMNS = ("peopleId", "organizationId", "이름", "상태", "예상 체결액", "계약 체결일", "수주 예정일", "과정포맷",
                "성사 가능성", "담당자", "기획시트 링크")
PERSON_COLUMNS = ("이름", "organizationId", "소속 상위 조직", "팀(명함/메일서명)")


def _first(present: set[str], candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in present), None)


def _col(alias: str, column: str | None, present: set[str], as_name: str) -> str:
    if column is None or column not in present:
        return f"NULL AS {quote_ident(as_name)}"
    return f"{alias}.{quote_ident(column)} AS {quote_ident(as_name)}"


def list_deals_with_people() -> list[dict]:
    """Every deal (rowid order) with the columns the deal check reads and its person's columns (p_*).

    Keys: id, the DEAL_COLUMNS, created_at, lost_date, p_id, p_이름, p_organizationId, p_소속 상위 조직,
    p_팀(명함/메일서명). Missing columns read as NULL; a missing people table gives NULL person columns.
    """
    deal_cols = set(columns_of("deal"))
    if not deal_cols:
        return []
    people_cols = set(columns_of("people"))
    select = ["d.\"id\" AS \"id\""]
    select += [_col("d", c, deal_cols, c) for c in DEAL_COLUMNS]
    select.append(_col("d", _first(deal_cols, CREATED_CANDIDATES), deal_cols, "created_at"))
    select.append(_col("d", _first(deal_cols, LOST_CANDIDATES), deal_cols, "lost_date"))
    if people_cols and "peopleId" in deal_cols:
        select.append('p."id" AS "p_id"')
        select += [_col("p", c, people_cols, f"p_{c}") for c in PERSON_COLUMNS]
        join = 'LEFT JOIN "people" p ON p."id" = d."peopleId"'
    else:
        select += ['NULL AS "p_id"'] + [f"NULL AS {quote_ident('p_' + c)}" for c in PERSON_COLUMNS]
        join = ""
    return run(f'SELECT {", ".join(select)} FROM "deal" d {join} ORDER BY d.rowid')


def memo_counts_by_deal() -> dict[str, int]:
    """dealId → number of memos (memos with a blank dealId count for no deal)."""
    if "dealId" not in columns_of("memo"):
        return {}
    rows = run('SELECT "dealId" AS deal_id, COUNT(*) AS n FROM "memo" '
               'WHERE "dealId" IS NOT NULL AND TRIM("dealId") <> \'\' GROUP BY "dealId"')
    return {r["deal_id"]: r["n"] for r in rows}


def get_deal(deal_id: str) -> dict | None:
    """One deal's id, name and status, or None."""
    present = set(columns_of("deal"))
    if not present:
        return None
    rows = run(f'SELECT "id", {_col("deal", "이름", present, "이름")}, {_col("deal", "상태", present, "상태")} '
               'FROM "deal" WHERE "id" = ? LIMIT 1', (deal_id,))
    return rows[0] if rows else None


def list_deal_memos(deal_id: str) -> list[dict]:
    """Memos with this dealId (unordered; the caller orders them by the memo rule)."""
    present = set(columns_of("memo"))
    if "dealId" not in present:
        return []
    cols = ", ".join(_col("memo", c, present, c) for c in ("id", "text", "htmlBody", "createdAt", "ownerId"))
    return run(f'SELECT {cols} FROM "memo" WHERE "dealId" = ?', (deal_id,))
