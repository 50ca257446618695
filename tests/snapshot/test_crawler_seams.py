"""Crawler behaviour that depends on time and on the file system, driven through `snapshot.seams.Seams`:
a fake clock shared by the crawler's sleep and the fake server's rate limiter, and replace functions that fail.
No real waiting: a 429 storm of a 10-second window runs in well under a second."""
import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from snapshot.config import from_args
from snapshot.crawl import run
from snapshot.seams import Seams
from snapshot.synth import write_snapshot
from tests.fake_salesmap import FakeSalesmap
from tests.snapshot_diff import diff


class FakeClock:
    """monotonic() only moves when the crawler sleeps; every sleep is recorded."""

    def __init__(self):
        self.now, self.sleeps, self._lock = 1000.0, [], threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


def config(fake, folder: Path, *extra):
    return from_args(["--db-path", str(folder / "salesmap_latest.db"), "--base-url", fake.base_url, "--token",
                      fake.token, "--log-dir", str(folder / "logs"), "--checkpoint-dir", str(folder / "ckpt"),
                      "--backup-dir", str(folder / "backups"), *extra], environ={})


def last_run(folder: Path) -> dict:
    return json.loads((folder / "logs" / "run_history.jsonl").read_text(encoding="utf-8").splitlines()[-1])


@pytest.fixture(scope="module")
def direct(api_dataset_small, tmp_path_factory):
    return write_snapshot(api_dataset_small, tmp_path_factory.mktemp("direct") / "direct.db")


@pytest.mark.parametrize("retry_after_header", [False, True])
def test_429_storm_waits_what_the_server_says(api_dataset_small, direct, tmp_path, retry_after_header):
    clock = FakeClock()
    with FakeSalesmap(api_dataset_small, rate_limit=(20, 10.0), retry_after_header=retry_after_header,
                      clock=clock.monotonic) as fake:
        code = run(config(fake, tmp_path, "--min-interval", "0", "--no-backup"), Seams(clock.sleep, clock.monotonic))
        statuses = [r.status for r in fake.requests]
    assert code == 0 and diff(tmp_path / "salesmap_latest.db", direct) == []
    assert statuses.count(429) >= 4                  # ~90 requests through a 20-per-10 s window
    waits = [s for s in clock.sleeps if s > 0]
    assert waits and all(1 <= s <= 10 and s == int(s) for s in waits)  # the server's N, not the 10 s backoff
    assert len(waits) == statuses.count(429)


def test_5xx_backoff_is_exponential_from_10_seconds(fake_salesmap, direct, tmp_path):
    clock = FakeClock()
    fake_salesmap.set_rate_limit(None)
    fake_salesmap.fail("people", page=2, status=503, times=2)
    fake_salesmap.fail("lead", page=1, status=502, times=2)
    code = run(config(fake_salesmap, tmp_path, "--min-interval", "0", "--no-backup"), Seams(clock.sleep, clock.monotonic))
    assert code == 0 and diff(tmp_path / "salesmap_latest.db", direct) == []
    waits = [s for s in clock.sleeps if s > 0]
    assert len(waits) == 4
    for first, second in (waits[0:2], waits[2:4]):
        assert 10 <= first <= 11 and 20 <= second <= 22   # backoff × 2^(k−1), at most +10 % jitter


def test_pacing_keeps_min_interval_between_requests(fake_salesmap, tmp_path):
    clock = FakeClock()
    fake_salesmap.set_rate_limit(None)
    run(config(fake_salesmap, tmp_path, "--no-backup"), Seams(clock.sleep, clock.monotonic))
    n = len(fake_salesmap.requests)
    # The fake clock only advances by sleeping, so every request after the first waits the full 0.12 s.
    assert clock.sleeps == [pytest.approx(0.12)] * (n - 1)


def test_unreplaceable_destination_goes_to_the_fallback(fake_salesmap, tmp_path):
    attempts = []

    def locked(src, dst):
        if Path(dst).name == "salesmap_latest.db":
            attempts.append(dst)
            raise PermissionError(13, "locked by a reader", dst)
        os.replace(src, dst)
    fake_salesmap.set_rate_limit(None)
    clock = FakeClock()
    code = run(config(fake_salesmap, tmp_path, "--min-interval", "0"), Seams(clock.sleep, clock.monotonic, locked))
    assert code == 4 and len(attempts) == 5
    entry = last_run(tmp_path)
    target = entry["final_db_path"]
    assert entry["status"] == "publish_fallback" and Path(target).name.startswith("salesmap_latest_")
    assert Path(target).exists() and not (tmp_path / "salesmap_latest.db").exists()
    assert sqlite3.connect(target).execute("SELECT final_db_path FROM run_info").fetchone()[0] == target
    assert "fallback" in Path(entry["log_path"]).read_text(encoding="utf-8")


def test_checkpoint_rename_failure_falls_back_to_copy(fake_salesmap, direct, tmp_path):
    def refuse(src, dst):
        raise PermissionError(13, "antivirus holds the file", dst)
    fake_salesmap.set_rate_limit(None)
    fake_salesmap.fail("deal", page=2, status=500, times=3)   # stop mid-crawl so the checkpoint stays
    clock = FakeClock()
    seams = Seams(clock.sleep, clock.monotonic, replace_checkpoint=refuse)
    assert run(config(fake_salesmap, tmp_path, "--min-interval", "0"), seams) == 3
    (checkpoint,) = (tmp_path / "ckpt").glob("checkpoint_*.json")
    data = json.loads(checkpoint.read_text(encoding="utf-8"))
    assert data["tables"]["deal"]["errors"] == ["page2:max_retries_exceeded"]
    assert not list((tmp_path / "ckpt").glob("*.tmp"))
    assert "copied" in Path(last_run(tmp_path)["log_path"]).read_text(encoding="utf-8")
    assert run(config(fake_salesmap, tmp_path, "--min-interval", "0", "--resume"), seams) == 0
    assert diff(tmp_path / "salesmap_latest.db", direct) == []


def test_new_column_mid_crawl(fake_salesmap, tmp_path):
    fake_salesmap.set_rate_limit(None)
    people = [e["id"] for e in fake_salesmap.state.lists["people"]]
    late_id = people[-1]
    fake_salesmap.after_page("people", 1, lambda f: f.update("people", late_id, set={"새 커스텀 필드": "값"}))
    clock = FakeClock()
    assert run(config(fake_salesmap, tmp_path, "--min-interval", "0"), Seams(clock.sleep, clock.monotonic)) == 0
    conn = sqlite3.connect(tmp_path / "salesmap_latest.db")
    columns = [r[1] for r in conn.execute('PRAGMA table_info("people")')]
    assert columns[-1] == "새 커스텀 필드"
    rows = dict(conn.execute('SELECT id, "새 커스텀 필드" FROM people').fetchall())
    assert rows[late_id] == "값" and sum(v is not None for v in rows.values()) == 1


@pytest.mark.slow
def test_real_pacing_gaps_and_no_429_from_the_default_limiter(api_dataset_small, tmp_path):
    """Default settings against the real API's limiter (100 / 10 s), in real time, over more than 100 requests."""
    with FakeSalesmap(api_dataset_small, page_sizes={"*": 35}) as fake:
        assert run(config(fake, tmp_path, "--no-backup")) == 0
        arrivals = [r.t_monotonic for r in fake.requests]
        statuses = [r.status for r in fake.requests]
    assert len(arrivals) > 100 and 429 not in statuses
    assert min(b - a for a, b in zip(arrivals, arrivals[1:])) >= 0.12
