"""Column detection, the deal rows and dataGeneratedAt (23 §2.1–2.2, §1 rows 11–12)."""
import os
import sqlite3

import pytest

from kpi_report.queries import (NO_NET_COLUMN, FriendlySchemaError, data_generated_at, deal_rows, detect,
                                match_column, org_names, person_orgs)


def make_db(path, deal_columns, *, people=None, organization=None, run_info=None, rows=()):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE deal (" + ", ".join(f'"{c}" TEXT' for c in deal_columns) + ")")
    for row in rows:
        conn.execute(f"INSERT INTO deal VALUES ({', '.join('?' * len(deal_columns))})", row)
    for name, spec in (("people", people), ("organization", organization)):
        if spec is not None:
            columns, data = spec
            conn.execute(f"CREATE TABLE {name} (" + ", ".join(f'"{c}" TEXT' for c in columns) + ")")
            conn.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(columns))})", data)
    if run_info is not None:
        conn.execute("CREATE TABLE run_info (run_tag TEXT, captured_at_utc TEXT)")
        conn.executemany("INSERT INTO run_info VALUES (?, ?)", run_info)
    conn.commit()
    return conn


def test_match_exact_first_then_case_insensitive_first_column():
    assert match_column(["Id", "id", "ID"], ("dealId", "id")) == "id"
    assert match_column(["DEALID", "Id", "ID"], ("dealId", "id")) == "DEALID"
    assert match_column(["STATUS", "Status"], ("상태", "status", "Status")) == "Status"
    assert match_column(["x"], ("y",)) is None


def test_real_snapshot_format_matches(tmp_path):
    cols = ["id", "이름", "담당자", "상태", "성사 가능성", "(온라인)최초 입과 여부", "수주 예정일", "생성 날짜", "계약 체결일",
            "금액", "과정포맷", "Net(%)", "organizationId", "peopleId"]
    conn = make_db(tmp_path / "s.db", cols, people=(["id", "organizationId"], []),
                   organization=(["id", "이름"], []))
    found = detect(conn)
    assert found.fields["dealId"] == "id" and found.fields["netPercent"] == "Net(%)"
    assert found.net_column == "Net(%)" and found.net_candidates is None
    assert (found.person_id, found.person_org, found.org_id, found.org_name) == ("id", "organizationId", "id", "이름")


def test_no_net_column_lists_candidates_in_pragma_order(tmp_path):
    conn = make_db(tmp_path / "s.db", ["id", "담당자", "상태", "internet", "NetMargin2"])
    found = detect(conn)
    assert found.net_column == NO_NET_COLUMN and found.net_candidates == ["internet", "NetMargin2"]


def test_errors_name_what_was_tried_and_what_exists(tmp_path):
    conn = sqlite3.connect(tmp_path / "empty.db")
    with pytest.raises(FriendlySchemaError, match=r"^Table 'deal' not found. Available tables: \(none\)$"):
        detect(conn)
    conn = make_db(tmp_path / "s.db", ["이름", "상태"])
    with pytest.raises(FriendlySchemaError) as info:
        detect(conn)
    assert str(info.value) == ("Missing required column for 'dealId'. Tried: dealId, deal_id, id, dealID. "
                               "Available columns: 이름, 상태")
    conn = make_db(tmp_path / "s2.db", ["id", "상태"])
    with pytest.raises(FriendlySchemaError, match="for 'owner'. Tried: 담당자, owner, Owner, 담당자명, 담당. "
                                                  "Available columns: id, 상태$"):
        detect(conn)


def test_rows_people_and_orgs(tmp_path):
    conn = make_db(tmp_path / "s.db", ["id", "담당자", "상태", "peopleId", "organizationId"],
                   people=(["id", "organizationId"], [(" p-c ", "org-c"), ("p-c", "org-other"), ("p-x", None)]),
                   organization=(["id", "이름"], [("org-a", " ㈜알파 "), ("org-c", "감마"), ("org-b", "-")]),
                   rows=[("d1", "직원가", "Won", "p-c", None), ("d2", None, None, None, "org-a")])
    found = detect(conn)
    rows = deal_rows(conn, found)
    assert [r["dealId"] for r in rows] == ["d1", "d2"] and rows[0]["amount"] is None
    assert person_orgs(conn, found) == {"p-c": "org-c", "p-x": None}
    assert org_names(conn, found) == {"org-a": "㈜알파", "org-c": "감마", "org-b": None}


def test_person_fallback_off_without_people_columns(tmp_path):
    conn = make_db(tmp_path / "s.db", ["id", "담당자", "상태", "peopleId"], people=(["id"], []))
    found = detect(conn)
    assert found.person_id is None and person_orgs(conn, found) == {}


def test_data_generated_at(tmp_path):
    conn = make_db(tmp_path / "a.db", ["id", "담당자", "상태"],
                   run_info=[("20260117_180000", "2026-01-17T18:00:00Z"), ("20260118_180412", " 2026-01-18T18:04:12.345678Z ")])
    assert data_generated_at(conn, tmp_path / "a.db") == ("2026-01-18T18:04:12.345678Z", "run_info")
    conn = make_db(tmp_path / "b.db", ["id", "담당자", "상태"], run_info=[("20260118_180412", "not a date")])
    os.utime(tmp_path / "b.db", (1768352523.456789, 1768352523.456789))
    value, source = data_generated_at(conn, tmp_path / "b.db")
    assert source == "file_mtime" and value.startswith("2026-01-14T01:02:03.") and value.endswith("+00:00")
    conn = make_db(tmp_path / "c.db", ["id", "담당자", "상태"])
    assert data_generated_at(conn, tmp_path / "c.db")[1] == "file_mtime"


def test_on_the_synthetic_snapshot(synth_db):
    conn = sqlite3.connect(f"file:{synth_db}?mode=ro", uri=True)
    found = detect(conn)
    assert found.net_column == "Net(%)" and found.fields["onlineFirstEntry"] == "(온라인)최초 입과 여부"
    rows = deal_rows(conn, found)
    assert len(rows) == conn.execute("SELECT COUNT(*) FROM deal").fetchone()[0]
    people = person_orgs(conn, found)
    assert len(people) == conn.execute("SELECT COUNT(DISTINCT TRIM(id)) FROM people").fetchone()[0]
    assert data_generated_at(conn, synth_db)[1] == "run_info"
