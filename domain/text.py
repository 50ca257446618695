"""Blank values, the `미입력` label, upper-org normalisation and JSON-ish cells (00_PRODUCT.md §5).

Cells may arrive as TEXT, or as INTEGER/REAL from snapshots written by the original crawler; every
function here turns a non-text value into text with ``str()`` first (10_salesmap_api.md §C.6).
"""
from __future__ import annotations

import json
import unicodedata
from typing import Any

UNSET = "미입력"
# Placeholders users type for "nothing": hyphen-minus, en dash, em dash (11_data_model.md §2.3).
_DASHES = frozenset({"-", "\u2013", "\u2014"})


def as_text(value: Any) -> str | None:
    """The cell as text (None stays None); INTEGER/REAL cells of the original become their str()."""
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def is_blank(value: Any) -> bool:
    """NULL, empty, whitespace only, or exactly one of `-`, `–`, `—` after trimming."""
    text = as_text(value)
    if text is None:
        return True
    stripped = text.replace("\xa0", " ").strip()
    return stripped == "" or stripped in _DASHES


def clean_text(value: Any) -> str | None:
    """Trimmed text, or None when blank."""
    return None if is_blank(value) else as_text(value).strip()


def normalise_upper_org(value: Any) -> str:
    """`소속 상위 조직` as every screen groups it: NFC, NBSP → space, trim, blank → `미입력`."""
    text = as_text(value)
    if text is None:
        return UNSET
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ").strip()
    return UNSET if is_blank(text) else text


def label_or_unset(value: Any) -> str:
    """A trimmed label (customer team, title, education area), blank → `미입력`."""
    text = clean_text(value)
    return UNSET if text is None else text


def display_name(name: Any, fallback_id: Any) -> str | None:
    """A record's name as shown: `이름` trimmed, else its id (20_org_tables §1.2)."""
    text = clean_text(name)
    if text is not None:
        return text
    return clean_text(fallback_id)


def load_jsonish(value: Any) -> Any:
    """A JSON-ish cell (20_org_tables §1.3): blank → None; valid JSON → parsed; otherwise the raw text.

    Values that are already parsed (API records hold dicts and lists) pass through unchanged.
    """
    if isinstance(value, (dict, list)):
        return value
    if is_blank(value):
        return None
    text = as_text(value)
    try:
        return json.loads(text)
    except ValueError:
        return text
