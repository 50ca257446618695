"""The crawler against the fake Salesmap API over real HTTP (10_salesmap_api.md §C.15). No patching of our code."""
import fcntl
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from snapshot.__main__ import main
from snapshot.synth import EDGE_IDS, write_snapshot
from tests.fake_salesmap import FakeSalesmap
from tests.snapshot_diff import diff

FAST = ["--min-interval", "0", "--backoff", "0.01", "--max-backoff", "0.05", "--request-timeout", "2"]


def crawl(fake, folder: Path, *extra, token=None) -> int:
    argv = ["--db-path", str(folder / "salesmap_latest.db"), "--base-url", fake.base_url, "--log-dir",
            str(folder / "logs"), "--checkpoint-dir", str(folder / "logs" / "checkpoints"), "--backup-dir",
            str(folder / "backups"), *FAST, *extra]
    if token is not False:
        argv += ["--token", token or fake.token]
    return main(argv)


def history(folder: Path) -> list[dict]:
    path = folder / "logs" / "run_history.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.fixture(scope="module")
def direct(api_dataset_small, tmp_path_factory):
    return write_snapshot(api_dataset_small, tmp_path_factory.mktemp("direct") / "direct.db")


@pytest.fixture
def fake(api_dataset_small):
    with FakeSalesmap(api_dataset_small, rate_limit=None) as server:
        yield server


@pytest.mark.parametrize("page_sizes", [None, {"*": 23}])
def test_crawl_equals_direct_write(api_dataset_small, direct, tmp_path, page_sizes):
    with FakeSalesmap(api_dataset_small, page_sizes=page_sizes, rate_limit=None) as server:
        assert crawl(server, tmp_path) == 0
        base = server.base_url
    live = tmp_path / "salesmap_latest.db"
    assert diff(live, direct) == []
    conn = sqlite3.connect(live)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "sqlite_stat1" in names and "_snapshot_progress" not in names
    assert len([n for n in names if n.startswith("ix_")]) == 7
    assert all(r[0] == "" for r in conn.execute("SELECT errors FROM manifest"))
    info = dict(zip(("run_tag", "captured_at_utc", "base_url", "endpoints", "note", "checkpoint_path", "final_db_path"),
                    conn.execute("SELECT * FROM run_info").fetchone()))
    assert info["note"] == "" and info["base_url"] == base and info["final_db_path"] == str(live)
    assert info["captured_at_utc"].endswith("Z") and len(info["captured_at_utc"]) == 27
    runs = history(tmp_path)
    assert len(runs) == 1 and runs[0]["status"] == "ok" and runs[0]["exit_code"] == 0
    assert EDGE_IDS["WF_GONE"] in runs[0]["webform"]["forms_not_found"]
    assert not (tmp_path / "salesmap_latest.db.tmp").exists()


def test_retries_then_exhaustion_then_resume(fake, direct, tmp_path):
    fake.fail("deal", page=2, status=500, times=2)
    assert crawl(fake, tmp_path) == 0
    assert sum(1 for r in fake.requests if r.endpoint == "deal" and r.page == 2) == 3
    live = tmp_path / "salesmap_latest.db"
    before = live.read_bytes()
    fake.reset()
    fake.set_page_size("deal", 50)
    fake.fail("deal", page=2, status=500, times=3)
    assert crawl(fake, tmp_path) == 3
    assert live.read_bytes() == before
    tmp = tmp_path / "salesmap_latest.db.tmp"
    assert tmp.exists() and list((tmp_path / "logs" / "checkpoints").glob("checkpoint_*.json"))
    manifest = dict(sqlite3.connect(tmp).execute("SELECT \"table\", errors FROM manifest").fetchall())
    assert manifest["deal"] == "page2:max_retries_exceeded"
    failed = history(tmp_path)[-1]
    assert failed["status"] == "crawl_failed" and failed["exit_code"] == 3 and failed["backup_path"] is None
    assert not list((tmp_path / "backups").glob("*.zip"))  # the first run had no live DB to back up
    fake.clear_faults()
    mark = len(fake.requests)
    assert crawl(fake, tmp_path, "--resume") == 0
    resumed = fake.requests[mark:]
    assert (resumed[0].endpoint, resumed[0].page) == ("deal", 2)
    assert not any(r.endpoint in ("organization", "people") for r in resumed)
    assert diff(live, direct) == [] and history(tmp_path)[-1]["resumed"] is True
    assert len(list((tmp_path / "backups").glob("*.zip"))) == 1  # the replaced live DB


@pytest.mark.parametrize("fault, token", [("non_json", "json_error"), ("payload", "bad_payload"),
                                          ("repeat_cursor", "cursor_loop"), ("bad_request", "http_400")])
def test_fatal_faults_exit_3(fake, tmp_path, fault, token):
    fake.set_page_size("people", 100)
    if fault == "non_json":
        fake.non_json("people", page=2)
    elif fault == "payload":
        fake.payload("people", page=2, body={"success": True})
    elif fault == "repeat_cursor":
        fake.repeat_cursor("people", page=2)
    else:  # e.g. a cursor the server no longer knows: 400 is never retried
        fake.fail("people", page=2, status=400, times=1)
    assert crawl(fake, tmp_path) == 3
    manifest = dict(sqlite3.connect(tmp_path / "salesmap_latest.db.tmp").execute(
        "SELECT \"table\", errors FROM manifest").fetchall())
    assert manifest["people"].endswith(token)
    assert not (tmp_path / "salesmap_latest.db").exists()


@pytest.mark.parametrize("how", ["close", "reset", "truncate"])
def test_dropped_connections_are_retried(fake, direct, tmp_path, how):
    fake.drop("memo", page=1, how=how, times=2)
    assert crawl(fake, tmp_path) == 0
    assert diff(tmp_path / "salesmap_latest.db", direct) == []


def test_auth_and_base_url(fake, tmp_path):
    assert crawl(fake, tmp_path, token=False) == 2 and fake.requests == []
    assert crawl(fake, tmp_path, token="wrong") == 3
    failed = history(tmp_path)[-1]["errors"]["details"]
    assert len(failed) == 7 and all("http_401" in d["errors"] for d in failed)
    bad_base = ["--db-path", str(tmp_path / "x.db"), "--base-url", fake.base_url.replace("/api/v2", ""), "--token",
                fake.token, "--log-dir", str(tmp_path / "l2"), "--checkpoint-dir", str(tmp_path / "c2"), *FAST]
    assert main(bad_base) == 3
    assert main(["--base-url", "ftp://x", "--token", "t"]) == 2


def test_webform_errors_publish_with_exit_5_and_webform_only(fake, tmp_path):
    fake.fail("submit", status=500, times=3)
    assert crawl(fake, tmp_path) == 5
    live = tmp_path / "salesmap_latest.db"
    assert live.exists() and history(tmp_path)[-1]["status"] == "webform_errors"
    assert history(tmp_path)[-1]["webform"]["errors"]
    fake.clear_faults()
    published = tmp_path / "published.db"
    published.write_bytes(live.read_bytes())
    assert crawl(fake, tmp_path, "--webform-only") == 0
    assert [p for p in diff(live, published) if not p.startswith("webform_history")] == []
    rows1 = sqlite3.connect(live).execute("SELECT * FROM webform_history ORDER BY rowid").fetchall()
    assert crawl(fake, tmp_path, "--webform-only") == 0
    conn = sqlite3.connect(live)
    assert conn.execute("SELECT * FROM webform_history ORDER BY rowid").fetchall() == rows1 and rows1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'ix_webform_history_peopleId'").fetchone()
    before = live.read_bytes()
    fake.fail("submit", status=500, times=3)
    assert crawl(fake, tmp_path, "--webform-only") == 5 and live.read_bytes() == before
    assert history(tmp_path)[-1]["mode"] == "webform-only"


def test_backups_rotation_and_fallback(fake, tmp_path):
    for _ in range(3):
        fake.reset()
        assert crawl(fake, tmp_path, "--keep-backups", "2") == 0
    zips = sorted((tmp_path / "backups").glob("salesmap_backup_*.zip"))
    assert len(zips) == 2
    runs = history(tmp_path)
    assert Path(runs[2]["backup_path"]).name == f"salesmap_backup_{runs[1]['run_tag']}.zip"
    with zipfile.ZipFile(runs[2]["backup_path"]) as zf:
        names = zf.namelist()
    assert names[0] == "run_info.json" and "schemas/deal_columns.json" in names and "deal.jsonl" in names
    assert not any("sqlite_" in n for n in names)
    fake.reset()
    assert crawl(fake, tmp_path, "--no-backup") == 0 and history(tmp_path)[-1]["backup_path"] is None
    folder = tmp_path / "as_dir"
    (folder / "salesmap_latest.db").mkdir(parents=True)
    fake.reset()
    assert crawl(fake, folder, "--no-backup") == 4
    last = history(folder)[-1]
    assert last["status"] == "publish_fallback" and Path(last["final_db_path"]).exists()
    fallback = sqlite3.connect(last["final_db_path"]).execute("SELECT final_db_path FROM run_info").fetchone()[0]
    assert fallback == last["final_db_path"]


def test_lock_and_secrets(fake, tmp_path):
    (tmp_path).mkdir(exist_ok=True)
    with open(tmp_path / "salesmap_latest.db.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert crawl(fake, tmp_path) == 6
    assert crawl(fake, tmp_path, token="s3cret-token-value") == 3
    fake.tokens["s3cret-token-value"] = "ws-1"
    assert crawl(fake, tmp_path, "--resume", token="s3cret-token-value") == 0
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"s3cret-token-value" not in path.read_bytes(), path


def test_empty_and_short_pages_with_a_cursor_do_not_end_a_table(api_dataset_small, direct, tmp_path):
    with FakeSalesmap(api_dataset_small, rate_limit=None, short_pages={"people": {2: 0, 3: 3}, "deal": {1: 0}},
                      end_styles={"people": "omit", "deal": "empty_page"}) as server:
        assert crawl(server, tmp_path) == 0
        assert (2, 0) in [(p, n) for p, _c, n in server.served("people")]
        assert (1, 0) in [(p, n) for p, _c, n in server.served("deal")]
    assert diff(tmp_path / "salesmap_latest.db", direct) == []


def test_webform_only_unexpected_error_is_recorded(fake, tmp_path):
    assert crawl(fake, tmp_path, "--no-backup") == 0
    (tmp_path / "salesmap_latest.db.webform.tmp").mkdir()  # the copy cannot be made: an unexpected OSError
    before = (tmp_path / "salesmap_latest.db").read_bytes()
    assert crawl(fake, tmp_path, "--webform-only") == 1
    last = history(tmp_path)[-1]
    assert (last["mode"], last["status"], last["exit_code"]) == ("webform-only", "internal_error", 1)
    assert (tmp_path / "salesmap_latest.db").read_bytes() == before
