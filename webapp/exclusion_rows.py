"""Rows of the shared exclusions table (20 §1.6), rendered in Python.

The snapshot-wide list on /orgs holds about a thousand Won deals at scale 1.0 (the migrated history without
contract dates); rendered cell by cell in Jinja it took ≈40 ms. Every value is escaped with markupsafe.
"""
from __future__ import annotations

from markupsafe import Markup, escape


def _cell(value) -> str:
    return "-" if value is None or value == "" else str(escape(value))


def exclusion_row(e) -> str:
    """`<tr>` of one exclusion: 기업명 | 딜 이름 | 금액(원문) | 계약 체결일(원문) | 사유."""
    return (f"<tr><td>{_cell(e.orgName)}</td><td>{_cell(e.dealName or e.dealId)}</td><td>{_cell(e.amountRaw)}</td>"
            f"<td>{_cell(e.contractDateRaw)}</td><td>{escape(e.label)}</td></tr>\n")


def render_exclusion_rows(items, cached_rows: dict[str, str] | None = None) -> Markup:
    """The rows of the items; `cached_rows` (dealId → row, built once per snapshot) skips re-escaping."""
    if cached_rows is not None:
        return Markup("".join(cached_rows.get(e.dealId) or exclusion_row(e) for e in items))
    return Markup("".join(exclusion_row(e) for e in items))
