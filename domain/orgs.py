"""Organisation keys and the existing-customer list (기고객), 23_kpi_report.md §2.4.

One key function for both sides of the match: the list's lines and the snapshot's organisation names.
"""
from __future__ import annotations

import os
import re
from typing import Any

from domain.text import as_text

_LEGAL_FORMS = ("주식회사", "(주)", "㈜")
_DROPPED = re.compile(r"[\s()\-_,.]+")


def org_key(name: Any) -> str:
    """lower-case → drop 주식회사 / (주) / ㈜ → drop whitespace → drop `( ) - _ , .`; may be empty."""
    text = (as_text(name) or "").lower()
    for form in _LEGAL_FORMS:
        text = text.replace(form, "")
    return _DROPPED.sub("", text)


def parse_existing_orgs(text: str) -> list[str]:
    """The list's keys in first-seen order: lines trimmed, blank and `#`-comment lines ignored, empty keys
    dropped. A `#` after the first character belongs to the name (`베타 #2`)."""
    keys: dict[str, None] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key = org_key(line)
        if key:
            keys.setdefault(key)
    return list(keys)


def load_existing_orgs(path: str | os.PathLike) -> list[str]:
    """Read as utf-8-sig (a BOM is ignored). A missing file raises FileNotFoundError for the caller to report."""
    with open(path, encoding="utf-8-sig") as handle:
        return parse_existing_orgs(handle.read())
