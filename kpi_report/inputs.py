"""Options and inputs of the KPI report build, checked in the order of 23 §1 (rows 1–4 and 6–12), each failure
one `UsageError` whose text the CLI prints as `error: <message>` with exit 2. Then the payload."""
from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

from domain.orgs import load_existing_orgs
from domain.roster import Roster, RosterError, load_roster
from kpi_report import queries
from snapshot.store import connect_readonly
from kpi_report.payload import Sources, build_payload

DEFAULT_TEAMS = ("edu1", "edu2")
_YEAR = re.compile(r"^\d{4}$")
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+$")


class UsageError(ValueError):
    """A bad option, setting or input file: exit 2, nothing written."""


def parse_years(text: str) -> list[int]:
    """Comma list → sorted distinct years; each item four digits; at least two (rows 1–2)."""
    years = set()
    for item in (i.strip() for i in text.split(",")):
        if not item:
            continue
        if not _YEAR.match(item):
            raise UsageError(f"Invalid year value: {item}")
        years.add(int(item))
    if len(years) < 2:
        raise UsageError("At least two distinct years must be provided.")
    return sorted(years)


def parse_teams(text: str) -> tuple[str, ...]:
    """Comma list → trimmed keys, empty items skipped, duplicates removed (first order kept)."""
    return tuple(dict.fromkeys(i.strip() for i in text.split(",") if i.strip()))


def check_mail_options(addresses: list[str], dry_run: bool) -> None:
    """Rows 3–4: each address has exactly one `@` with text on both sides and no whitespace."""
    for value in addresses:
        if not _ADDRESS.match(value):
            raise UsageError(f"Invalid e-mail address: {value}")
    if dry_run and not addresses:
        raise UsageError("--dry-run needs at least one --email-to")


def default_out_name(years: list[int], today: date) -> str:
    return f"{years[-1]}성과평가_개인KPI_검수용_{'vs'.join(map(str, years))}_{today:%Y%m%d}.html"


def _open_db(db_path: Path) -> sqlite3.Connection:
    if not db_path.is_file():
        raise UsageError(f"DB file not found: {db_path}")
    try:
        conn = connect_readonly(db_path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        raise UsageError(f"Not a SQLite database: {db_path}") from None
    return conn


def _teams(roster: Roster, teams: tuple[str, ...]) -> tuple[str, ...]:
    if not teams:
        raise UsageError("--teams needs at least one team key")
    keys = [t.key for t in roster.teams]
    for key in teams:
        if key not in keys:
            raise UsageError(f"Unknown team key: {key}. Roster keys: {', '.join(keys)}")
    return teams


def prepare(db_path: str | Path, *, roster_path: str | Path, existing_orgs_path: str | Path, years: list[int],
            teams: tuple[str, ...] = DEFAULT_TEAMS, now: datetime | None = None) -> tuple[dict, dict]:
    """Rows 6–12 in order, then (payload, build facts for the stdout lines)."""
    db_path = Path(db_path)
    conn = _open_db(db_path)
    try:
        if not Path(existing_orgs_path).is_file():
            raise UsageError(f"Existing orgs file not found: {existing_orgs_path}")
        keys = load_existing_orgs(existing_orgs_path)
        try:
            roster = load_roster(roster_path)
        except RosterError as exc:
            raise UsageError(str(exc)) from None
        teams = _teams(roster, teams)
        try:
            cols = queries.detect(conn)
        except queries.FriendlySchemaError as exc:
            raise UsageError(str(exc)) from None
        src = Sources(queries.deal_rows(conn, cols), queries.person_orgs(conn, cols), queries.org_names(conn, cols))
        generated, source = queries.data_generated_at(conn, db_path)
    finally:
        conn.close()
    now = now or datetime.now(timezone.utc)
    return build_payload(src, roster=roster, teams=teams, years=years, existing=frozenset(keys),
                         existing_count=len(keys), net_column=cols.net_column, net_candidates=cols.net_candidates,
                         db_name=db_path.name, generated_at=now.astimezone(timezone.utc).isoformat(),
                         data_generated_at=generated, data_source=source)


def build_lines(payload: dict, facts: dict) -> list[str]:
    """The `[build]` stdout lines of 23 §1 (the `✅` and mail lines follow once the file is written)."""
    meta = payload["meta"]
    net_column = meta["netPercentColumn"]
    no_column = net_column == queries.NO_NET_COLUMN
    source = "(run_info)" if meta["dataGeneratedAtSource"] == "run_info" else "(file mtime: run_info missing)"
    return [
        f"[build] Selected net% column: {'NONE' if no_column else net_column}",
        f"[build] deals with netPercent != null: {facts['net_filled']}{' (no column detected)' if no_column else ''}",
        f"[build] dataGeneratedAt: {payload['dataGeneratedAt']} {source}",
        f"[build] teams: {', '.join(facts['teams'])}",
        f"[build] deals in file: {meta['dealCountAfterOrgMapFilter']}, filtered out (outside roster): "
        f"{meta['filteredByOrgMapCount']}",
    ]
