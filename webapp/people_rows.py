"""Rows of the org viewer's people table, rendered in Python.

The anchor customer lists about 250 people; rendered cell by cell in Jinja the panel took ≈30 ms warm. The
displayed values are escaped once per cached panel (`escaped_person`); a request adds the selection links.
"""
from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup, escape

from domain.text import label_or_unset, normalise_upper_org


def escaped_person(p: dict) -> dict:
    """The displayed cells of one person row, HTML-escaped."""
    forms = (f'<button type="button" class="button" hx-get="/people/{escape(quote(p["id"], safe=""))}/webforms" '
             'hx-target="#modal-root">내역 확인</button>') if p["has_forms"] else \
        '<button type="button" class="button" disabled>없음</button>'
    return {"id": str(escape(p["id"])), "name": str(escape(p["name"] or p["id"])),
            "cells": "".join(f"<td>{escape(v)}</td>" for v in (
                normalise_upper_org(p["upper_org"]), label_or_unset(p["team_signature"]),
                label_or_unset(p["title_signature"]), label_or_unset(p["edu_area"])))
            + f'<td class="num">{p["deal_count"]}</td><td>{forms}</td>'}


def render_people_rows(people: list[dict], links: dict[str, tuple], selected: str | None) -> Markup:
    rows = []
    for p in people:
        e = p["_esc"]
        fragment, page = links[p["id"]]
        cls = ' class="selected"' if p["id"] == selected else ""
        rows.append(f'<tr data-person-id="{e["id"]}"{cls}><td><a href="{escape(page)}" hx-get="{escape(fragment)}" '
                    f'hx-target="#people-section" hx-swap="outerHTML">{e["name"]}</a></td>{e["cells"]}</tr>\n')
    return Markup("".join(rows))
