"""Parameters of the org viewer and its JSON routes (20 §6), parsed against whitelists."""
from __future__ import annotations

from webapp.orgs import SEARCH_MAX
from webapp.params import BadParameter


def search(value: str | None) -> str:
    text = (value or "").strip()
    if len(text) > SEARCH_MAX:
        raise BadParameter("search must be at most 100 characters", "검색어는 100자 이하로 입력하세요.")
    return text


def size(value: str | None, options: list[str], default: str) -> str:
    if value is None or value == "":
        return default
    if value != "전체" and value not in options:
        raise BadParameter(f"Unknown size: {value}", f"알 수 없는 기업 규모입니다: {value}")
    return value


def int_range(value: str | None, name: str, low: int, high: int | None, default: int) -> int:
    if value is None or value == "":
        return default
    ok = value.strip().lstrip("-").isdigit() and low <= int(value) and (high is None or int(value) <= high)
    if not ok:
        if high is None:
            raise BadParameter(f"{name} must be an integer >= {low}")
        raise BadParameter(f"{name} must be an integer between {low} and {high}")
    return int(value)


def has_deal(value: str | None) -> bool | None:
    if value is None or value == "":
        return None
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise BadParameter("hasDeal must be true or false", "딜 여부 값이 올바르지 않습니다.")


def upper_json(value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) > 200:
        raise BadParameter("upper must be at most 200 characters")
    return value
