"""Jinja filters and the URL helper: templates only display (30_style.md §2)."""
from __future__ import annotations

from urllib.parse import quote

from flask import current_app, request, url_for

from domain.dates import format_kst_minutes, format_yymmdd, kst_date
from domain.money import format_eok, format_won
from domain.text import label_or_unset, normalise_upper_org
from webapp.deal_check_rows import render_rows
from webapp.exclusion_rows import render_exclusion_rows
from webapp.people_rows import render_people_rows


def age_text(seconds: int | None) -> str:
    """`3분 전`, `6시간 전`, `2일 전`."""
    if seconds is None:
        return "-"
    if seconds < 3600:
        return f"{max(1, seconds // 60)}분 전"
    if seconds < 86400:
        return f"{seconds // 3600}시간 전"
    return f"{seconds // 86400}일 전"


def yymmdd(raw) -> str:
    """A stored date or timestamp as its KST date `YYMMDD`, `-` when blank or unparseable."""
    return format_yymmdd(kst_date(raw))


def number(value: int | None, missing: str = "-") -> str:
    return missing if value is None else f"{value:,}"


def url_with(**changed) -> str:
    """The current URL with some query arguments changed (None removes one); the server owns URL shapes."""
    args = request.args.to_dict(flat=False)
    for key, value in changed.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = [value]
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def crm_url(kind: str, record_id: str | None) -> str | None:
    """A link into the CRM when CRM_BASE_URL is set (20 §1.8); kinds: organization, people, deal."""
    base = current_app.config.get("CRM_BASE_URL")
    if not base or not record_id:
        return None
    path = {"organization": "contact/organization", "people": "contact/people", "deal": "deal"}[kind]
    return f"{base.rstrip('/')}/{path}/{quote(str(record_id), safe='')}"


def init_app(app) -> None:
    app.add_template_filter(format_eok, "eok")
    app.add_template_filter(format_won, "won")
    app.add_template_filter(format_kst_minutes, "kst_datetime")
    app.add_template_filter(age_text, "age")
    app.add_template_filter(number, "number")
    app.add_template_filter(yymmdd, "yymmdd")
    app.add_template_filter(normalise_upper_org, "upper_org")
    app.add_template_filter(label_or_unset, "unset")
    app.add_template_global(url_with, "url_with")
    app.add_template_global(crm_url, "crm_url")
    app.add_template_global(render_rows, "render_rows")
    app.add_template_global(render_exclusion_rows, "render_exclusion_rows")
    app.add_template_global(render_people_rows, "render_people_rows")
