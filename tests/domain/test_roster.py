"""The roster loader (00_PRODUCT §5): teams → parts → members; namesakes are a load error naming both places."""
import re
from pathlib import Path

import pytest

from domain.roster import RosterError, load_roster, load_roster_cached, parse_roster

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "roster.example.toml"


def test_example_roster_units():
    roster = load_roster(EXAMPLE)
    assert [t.key for t in roster.teams] == ["edu1", "edu2", "public"]
    assert [p.name for p in roster.team("edu2").parts] == ["1파트", "2파트", "온라인셀"]
    assert sum(len(t.members) for t in roster.teams) == 42
    unit = roster.unit_of("윤도하B")
    assert (unit.team.key, unit.part.name) == ("edu2", "2파트")
    assert roster.unit_of("DemoUserA") is None
    assert roster.unit_of(" 김서하 ").part.name == "1파트"
    assert "윤도하" in roster.team("edu2").normalised


def test_namesake_names_both_places():
    text = ('[[teams]]\nkey = "edu1"\nname = "기업교육 1팀"\n[teams.parts]\n"1파트" = ["홍길동"]\n\n'
            '[[teams]]\nkey = "edu2"\nname = "기업교육 2팀"\n[teams.parts]\n"2파트" = ["홍길동B"]\n')
    with pytest.raises(RosterError) as err:
        parse_roster(text, "config/roster.toml")
    message = str(err.value)
    assert "config/roster.toml:11" in message
    assert "기업교육 1팀 / 1파트 (line 5)" in message and "기업교육 2팀 / 2파트 (line 11)" in message


@pytest.mark.parametrize("text, problem", [
    ("teams = 3", "no [[teams]]"),
    ('[[teams]]\nkey = "Edu 1"\nname = "x"\n[teams.parts]\n"a" = ["b"]\n', "needs a key"),
    ('[[teams]]\nkey = "edu1"\n[teams.parts]\n"a" = ["b"]\n', "needs a name"),
    ('[[teams]]\nkey = "edu1"\nname = "x"\n', "needs a [teams.parts]"),
    ('[[teams]]\nkey = "edu1"\nname = "x"\n[teams.parts]\n"a" = "b"\n', "must be a list of names"),
    ('[[teams]]\nkey = "edu1"\nname = "x"\n[teams.parts]\n"a" = ["b"\n', "not valid TOML"),
])
def test_bad_rosters(text, problem):
    with pytest.raises(RosterError, match=re.escape(problem)):
        parse_roster(text, "r.toml")


def test_missing_file(tmp_path):
    with pytest.raises(RosterError, match="file not found"):
        load_roster(tmp_path / "nope.toml")


def test_cached_loader_sees_edits(tmp_path):
    path = tmp_path / "roster.toml"
    path.write_text('[[teams]]\nkey = "edu1"\nname = "A"\n[teams.parts]\n"1파트" = ["가"]\n', encoding="utf-8")
    assert load_roster_cached(path).team("edu1").members == ("가",)
    assert load_roster_cached(path) is load_roster_cached(path)
    path.write_text('[[teams]]\nkey = "edu1"\nname = "A"\n[teams.parts]\n"1파트" = ["가", "나나"]\n',
                    encoding="utf-8")
    assert load_roster_cached(path).team("edu1").members == ("가", "나나")
