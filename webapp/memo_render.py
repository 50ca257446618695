"""Memo bodies for display (20_org_tables §4.1–4.2): nh3-sanitised HTML or normalised plain text.

The sanitised string is the only value templates mark safe; everything else is escaped by Jinja.
"""
from __future__ import annotations

import re

import nh3

from domain.dates import parse_when
from domain.text import is_blank

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "u", "h1", "h2", "h3", "h4", "h5", "h6",
                "hr", "a", "blockquote", "code", "pre", "div", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
                "caption", "colgroup", "col"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("colspan", "rowspan"):
        return value if value.isdigit() else None
    if attribute == "href":
        return value.strip()
    return value


def sanitize_html(html: str) -> str:
    """nh3 with the allow-list of 20 §4.1; every table wrapped in a horizontally scrolling div."""
    cleaned = nh3.clean(html, tags=ALLOWED_TAGS, clean_content_tags={"script", "style"},
                        attributes=ALLOWED_ATTRIBUTES, attribute_filter=_attribute_filter,
                        url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer",
                        set_tag_attribute_values={"a": {"target": "_blank"}}, strip_comments=True)
    return cleaned.replace("<table>", '<div class="memo-table-scroll"><table>').replace("</table>", "</table></div>")


def normalise_text(text: str | None) -> str:
    """`<br>` variants → newline; CRLF and lone CR → LF; trimmed."""
    if text is None:
        return ""
    return _BR.sub("\n", text).replace("\r\n", "\n").replace("\r", "\n").strip()


def memo_body(text: str | None, html: str | None) -> dict:
    """{"html": sanitised markup} when htmlBody is non-blank, else {"text": normalised text}.

    A body whose HTML sanitises to nothing shows nothing (`-`), not the plain text: 20 §4.1 picks the HTML
    whenever it is non-blank.
    """
    if html is not None and not is_blank(html):
        return {"html": sanitize_html(html), "text": ""}
    return {"html": "", "text": normalise_text(text)}


def preview(text: str | None, html: str | None, length: int) -> str:
    """Table preview: the normalised text, or the sanitised HTML's text with whitespace collapsed; `…` if cut."""
    body = normalise_text(text)
    if not body and html:
        body = _SPACES.sub(" ", _TAG.sub(" ", sanitize_html(html))).strip()
    return body if len(body) <= length else body[:length] + "…"


def order_memos(memos: list[dict]) -> list[dict]:
    """20 §1.9: createdAt instant descending, missing or unparseable last; then id ascending."""
    def key(memo: dict):
        when = parse_when(memo.get("createdAt"))
        return (when is None, -when.timestamp() if when else 0.0, memo.get("id") or "")
    return sorted(memos, key=key)
