"""Deal status, probability labels, online formats and a deal's organisation (00_PRODUCT.md §5)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from domain.text import as_text, clean_text, load_jsonish

WON, LOST, SQL, CONVERT, OTHER = "Won", "Lost", "SQL", "Convert", "other"
_STATUSES = {"Won": WON, "Lost": LOST, "LOST": LOST, "SQL": SQL, "Convert": CONVERT}


def normalise_status(value: Any) -> str:
    """`Won`, `Lost` (also `LOST`), `SQL`, `Convert`, else "other"; trimmed and case-sensitive."""
    text = as_text(value)
    if text is None:
        return OTHER
    return _STATUSES.get(text.strip(), OTHER)


def status_text(value: Any) -> str | None:
    """The status as shown and exported: a known status by `normalise_status` (`LOST` → `Lost`), else the
    trimmed text kept as an "other" status (`won`, `보류`, `convert`); blank → None."""
    status = normalise_status(value)
    return status if status != OTHER else clean_text(value)


def is_counted(status: str) -> bool:
    """Convert deals are excluded from every metric and list, everywhere."""
    return status != CONVERT


def is_open(status: str) -> bool:
    """Pipeline: every status except Won, Lost and Convert ("other" included)."""
    return status not in (WON, LOST, CONVERT)


PROBABILITY_LABELS = ("확정", "높음", "낮음", "LOST")
_PROB_SPLIT = re.compile(r"[/,]")


def _probability_tokens(loaded: Any) -> list[str]:
    if isinstance(loaded, list):
        return [item for item in loaded if isinstance(item, str)]
    if isinstance(loaded, dict):
        return [item for item in loaded.values() if isinstance(item, str)]
    if isinstance(loaded, str):
        return _PROB_SPLIT.split(loaded)
    return []


def probability_labels(value: Any) -> tuple[str, ...]:
    """`성사 가능성` → labels among 확정/높음/낮음/LOST, in that fixed order (20_org_tables §1.7)."""
    if isinstance(value, str):
        return _labels_of_text(value)
    return _labels_of(load_jsonish(value))


@lru_cache(maxsize=1 << 12)
def _labels_of_text(text: str) -> tuple[str, ...]:
    return _labels_of(load_jsonish(text))


def _labels_of(loaded: Any) -> tuple[str, ...]:
    found = set()
    for token in _probability_tokens(loaded):
        token = token.strip()
        if token.upper() == "LOST":
            found.add("LOST")
        elif token in PROBABILITY_LABELS:
            found.add(token)
    return tuple(label for label in PROBABILITY_LABELS if label in found)


def format_probability(labels: tuple[str, ...], missing: str = "-") -> str:
    return "/".join(labels) if labels else missing


ONLINE_FORMATS = frozenset({"구독제(온라인)", "선택구매(온라인)", "포팅"})
_WHITESPACE = re.compile(r"\s+")


def is_online(course_format: Any) -> bool:
    """`과정포맷` with all whitespace removed is one of the three online formats; else offline."""
    text = as_text(course_format)
    if text is None:
        return False
    return _WHITESPACE.sub("", text) in ONLINE_FORMATS


def canonical_format(course_format: Any) -> str | None:
    """An online format in its canonical spelling (whitespace removed); any other value trimmed; blank → None."""
    text = clean_text(course_format)
    if text is None:
        return None
    squeezed = _WHITESPACE.sub("", text)
    return squeezed if squeezed in ONLINE_FORMATS else text


_FALSE_LIKE = frozenset({"false", "f", "0", "no", "n", "x", "아니오", "아니요"})


def is_false_like(value: Any) -> bool:
    """`(온라인)최초 입과 여부` and similar flags: trimmed, case-insensitive false words. Blank is not false-like."""
    text = clean_text(value)
    return text is not None and text.lower() in _FALSE_LIKE


def deal_org_id(deal_org_id_raw: Any, person_org_id_raw: Any) -> str | None:
    """The deal's own organisationId, else its person's; None when both are blank."""
    own = clean_text(deal_org_id_raw)
    return own if own is not None else clean_text(person_org_id_raw)
