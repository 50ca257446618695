"""The sales roster: teams → parts/cells → members (00_PRODUCT.md §5; ROSTER_PATH).

One TOML file used by deal-check, counterparty risk and the KPI report alike::

    [[teams]]
    key = "edu1"
    name = "기업교육 1팀"
    [teams.parts]
    "1파트" = ["이름1", "이름2"]

File order of teams, parts and members is kept. Members are matched by their normalised owner name; a
normalised name listed in two places is a load error that names both places. Every error names the
file, the line and the problem.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from domain.owners import normalise_owner_name

_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class RosterError(ValueError):
    """The roster cannot be used; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Part:
    name: str
    members: tuple[str, ...]  # as written in the file

    @property
    def normalised(self) -> frozenset[str]:
        return frozenset(normalise_owner_name(m) for m in self.members)


@dataclass(frozen=True)
class Team:
    key: str
    name: str
    parts: tuple[Part, ...]

    def part(self, name: str) -> Part | None:
        return next((p for p in self.parts if p.name == name), None)

    @property
    def members(self) -> tuple[str, ...]:
        return tuple(m for p in self.parts for m in p.members)

    @property
    def normalised(self) -> frozenset[str]:
        return frozenset(n for p in self.parts for n in p.normalised)


@dataclass(frozen=True)
class Unit:
    """Where a member sits: team and part."""
    team: Team
    part: Part


@dataclass(frozen=True)
class Roster:
    teams: tuple[Team, ...]

    def team(self, key: str) -> Team | None:
        return next((t for t in self.teams if t.key == key), None)

    def unit_of(self, owner_name: str) -> Unit | None:
        """Reverse lookup: the (team, part) listing this owner's normalised name, else None."""
        wanted = normalise_owner_name(owner_name)
        for team in self.teams:
            for part in team.parts:
                if wanted in part.normalised:
                    return Unit(team, part)
        return None


def _line_of(lines: list[str], needle: str, start: int = 0) -> int:
    """1-based line number of the first line at or after `start` containing `needle` (0 if none)."""
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    return 0


def _fail(path: str, line: int, problem: str) -> RosterError:
    where = f"{path}:{line}" if line else path
    return RosterError(f"roster {where}: {problem}")


def parse_roster(text: str, path: str = "<roster>") -> Roster:
    """Parse and validate roster TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise _fail(path, int(m[1]) if m else 0, f"not valid TOML ({exc})") from None
    lines = text.splitlines()
    raw_teams = data.get("teams")
    if not isinstance(raw_teams, list) or not raw_teams:
        raise _fail(path, 0, "no [[teams]] entries")
    teams, seen_keys, places = [], set(), {}
    team_line = 0
    for index, raw in enumerate(raw_teams):
        team_line = _line_of(lines, "[[teams]]", team_line) or team_line
        key, name = raw.get("key"), raw.get("name")
        if not isinstance(key, str) or not _KEY.match(key):
            raise _fail(path, team_line, f"team #{index + 1} needs a key like \"edu1\" (got {key!r})")
        if key in seen_keys:
            raise _fail(path, team_line, f"team key {key!r} is used twice")
        if not isinstance(name, str) or not name.strip():
            raise _fail(path, team_line, f"team {key!r} needs a name")
        raw_parts = raw.get("parts")
        if not isinstance(raw_parts, dict) or not raw_parts:
            raise _fail(path, team_line, f"team {key!r} needs a [teams.parts] table with at least one part")
        parts = []
        for part_name, members in raw_parts.items():
            part_line = _line_of(lines, f'"{part_name}"', team_line) or _line_of(lines, part_name, team_line)
            if not isinstance(members, list) or not all(isinstance(m, str) and m.strip() for m in members):
                raise _fail(path, part_line, f"part {part_name!r} of team {key!r} must be a list of names")
            for member in members:
                norm = normalise_owner_name(member)
                place = (f"{name} / {part_name}", part_line)
                if norm in places:
                    (first, first_line) = places[norm]
                    raise _fail(path, part_line,
                                f"name {norm!r} is listed twice: in {first} (line {first_line}) "
                                f"and in {place[0]} (line {part_line})")
                places[norm] = place
            parts.append(Part(part_name, tuple(m.strip() for m in members)))
        seen_keys.add(key)
        teams.append(Team(key, name.strip(), tuple(parts)))
        team_line += 1
    return Roster(tuple(teams))


def load_roster(path: str | os.PathLike) -> Roster:
    """Read and validate the roster file; RosterError names the file, the line and the problem."""
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RosterError(f"roster {path}: file not found (copy config/roster.example.toml)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RosterError(f"roster {path}: cannot be read ({exc})") from None
    return parse_roster(text, path)


_CACHE: dict[str, tuple[tuple, Roster]] = {}


def load_roster_cached(path: str | os.PathLike) -> Roster:
    """load_roster, re-read only when the file's (path, mtime_ns, size) changes: edits need no restart."""
    path = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise RosterError(f"roster {path}: file not found (copy config/roster.example.toml)") from None
    stamp = (os.path.realpath(path), st.st_mtime_ns, st.st_size)
    hit = _CACHE.get(path)
    if hit and hit[0] == stamp:
        return hit[1]
    roster = load_roster(path)
    _CACHE[path] = (stamp, roster)
    return roster
