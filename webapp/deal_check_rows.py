"""The deal-check table rows as markup, rendered in Python once per cached team list.

A team menu can hold a thousand rows (every open SQL deal is listed). Rendered by Jinja on every request
they were the slowest step of the page (≈30 ms for 1,000 rows at scale 1.0). Each row's `<tr>` markup only
depends on data of the cache entry (snapshot, team, day, roster, base year), so it is built — every value
escaped with markupsafe — when the team's rows are cached, and a request joins the rows that pass its
filters. The cache still holds no response: pages and fragments are assembled per request, so nothing can
serve a fragment for a page (docs/decisions.md).
"""
from __future__ import annotations

from markupsafe import Markup, escape

CELL_KEYS = ("티어", "기업명", "소속 상위 조직", "팀(명함/메일서명)", "담당자", "딜 이름", "생성 날짜", "과정포맷", "파트",
             "담당 구성원", "가능성", "수주 예정일", "예상", "id", "plan_href", "org_href", "person_href", "deal_href",
             "memo_url")


def escaped_cells(row: dict) -> dict[str, str]:
    """Every displayed value of a row, HTML-escaped once (None stays None)."""
    return {k: (None if row[k] is None else str(escape(row[k]))) for k in CELL_KEYS}


def _link(href: str | None, text: str) -> str:
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text}</a>' if href else text


def _row(e: dict, show_tier: bool) -> str:
    memo = (f'<button type="button" class="button memo-button" hx-get="{e["memo_url"]}" '
            'hx-target="#modal-root">메모 확인</button>') if e["memo_url"] else \
        '<button type="button" class="button memo-button" disabled>메모 없음</button>'
    plan = _link(e["plan_href"], "링크")
    tier = f"<td>{e['티어']}</td>" if show_tier else ""
    return (f'<tr data-deal-id="{e["id"]}">{tier}'
            f'<td class="w-org">{_link(e["org_href"], e["기업명"])}</td>'
            f'<td class="w-org">{e["소속 상위 조직"]}</td><td class="w-org">{e["팀(명함/메일서명)"]}</td>'
            f'<td class="w-person">{_link(e["person_href"], e["담당자"])}</td>'
            f'<td title="{e["딜 이름"]}">{_link(e["deal_href"], e["딜 이름"])}</td>'
            f'<td>{e["생성 날짜"]}</td><td>{e["과정포맷"]}</td><td>{plan}</td>'
            f'<td>{e["파트"]}</td><td>{e["담당 구성원"]}</td><td>{e["가능성"]}</td>'
            f'<td>{e["수주 예정일"]}</td><td class="num">{e["예상"]}</td><td>{memo}</td></tr>\n')


def row_markup(row: dict, show_tier: bool) -> str:
    """The `<tr>` of one display row (`deal_check_view.display_row`), every value escaped."""
    return _row(escaped_cells(row), show_tier)


def render_rows(items: list[dict]) -> Markup:
    """The rows of the items (their cached `_html`), in order."""
    return Markup("".join(item["_html"] for item in items))
