"""Reading the snapshot for the KPI report (23 §2.1–2.2, §3): column detection, the deal SELECT and
`dataGeneratedAt`. Read-only; every identifier in SQL comes from PRAGMA output, quoted."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from domain.dates import parse_when
from domain.text import clean_text
from snapshot.store import latest_run_value, quote_ident, table_columns, table_names

# (field, candidates in order, required) for the deal table (23 §2.1).
DEAL_FIELDS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("dealId", ("dealId", "deal_id", "id", "dealID"), True),
    ("owner", ("담당자", "owner", "Owner", "담당자명", "담당"), True),
    ("status", ("상태", "status", "Status"), True),
    ("dealName", ("이름", "dealName", "deal_name"), False),
    ("probability", ("성사 가능성", "probability", "Probability"), False),
    ("onlineFirstEntry", ("(온라인)최초 입과 여부", "(온라인)최초입과여부", "온라인최초입과여부"), False),
    ("expectedCloseDate", ("수주 예정일", "expected_date", "expectedDate", "expected_close_date"), False),
    ("createdAt", ("생성 날짜", "createdAt", "created_at", "생성날짜"), False),
    ("contractDate", ("계약 체결일", "계약체결일", "contractDate", "contract_date", "계약일"), False),
    ("amount", ("금액", "amount", "Amount"), False),
    ("courseFormat", ("과정포맷", "category1", "course_format", "courseFormat"), False),
    ("netPercent", ("netPercent", "net", "NET", "net%", "NET%", "net(%)", "Net(%)", "NET(%)", "net (%)",
                    "NET (%)", "공헌이익률", "공헌이익률(%)", "공헌이익률 %"), False),
    ("organizationId", ("organizationId", "orgId", "organization_id", "조직ID", "회사ID"), False),
    ("peopleId", ("peopleId", "personId", "people_id", "person_id"), False),
)
REQUIRED_LABELS = {name: name for name, _c, required in DEAL_FIELDS if required}
PEOPLE_ID = ("id", "peopleId", "personId")
PEOPLE_ORG = ("organizationId", "orgId", "organization_id", "조직ID", "회사ID")
ORG_NAME = ("이름", "name", "Name", "조직명")
ORG_ID = ("id", "organizationId", "orgId")
NO_NET_COLUMN = "__NONE__"


class FriendlySchemaError(ValueError):
    """A snapshot the report cannot read, said in one line (23 §1 rows 11–12)."""


def match_column(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    """Exact match in candidate order; else case-insensitive, each lower-cased name → its first column."""
    present = set(columns)
    for name in candidates:
        if name in present:
            return name
    lowered: dict[str, str] = {}
    for column in columns:
        lowered.setdefault(column.lower(), column)
    for name in candidates:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


@dataclass(frozen=True)
class DealColumns:
    fields: dict[str, str | None]          # logical field → real column (None: absent, read as NULL)
    net_candidates: list[str] | None       # when no net% column matched: deal columns containing "net"
    person_id: str | None                  # people table id column (None: no person fallback)
    person_org: str | None
    org_id: str | None                     # organization table columns (None: names unknown)
    org_name: str | None

    @property
    def net_column(self) -> str:
        return self.fields["netPercent"] or NO_NET_COLUMN


def detect(conn: sqlite3.Connection) -> DealColumns:
    """Match every logical field (23 §2.1); raises FriendlySchemaError for a missing table or required column."""
    names = table_names(conn)
    if "deal" not in names:
        raise FriendlySchemaError(f"Table 'deal' not found. Available tables: {', '.join(names) or '(none)'}")
    deal_columns = table_columns(conn, "deal")
    fields = {}
    for name, candidates, required in DEAL_FIELDS:
        fields[name] = match_column(deal_columns, candidates)
        if fields[name] is None and required:
            raise FriendlySchemaError(f"Missing required column for '{name}'. Tried: {', '.join(candidates)}. "
                                      f"Available columns: {', '.join(deal_columns)}")
    net_candidates = None if fields["netPercent"] else [c for c in deal_columns if "net" in c.lower()]
    person_id = person_org = org_id = org_name = None
    if "people" in names and fields["peopleId"]:
        people = table_columns(conn, "people")
        person_id, person_org = match_column(people, PEOPLE_ID), match_column(people, PEOPLE_ORG)
        if person_id is None or person_org is None:
            person_id = person_org = None
    if "organization" in names:
        orgs = table_columns(conn, "organization")
        org_id, org_name = match_column(orgs, ORG_ID), match_column(orgs, ORG_NAME)
        if org_id is None or org_name is None:
            org_id = org_name = None
    return DealColumns(fields, net_candidates, person_id, person_org, org_id, org_name)


def deal_rows(conn: sqlite3.Connection, cols: DealColumns) -> list[dict]:
    """Every deal row, in rowid order, as {logical field: raw cell}; absent fields are None."""
    select = [f"{quote_ident(col)}" if col else "NULL" for col in cols.fields.values()]
    names = list(cols.fields)
    rows = conn.execute(f"SELECT {', '.join(select)} FROM deal ORDER BY rowid")
    return [dict(zip(names, row)) for row in rows]


def person_orgs(conn: sqlite3.Connection, cols: DealColumns) -> dict[str, object]:
    """person id (trimmed) → the raw organisation cell of its first row; empty when the fallback is off.

    A dict rather than a JOIN: ids are trimmed on both sides (23 §4), which no index could serve."""
    if cols.person_id is None:
        return {}
    out: dict[str, object] = {}
    for person_id, org in conn.execute(f"SELECT {quote_ident(cols.person_id)}, {quote_ident(cols.person_org)} FROM people "
                                       "ORDER BY rowid"):
        key = clean_text(person_id)
        if key is not None and key not in out:
            out[key] = org
    return out


def org_names(conn: sqlite3.Connection, cols: DealColumns) -> dict[str, str | None]:
    """organisation id (trimmed) → its trimmed name (None when blank); empty when names are unknown."""
    if cols.org_id is None:
        return {}
    out: dict[str, str | None] = {}
    for org_id, name in conn.execute(f"SELECT {quote_ident(cols.org_id)}, {quote_ident(cols.org_name)} FROM organization "
                                     "ORDER BY rowid"):
        key = clean_text(org_id)
        if key is not None and key not in out:
            out[key] = clean_text(name)
    return out


def data_generated_at(conn: sqlite3.Connection, db_path: str | Path) -> tuple[str, str]:
    """(`dataGeneratedAt`, source): run_info's captured_at_utc of the greatest run_tag when parseable, else the
    file's mtime in UTC ISO-8601 (23 §2.2)."""
    text = clean_text(latest_run_value(conn, "captured_at_utc"))
    if text is not None and parse_when(text) is not None:
        return text, "run_info"
    mtime = Path(db_path).stat().st_mtime
    return datetime.fromtimestamp(mtime, timezone.utc).isoformat(), "file_mtime"
