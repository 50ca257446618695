"""`GET /api/health` both ways (00_PRODUCT §3, 20 §5, §7 item 21)."""
import os
import sqlite3
from datetime import datetime, timezone

from domain.dates import KST


def at_kst(*args):
    return lambda: datetime(*args, tzinfo=KST).astimezone(timezone.utc)


def test_ok_shape_and_age(make_app, synth_db):
    client = make_app(CLOCK=at_kst(2026, 1, 19, 9, 30)).test_client()
    response = client.get("/api/health")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    assert set(body) == {"status", "snapshot"} and body["status"] == "ok"
    snap = body["snapshot"]
    assert set(snap) == {"path", "sizeBytes", "mtime", "capturedAt", "ageSeconds"}
    assert snap["path"] == os.path.realpath(synth_db) and snap["sizeBytes"] == os.path.getsize(synth_db)
    assert snap["capturedAt"] == "2026-01-19T03:00:00+09:00"
    assert snap["ageSeconds"] == 23400
    assert snap["mtime"].endswith("+09:00") and "." not in snap["mtime"]


def test_symlink_is_resolved(make_app, synth_db, tmp_path):
    link = tmp_path / "salesmap_latest.db"
    link.symlink_to(synth_db)
    body = make_app(DB_PATH=str(link)).test_client().get("/api/health").get_json()
    assert body["snapshot"]["path"] == os.path.realpath(synth_db)


def test_negative_age_is_zero(make_app):
    body = make_app(CLOCK=at_kst(2020, 1, 1)).test_client().get("/api/health").get_json()
    assert body["snapshot"]["ageSeconds"] == 0


def test_without_run_info_age_comes_from_mtime(make_app, tmp_path):
    path = tmp_path / "bare.db"
    conn = sqlite3.connect(path)
    for table in ("organization", "people", "deal", "memo"):
        conn.execute(f'CREATE TABLE "{table}" (id TEXT)')
    conn.commit()
    conn.close()
    os.utime(path, (1_768_770_000, 1_768_770_000))  # 2026-01-18T21:00:00Z
    body = make_app(DB_PATH=str(path), CLOCK=lambda: datetime(2026, 1, 18, 22, 0, tzinfo=timezone.utc)) \
        .test_client().get("/api/health").get_json()
    assert body["snapshot"]["capturedAt"] is None
    assert body["snapshot"]["mtime"] == "2026-01-19T06:00:00+09:00" and body["snapshot"]["ageSeconds"] == 3600


def test_unavailable_cases(make_app, tmp_path):
    text = tmp_path / "text.db"
    text.write_text("this is not a database\n" * 100, encoding="utf-8")
    no_memo = tmp_path / "nomemo.db"
    conn = sqlite3.connect(no_memo)
    for table in ("organization", "people", "deal"):
        conn.execute(f'CREATE TABLE "{table}" (id TEXT)')
    conn.commit()
    conn.close()
    cases = [(tmp_path / "missing.db", "Snapshot not found"), (text, "Snapshot unreadable"),
             (no_memo, "Snapshot incomplete"), (tmp_path, "Snapshot unreadable")]
    for path, words in cases:
        response = make_app(DB_PATH=str(path)).test_client().get("/api/health")
        body = response.get_json()
        assert response.status_code == 503 and body["status"] == "unavailable", path
        assert body["error"].startswith(words) and str(os.path.realpath(path)) in body["error"]
    missing = make_app(DB_PATH=str(tmp_path / "missing.db")).test_client().get("/api/health").get_json()
    assert 'make run' in missing["error"] and "DB_PATH" in missing["error"]
    assert "has no table memo" in make_app(DB_PATH=str(no_memo)).test_client().get("/api/health").get_json()["error"]
