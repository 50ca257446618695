"""Read-only connections, the query time limit and cache invalidation by an atomic DB replace (30 §4.4–4.5)."""
import os
import shutil
import sqlite3

import pytest

from snapshot.synth import write_snapshot
from webapp.db import QueryTimeout, get_db
from webapp.queries import run


def test_connection_is_read_only(app):
    with app.test_request_context("/snapshot"):
        conn = get_db()
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
            conn.execute('DELETE FROM "deal"')
        with pytest.raises(sqlite3.OperationalError):
            conn.execute('CREATE TABLE x (a)')


def test_slow_query_is_stopped(make_app):
    app = make_app(SQL_TIME_LIMIT_MS=10)
    with app.test_request_context("/snapshot"):
        with pytest.raises(QueryTimeout):
            run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")
        assert run("SELECT 1 AS one") == [{"one": 1}]  # the connection stays usable


def test_atomic_replace_is_seen_without_restart(make_app, synth_dataset, synth_db, tmp_path):
    live = tmp_path / "salesmap_latest.db"
    shutil.copyfile(synth_db, live)
    client = make_app(DB_PATH=str(live)).test_client()
    assert "20260118_180000" in client.get("/snapshot").text
    replacement = write_snapshot(synth_dataset, tmp_path / "next.db", run_tag="20260119_180000",
                                 captured_at_utc="2026-01-19T18:00:00.000000Z")
    os.replace(replacement, live)  # what the crawler does
    text = client.get("/snapshot").text
    assert "20260119_180000" in text and "2026-01-20 03:00 KST" in text


def test_in_chunks_bounds_every_in_list():
    from webapp.queries import in_chunks
    chunks = list(in_chunks([str(i) for i in range(1201)], size=500))
    assert [len(values) for _marks, values in chunks] == [500, 500, 201]
    assert all(marks.count("?") == len(values) and marks.startswith("?, ?") for marks, values in chunks)
    assert [v for _m, values in chunks for v in values] == [str(i) for i in range(1201)]
    assert list(in_chunks([])) == []
