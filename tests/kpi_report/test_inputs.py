"""Option and input checks of 23 §1 (rows 1–4, 6–12) with their exact texts, and the build lines of Example 1."""
import sqlite3
from datetime import date, datetime, timezone

import pytest

from kpi_report.inputs import (UsageError, build_lines, check_mail_options, default_out_name, parse_teams,
                               parse_years, prepare)
from tests.kpi_report.example import ROSTER, write_example


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return write_example(tmp_path_factory.mktemp("inputs"))


def run(files, **changes):
    args = dict(roster_path=files["roster"], existing_orgs_path=files["existing"], years=[2024, 2025],
                now=datetime(2026, 1, 19, 0, 10, tzinfo=timezone.utc))
    db = changes.pop("db", files["db"])
    args.update(changes)
    return prepare(db, **args)


def message(fn, *args, **kwargs):
    with pytest.raises(UsageError) as info:
        fn(*args, **kwargs)
    return str(info.value)


def test_years_teams_and_mail_options():
    assert parse_years("2025, 2024,,2025") == [2024, 2025]
    assert message(parse_years, "2024,25") == "Invalid year value: 25"
    assert message(parse_years, "2024,x") == "Invalid year value: x"
    assert message(parse_years, "2024,2024") == "At least two distinct years must be provided."
    assert parse_teams(" edu2, ,edu1,edu2") == ("edu2", "edu1")
    check_mail_options(["a@b.c"], True)
    for bad in ("a@@b", "a b@c", "@b", "a@", "ab"):
        assert message(check_mail_options, [bad], False) == f"Invalid e-mail address: {bad}"
    assert message(check_mail_options, [], True) == "--dry-run needs at least one --email-to"
    assert default_out_name([2024, 2025], date(2026, 1, 14)) == "2025성과평가_개인KPI_검수용_2024vs2025_20260114.html"


def test_example_1_build_lines(files):
    payload, facts = run(files)
    assert build_lines(payload, facts) == [
        "[build] Selected net% column: Net(%)",
        "[build] deals with netPercent != null: 9",
        "[build] dataGeneratedAt: 2026-01-18T18:04:12.345678Z (run_info)",
        "[build] teams: edu1, edu2",
        "[build] deals in file: 14, filtered out (outside roster): 2",
    ]
    assert payload["generatedAt"] == "2026-01-19T00:10:00+00:00"
    widened, facts = run(files, teams=("public", "edu1", "edu2"))
    assert build_lines(widened, facts)[3:] == ["[build] teams: edu1, edu2, public",
                                               "[build] deals in file: 15, filtered out (outside roster): 1"]


def test_input_errors_in_order(files, tmp_path):
    assert message(run, files, db=tmp_path / "nope.db") == f"DB file not found: {tmp_path / 'nope.db'}"
    text = tmp_path / "text.db"
    text.write_text("not a database, just text " * 50)
    assert message(run, files, db=text) == f"Not a SQLite database: {text}"
    assert message(run, files, existing_orgs_path=tmp_path / "x.txt") == f"Existing orgs file not found: {tmp_path / 'x.txt'}"
    assert "file not found" in message(run, files, roster_path=tmp_path / "r.toml")
    twice = tmp_path / "twice.toml"
    twice.write_text(ROSTER.replace('"온라인셀" = ["직원바"]', '"온라인셀" = ["직원바", "직원가B"]'), encoding="utf-8")
    text = message(run, files, roster_path=twice, teams=("public",))
    assert "직원가" in text and "1파트" in text and "온라인셀" in text
    assert message(run, files, teams=("edu1", "edu3")) == "Unknown team key: edu3. Roster keys: edu1, edu2, public"
    assert message(run, files, teams=()) == "--teams needs at least one team key"
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("CREATE TABLE people (id TEXT)").connection.commit()
    assert message(run, files, db=empty) == "Table 'deal' not found. Available tables: people"


def test_no_net_column_and_no_run_info(tmp_path):
    files = write_example(tmp_path, run_info=False)
    conn = sqlite3.connect(files["db"])
    conn.execute('ALTER TABLE deal RENAME COLUMN "Net(%)" TO "internet_flag"')
    conn.commit()
    conn.close()
    payload, facts = run(files)
    lines = build_lines(payload, facts)
    assert lines[0] == "[build] Selected net% column: NONE"
    assert lines[1] == "[build] deals with netPercent != null: 0 (no column detected)"
    assert lines[2].endswith("(file mtime: run_info missing)")
    assert payload["meta"]["netPercentColumn"] == "__NONE__"
    assert payload["meta"]["netPercentCandidates"] == ["internet_flag"]
    assert all(d["netPpm"] is None and d["netText"] is None for d in payload["deals"])
