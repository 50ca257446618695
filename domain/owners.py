"""Owner (`담당자`) names and the namesake-suffix rule (00_PRODUCT.md §5, 20_org_tables §1.4)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from domain.text import load_jsonish


def _dict_name(item: dict) -> str | None:
    for key in ("name", "id"):
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def owner_names(value: Any) -> list[str]:
    """Raw owner names in first-seen order, duplicates removed.

    dict → `name` (else `id`); list → its dicts and non-blank strings; text → itself; else none.
    """
    if isinstance(value, str):
        return list(_names_of_text(value))
    return _names_of(load_jsonish(value))


@lru_cache(maxsize=1 << 14)
def _names_of_text(text: str) -> tuple[str, ...]:
    """Memoised: a snapshot has a few dozen distinct owner cells spread over thousands of rows."""
    return tuple(_names_of(load_jsonish(text)))


def _names_of(loaded: Any) -> list[str]:
    if isinstance(loaded, dict):
        items = [loaded]
    elif isinstance(loaded, list):
        items = loaded
    elif isinstance(loaded, str):
        items = [loaded]
    else:
        return []
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            name = _dict_name(item)
        elif isinstance(item, str):
            name = item.strip() or None
        else:
            name = None
        if name is not None and name not in names:
            names.append(name)
    return names


def _is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def normalise_owner_name(name: str) -> str:
    """Trim; drop one trailing ASCII capital only when it directly follows a Hangul syllable.

    `홍길동B` → `홍길동`; `Kim`, `박AB`, `김 A`, `홍길동b` stay as they are (after trimming).
    """
    name = name.strip()
    if len(name) >= 2 and "A" <= name[-1] <= "Z" and _is_hangul_syllable(name[-2]):
        return name[:-1]
    return name


def format_owner_names(names: list[str], missing: str | None = "-") -> str | None:
    """Names joined with `, ` for display; none → `missing`."""
    return ", ".join(names) if names else missing
