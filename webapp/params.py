"""Parse user parameters against whitelists; bad values raise BadParameter (400 with a message)."""
from __future__ import annotations


class BadParameter(Exception):
    """A user parameter is invalid. `message` is the English API text, `page_message` the Korean UI text."""

    def __init__(self, message: str, page_message: str | None = None):
        super().__init__(message)
        self.message = message
        self.page_message = page_message or message


def choice(value: str | None, allowed: tuple[str, ...], default: str, name: str, label: str) -> str:
    """A value from a fixed list; absent or empty → default."""
    if value is None or value == "":
        return default
    if value not in allowed:
        raise BadParameter(f"{name} must be one of {', '.join(allowed)}", f"{label} 값이 올바르지 않습니다: {value}")
    return value


def page_number(value: str | None) -> int:
    """`page`: an integer ≥ 1 (20 §6)."""
    if value is None or value == "":
        return 1
    if not value.isdigit() or int(value) < 1:
        raise BadParameter("page must be an integer >= 1", f"페이지 번호가 올바르지 않습니다: {value}")
    return int(value)


def output_format(value: str | None) -> str | None:
    """`format`: csv or absent."""
    if value is None or value == "":
        return None
    if value != "csv":
        raise BadParameter(f"Unsupported format: {value}", f"지원하지 않는 형식입니다: {value}")
    return value
