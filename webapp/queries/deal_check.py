"""SQL of the deal check and the deal memo modal: memo counts, one deal, a deal's memos."""
from __future__ import annotations

from webapp.queries import column_or_null, columns_of, run


def memo_counts_by_deal() -> dict[str, int]:
    """dealId → number of memos (memos with a blank dealId count for no deal)."""
    if "dealId" not in columns_of("memo"):
        return {}
    rows = run('SELECT "dealId" AS deal_id, COUNT(*) AS n FROM "memo" '
               'WHERE "dealId" IS NOT NULL AND TRIM("dealId") <> \'\' GROUP BY "dealId"')
    return {r["deal_id"]: r["n"] for r in rows}


def get_deal_by_rowid(rowid: int) -> dict | None:
    """One deal's id, name and status, or None."""
    present = set(columns_of("deal"))
    if not present:
        return None
    rows = run(f'SELECT "id", {column_or_null("deal", "이름", present, "이름")}, '
               f'{column_or_null("deal", "상태", present, "상태")} FROM "deal" WHERE rowid = ?', (rowid,))
    return rows[0] if rows else None


def list_deal_memos(deal_id: str) -> list[dict]:
    """Memos with this dealId (unordered; the caller orders them by the memo rule)."""
    present = set(columns_of("memo"))
    if "dealId" not in present:
        return []
    cols = ", ".join(column_or_null("memo", c, present, c) for c in ("id", "text", "htmlBody", "createdAt", "ownerId"))
    return run(f'SELECT {cols} FROM "memo" WHERE "dealId" = ?', (deal_id,))
