"""The sidebar: only screens that exist, in the order of 00_PRODUCT.md §3. Later screens add themselves."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    label: str
    endpoint: str
    indent: bool = False


SCREENS: tuple[Screen, ...] = (
    Screen("스냅샷 상태", "snapshot_status.index"),
)


def first_screen() -> Screen:
    return SCREENS[0]
