"""The web-form post-step's selection, filter and write (10_salesmap_api.md §C.10; 11_data_model.md §4.5).

Shared by the crawler's post-step and the synthetic writer, so both produce the same webform_history
rows in the same order. Selection: P = distinct TRIM(deal.peopleId) non-blank; F = the form ids those
people list in `제출된 웹폼 목록` (item id, else its name), unique and sorted. Only submissions whose person
is in P are kept. The fetch itself (HTTP) belongs to the crawler.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from snapshot.store import quote_ident, table_columns, write_unit

TABLE = "webform_history"
_PERSON_KEYS = ("peopleId", "personId", "person_id", "people_id")


@dataclass
class FilterCounts:
    rows: int = 0
    dropped_missing_person: int = 0
    dropped_not_allowed: int = 0
    forms: int = 0
    forms_not_found: list = field(default_factory=list)


def allowed_people(conn: sqlite3.Connection) -> set[str]:
    """P: the distinct trimmed deal.peopleId values; empty when `deal` or `people` is missing."""
    if "peopleId" not in table_columns(conn, "deal") or not table_columns(conn, "people"):
        return set()
    rows = conn.execute('SELECT DISTINCT TRIM("peopleId") FROM "deal" '
                        'WHERE "peopleId" IS NOT NULL AND TRIM("peopleId") <> \'\'')
    return {row[0] for row in rows}


def _form_ids(cell) -> list[str]:
    try:
        items = json.loads(cell) if isinstance(cell, str) else cell
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    out = []
    for item in items:
        if isinstance(item, dict):
            value = item.get("id") or item.get("name")
            if value:
                out.append(str(value))
        elif item:
            out.append(str(item))
    return out


def listed_form_ids(conn: sqlite3.Connection, allowed: set[str]) -> list[str]:
    """F: form ids listed by the people in P, unique, sorted as strings (a temp table holds P)."""
    column = "제출된 웹폼 목록"
    if not allowed or column not in table_columns(conn, "people"):
        return []
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _allowed_people (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM _allowed_people")
    conn.executemany("INSERT OR IGNORE INTO _allowed_people VALUES (?)", ((p,) for p in sorted(allowed)))
    rows = conn.execute(f'SELECT p.{quote_ident(column)} FROM "people" p '
                        'JOIN _allowed_people a ON a.id = p."id"')
    found = {form_id for (cell,) in rows if cell is not None for form_id in _form_ids(cell)}
    conn.execute("DROP TABLE _allowed_people")
    return sorted(found)


def person_id_of(submission: dict) -> str | None:
    """The first non-blank of peopleId, personId, person_id, people_id, then person.id/personId/peopleId."""
    candidates = [submission.get(k) for k in _PERSON_KEYS]
    person = submission.get("person")
    if isinstance(person, dict):
        candidates += [person.get("id"), person.get("personId"), person.get("peopleId")]
    for value in candidates:
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def filter_submissions(submissions: list[dict], form_id: str, allowed: set[str],
                       counts: FilterCounts) -> list[dict]:
    """Keep the submissions of people in P, each with `webFormId` as its last key (replaced in place if present)."""
    kept = []
    for sub in submissions:
        if not isinstance(sub, dict):
            continue
        person = person_id_of(sub)
        if person is None:
            counts.dropped_missing_person += 1
        elif person not in allowed:
            counts.dropped_not_allowed += 1
        else:
            row = dict(sub)
            row["webFormId"] = form_id
            kept.append(row)
    return kept


def reset_table(conn: sqlite3.Connection) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {quote_ident(TABLE)}")


def write_form_unit(conn: sqlite3.Connection, kept: list[dict], counts: FilterCounts,
                    columns: list[str]) -> list[str]:
    """Write one form's kept submissions as one unit; returns the table's columns."""
    counts.rows += len(kept)
    return write_unit(conn, TABLE, kept, known_columns=columns)


def run_step(conn: sqlite3.Connection, fetch_form, log=None) -> tuple[FilterCounts, list[str]]:
    """The post-step on `conn`: selection, fetch (`fetch_form(form_id) -> (submissions, error, not_found)`),
    filter and write. Returns the counts and the error strings `<formId>:page<N>:<token>`."""
    counts, errors = FilterCounts(), []
    allowed = allowed_people(conn)
    form_ids = listed_form_ids(conn, allowed)
    reset_table(conn)
    columns: list[str] = []
    for form_id in form_ids:
        submissions, error, not_found = fetch_form(form_id)
        if not_found:
            counts.forms_not_found.append(form_id)
            continue
        counts.forms += 1
        if error:
            errors.append(f"{form_id}:{error}")
        kept = filter_submissions(submissions, form_id, allowed, counts)
        conn.execute("BEGIN")
        columns = write_form_unit(conn, kept, counts, columns)
        conn.execute("COMMIT")
    if log is not None:
        log.info("webform_history updated with %d rows (dropped_missing_person=%d, dropped_not_allowed=%d)",
                 counts.rows, counts.dropped_missing_person, counts.dropped_not_allowed)
    return counts, errors
