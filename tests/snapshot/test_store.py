"""The storage rule as a case table (10 §C.6), column evolution and the prepare step (10 §C.5)."""
import sqlite3

import pytest

from snapshot.store import (connect_readonly, file_table_names, latest_run_value, prepare, table_columns, write_manifest, write_run_info,
                            write_unit)

# (API value, stored cell); MISSING = the key is absent from the record.
MISSING = object()
CASES = [
    (None, None), (MISSING, None), ("Won", "Won"), ("", ""), (" 1,000원 ", " 1,000원 "),
    (True, "1"), (False, "0"), (0, "0"), (24000, "24000"), (-3, "-3"),
    (12345678901234567890, "12345678901234567890"), (24000.0, "24000.0"), (61.5, "61.5"), (-0.0, "0.0"),
    (1e20, "1.0e+20"), (1e-05, "1.0e-05"), (0.30000000000000004, "CAST"),
    ({"id": "u1", "name": "홍길동"}, '{"id": "u1", "name": "홍길동"}'),
    (["확정"], '["확정"]'), ([], "[]"), ({}, "{}"),
]


def _record(value):
    return {"id": "r1"} if value is MISSING else {"id": "r1", "v": value}


@pytest.mark.parametrize("value, expected", CASES,
                         ids=["absent" if c[0] is MISSING else repr(c[0]) for c in CASES])
@pytest.mark.parametrize("late", [False, True], ids=["first-unit", "added-later"])
def test_storage_rule(value, expected, late):
    conn = sqlite3.connect(":memory:")
    neighbour = [{"id": "r-x", "v": "x"}] if value is MISSING else []  # so that column v exists
    if late:
        write_unit(conn, "t", [{"id": "r0"}])
        write_unit(conn, "t", neighbour + [_record(value)])
    else:
        write_unit(conn, "t", neighbour + [_record(value)])
    if expected == "CAST":
        expected = conn.execute("SELECT CAST(? AS TEXT)", (value,)).fetchone()[0]
    cell, kind = conn.execute("SELECT v, typeof(v) FROM t WHERE id = 'r1'").fetchone()
    assert cell == expected
    assert kind == ("null" if expected is None else "text")
    assert [r[2] for r in conn.execute('PRAGMA table_info("t")')] == ["TEXT", "TEXT"]


def test_the_page_plays_no_part():
    """One page with 12000000, null, 24000.0 stores '12000000', NULL, '24000.0' (not the original's floats)."""
    conn = sqlite3.connect(":memory:")
    write_unit(conn, "deal", [{"id": "a", "금액": 12000000}, {"id": "b", "금액": None}, {"id": "c", "금액": 24000.0}])
    assert [r[0] for r in conn.execute('SELECT "금액" FROM deal')] == ["12000000", None, "24000.0"]


def test_columns_first_seen_and_late_keys_appended():
    conn = sqlite3.connect(":memory:")
    assert write_unit(conn, "user", []) == [] and table_columns(conn, "user") == []  # empty: no table
    write_unit(conn, "user", [{"id": "1", "name": "a"}, {"id": "2", "role": "x"}])
    cols = write_unit(conn, "user", [{"id": "3", "late key": 1, "name": "b"}])
    assert cols == ["id", "name", "role", "late key"] == table_columns(conn, "user")
    assert conn.execute('SELECT "late key" FROM "user" ORDER BY rowid').fetchall() == [(None,), (None,), ("1",)]


def test_manifest_run_info_and_prepare():
    conn = sqlite3.connect(":memory:")
    write_unit(conn, "deal", [{"id": "d1", "peopleId": "p1", "organizationId": "o1"}])
    write_manifest(conn, [("deal", "/deal", ""), ("lead", "/lead", "page3:http_500")])
    assert conn.execute('SELECT * FROM manifest').fetchall() == [("deal", "/deal", 1, 3, ""),
                                                                 ("lead", "/lead", 0, 0, "page3:http_500")]
    write_run_info(conn, run_tag="20260118_180000", captured_at_utc="2026-01-18T18:00:00.000000Z",
                   base_url="https://salesmap.kr/api/v2", endpoints=["/organization", "/people"], note="",
                   checkpoint_path=None, final_db_path="salesmap_latest.db")
    assert conn.execute("SELECT endpoints, checkpoint_path FROM run_info").fetchone() == (
        '["/organization", "/people"]', None)
    assert prepare(conn) == ["ix_deal_organizationId", "ix_deal_peopleId"]
    assert conn.execute("SELECT COUNT(*) FROM sqlite_stat1").fetchone()[0] >= 1
    assert prepare(conn) == ["ix_deal_organizationId", "ix_deal_peopleId"]  # idempotent


def test_read_only_connection_on_any_path(tmp_path):
    """`?`, `#`, `%`, spaces and Hangul in a folder name stay part of the file name; writes are refused."""
    folder = tmp_path / "스냅샷 #1 ?100%"
    folder.mkdir()
    db = folder / "salesmap_latest.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE deal (id TEXT)")
    conn.commit()
    conn.close()
    assert file_table_names(db) == ["deal"]
    ro = connect_readonly(db)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO deal VALUES ('x')")
    finally:
        ro.close()
    with pytest.raises(sqlite3.OperationalError):
        file_table_names(folder / "missing.db")
    (folder / "text.db").write_text("not a database " * 40)
    with pytest.raises(sqlite3.DatabaseError):
        file_table_names(folder / "text.db")


def test_latest_run_value():
    conn = sqlite3.connect(":memory:")
    assert latest_run_value(conn, "captured_at_utc") is None  # no run_info table
    conn.execute('CREATE TABLE run_info ("run_tag" TEXT)')
    assert latest_run_value(conn, "captured_at_utc") is None  # no such column
    conn.execute('ALTER TABLE run_info ADD COLUMN "captured_at_utc" TEXT')
    assert latest_run_value(conn, "captured_at_utc") is None  # no row
    conn.executemany("INSERT INTO run_info VALUES (?, ?)", [("20260117_180000", "a"), ("20260118_180000", "b"),
                                                            ("20260116_180000", "c")])
    assert latest_run_value(conn, "captured_at_utc") == "b" and latest_run_value(conn, "run_tag") == "20260118_180000"
