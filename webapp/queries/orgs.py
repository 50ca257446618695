"""SQL of the org viewer: organisations, people, memos, web-form history, users (20 §2, §4.4, §5).

Values as parameters; identifiers only from the lists below. Missing tables/columns read as empty/NULL.
"""
from __future__ import annotations

from webapp.queries import column_or_null, columns_of, in_chunks, run

ORG_COLUMNS = ("이름", "기업 규모", "업종", "업종 구분(대)", "업종 구분(중)", "팀", "담당자")
PERSON_COLUMNS = ("organizationId", "이름", "소속 상위 조직", "팀(명함/메일서명)", "직급(명함/메일서명)", "담당 교육 영역",
                  "이메일", "전화", "제출된 웹폼 목록", "담당자")
MEMO_COLUMNS = ("text", "htmlBody", "dealId", "peopleId", "organizationId", "ownerId", "createdAt", "updatedAt")
DEAL_DETAIL_COLUMNS = ("팀", "이탈 사유", "카테고리", "수강시작일", "수강종료일", "Net(%)")


def _select(alias: str, table: str, wanted: tuple[str, ...]) -> str:
    present = set(columns_of(table))
    return ", ".join([f'{alias}."id" AS "id"'] + [column_or_null(alias, c, present, c) for c in wanted])


def list_organizations() -> list[dict]:
    """Every organisation row (id + ORG_COLUMNS), rowid order."""
    if not columns_of("organization"):
        return []
    return run(f'SELECT {_select("o", "organization", ORG_COLUMNS)} FROM "organization" o ORDER BY o.rowid')


def org_ids_with_people() -> set[str]:
    if "organizationId" not in columns_of("people"):
        return set()
    return {r["o"] for r in run('SELECT DISTINCT "organizationId" AS o FROM "people" WHERE "organizationId" IS NOT NULL')}


def list_people_of_org(org_id: str) -> list[dict]:
    if "organizationId" not in columns_of("people"):
        return []
    return run(f'SELECT {_select("p", "people", PERSON_COLUMNS)} FROM "people" p WHERE p."organizationId" = ?',
               (org_id,))


def id_rowids(table: str) -> dict[str, int]:
    """id → rowid of every row of people, memo or deal (the first row wins for a duplicated id)."""
    if table not in ("people", "memo", "deal") or "id" not in columns_of(table):
        return {}
    out: dict[str, int] = {}
    for row in run(f'SELECT rowid AS r, "id" AS i FROM "{table}" ORDER BY rowid'):
        out.setdefault(row["i"], row["r"])
    return out


def get_person_by_rowid(rowid: int) -> dict | None:
    rows = run(f'SELECT {_select("p", "people", PERSON_COLUMNS)} FROM "people" p WHERE p.rowid = ?', (rowid,))
    return rows[0] if rows else None


def get_memo_by_rowid(rowid: int) -> dict | None:
    rows = run(f'SELECT {_select("m", "memo", MEMO_COLUMNS)} FROM "memo" m WHERE m.rowid = ?', (rowid,))
    return rows[0] if rows else None


def list_people_by_ids(person_ids: list[str], rowids: dict[str, int]) -> dict[str, dict]:
    """Persons by id through their rowids (chunked IN lists)."""
    wanted = sorted({rowids[i] for i in person_ids if i in rowids})
    out = {}
    for marks, chunk in in_chunks(wanted):
        for row in run(f'SELECT {_select("p", "people", PERSON_COLUMNS)} FROM "people" p WHERE p.rowid IN ({marks})',
                       chunk):
            out[row["id"]] = row
    return out


def memos_by(column: str, ids: list[str], deal_blank: bool = False) -> dict[str, list[dict]]:
    """Memos whose `column` (peopleId or dealId) is one of `ids`, grouped by it (chunked IN lists).

    `deal_blank` keeps only memos that are not on a deal (a person's own memos).
    """
    if column not in ("peopleId", "dealId") or column not in columns_of("memo") or not ids:
        return {}
    extra = " AND " + _BLANK.format(c='"dealId"') if deal_blank and "dealId" in columns_of("memo") else ""
    out: dict[str, list[dict]] = {}
    for marks, chunk in in_chunks(ids):
        for row in _memos(f'm."{column}" IN ({marks}){extra}', chunk):
            out.setdefault(row[column], []).append(row)
    return out


def webform_history_by_person(person_ids: list[str]) -> dict[str, list[dict]]:
    present = set(columns_of("webform_history"))
    if not {"peopleId", "webFormId", "createdAt"} <= present or not person_ids:
        return {}
    out: dict[str, list[dict]] = {}
    for marks, chunk in in_chunks(person_ids):
        for row in run(f'SELECT "peopleId" AS p, "webFormId", "createdAt" FROM "webform_history" '
                       f'WHERE "peopleId" IN ({marks})', chunk):
            out.setdefault(row["p"].strip(), []).append(row)
    return out


def get_person(person_id: str) -> dict | None:
    if not columns_of("people"):
        return None
    rows = run(f'SELECT {_select("p", "people", PERSON_COLUMNS)} FROM "people" p WHERE p."id" = ? LIMIT 1',
               (person_id,))
    return rows[0] if rows else None


def _memos(where: str, params: tuple) -> list[dict]:
    if not columns_of("memo"):
        return []
    return run(f'SELECT {_select("m", "memo", MEMO_COLUMNS)} FROM "memo" m WHERE {where}', params)


_BLANK = "(m.{c} IS NULL OR TRIM(m.{c}) = '')"


def list_org_memos(org_id: str) -> list[dict]:
    """Organisation-only memos: organizationId = id, peopleId and dealId blank (empty strings included)."""
    present = set(columns_of("memo"))
    blanks = " AND ".join(_BLANK.format(c=f'"{c}"') for c in ("peopleId", "dealId") if c in present)
    return _memos('m."organizationId" = ?' + (f" AND {blanks}" if blanks else ""), (org_id,))


def list_person_memos(person_id: str) -> list[dict]:
    """A person's memos that are not on a deal."""
    blank = " AND " + _BLANK.format(c='"dealId"') if "dealId" in columns_of("memo") else ""
    return _memos('m."peopleId" = ?' + blank, (person_id,))


def list_deal_memos(deal_id: str) -> list[dict]:
    return _memos('m."dealId" = ?', (deal_id,)) if "dealId" in columns_of("memo") else []


def get_memo(memo_id: str) -> dict | None:
    rows = _memos('m."id" = ?', (memo_id,))
    return rows[0] if rows else None


def user_names() -> dict[str, str]:
    """user id → name (memo authors)."""
    if "name" not in columns_of("user"):
        return {}
    return {r["id"]: r["name"] for r in run('SELECT "id", "name" FROM "user"')}


def owner_cells() -> list[str]:
    """Every non-blank `담당자` cell of organization, people and deal, in that order (rowid order)."""
    cells = []
    for table in ("organization", "people", "deal"):
        if "담당자" in columns_of(table):
            cells += [r["c"] for r in run(f'SELECT "담당자" AS c FROM "{table}" WHERE "담당자" IS NOT NULL ORDER BY rowid')]
    return cells


def list_webform_history(person_id: str) -> list[dict]:
    present = set(columns_of("webform_history"))
    if not {"peopleId", "webFormId", "createdAt"} <= present:
        return []
    return run('SELECT "webFormId", "createdAt" FROM "webform_history" WHERE TRIM("peopleId") = ?', (person_id,))


def list_deal_details(deal_ids: list[str]) -> dict[str, dict]:
    """The won-groups columns of these deals (DEAL_DETAIL_COLUMNS), by id."""
    if not deal_ids or not columns_of("deal"):
        return {}
    out = {}
    for marks, chunk in in_chunks(deal_ids):
        for row in run(f'SELECT {_select("d", "deal", DEAL_DETAIL_COLUMNS)} FROM "deal" d WHERE d."id" IN ({marks})',
                       chunk):
            out[row["id"]] = row
    return out
