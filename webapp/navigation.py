"""The sidebar: only screens that exist, in the order of 00_PRODUCT.md §3 (deal-check menus of 20 §3.1)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Screen:
    label: str
    endpoint: str
    args: dict = field(default_factory=dict)
    indent: bool = False


def _dc(label: str, team: str, part: str | None = None) -> Screen:
    args = {"team": team, **({"part": part} if part else {})}
    return Screen(label, "deal_check.index", args, indent=part is not None)


SCREENS: tuple[Screen, ...] = (
    Screen("조직/People/Deal 뷰어", "orgs.index"),
    _dc("교육 전체 딜체크", "edu-all"),
    _dc("교육 1팀 딜체크", "edu1"),
    _dc("교육 1팀 1파트 딜체크", "edu1", "part1"),
    _dc("교육 1팀 2파트 딜체크", "edu1", "part2"),
    _dc("교육 2팀 딜체크", "edu2"),
    _dc("교육 2팀 1파트 딜체크", "edu2", "part1"),
    _dc("교육 2팀 2파트 딜체크", "edu2", "part2"),
    _dc("교육 2팀 온라인셀 딜체크", "edu2", "online"),
    _dc("공공교육팀 딜체크", "public"),
    Screen("스냅샷 상태", "snapshot_status.index"),
)


def first_screen() -> Screen:
    return SCREENS[0]
