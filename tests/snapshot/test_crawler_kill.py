"""kill -9 of a real crawler process in the middle of a crawl, then `--resume` (10_salesmap_api.md §C.8):
the rows and the progress are committed together, so the resumed snapshot equals an uninterrupted one."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from snapshot.__main__ import main
from snapshot.synth import write_snapshot
from tests.fake_salesmap import FakeSalesmap
from tests.snapshot_diff import diff

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("endpoint, page_no", [("people", 3), ("memo", 1)])
def test_kill_9_then_resume_equals_uninterrupted(api_dataset_small, tmp_path, endpoint, page_no):
    direct = write_snapshot(api_dataset_small, tmp_path / "direct.db")
    db = tmp_path / "salesmap_latest.db"
    args = ["--db-path", str(db), "--log-dir", str(tmp_path / "logs"), "--checkpoint-dir", str(tmp_path / "ckpt"),
            "--backup-dir", str(tmp_path / "backups"), "--min-interval", "0", "--backoff", "0.01"]
    with FakeSalesmap(api_dataset_small, rate_limit=None, page_sizes={"*": 20}) as fake:
        hold = fake.hold(endpoint, page=page_no)
        env = {**os.environ, "SALESMAP_TOKEN": fake.token, "SALESMAP_API_BASE": fake.base_url,
               "PYTHONPATH": str(REPO)}
        proc = subprocess.Popen([sys.executable, "-m", "snapshot", *args], cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert hold.reached.wait(60), proc.stderr.read() if proc.poll() is not None else "no request held"
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(10) == -signal.SIGKILL
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.stderr.close()
            hold.release()
        assert not db.exists() and Path(f"{db}.tmp").exists()
        mark = len(fake.requests)
        assert main([*args, "--resume", "--token", fake.token, "--base-url", fake.base_url]) == 0
        resumed = [r for r in fake.requests[mark:] if r.endpoint == endpoint]
    assert resumed[0].page == page_no                      # continues at the held page, nothing refetched
    assert diff(db, direct) == []


def test_sigterm_exits_130_and_resumes(api_dataset_small, tmp_path):
    direct = write_snapshot(api_dataset_small, tmp_path / "direct.db")
    db = tmp_path / "salesmap_latest.db"
    args = ["--db-path", str(db), "--log-dir", str(tmp_path / "logs"), "--checkpoint-dir", str(tmp_path / "ckpt"),
            "--min-interval", "0"]
    with FakeSalesmap(api_dataset_small, rate_limit=None, page_sizes={"*": 20}) as fake:
        hold = fake.hold("deal", page=2)
        env = {**os.environ, "SALESMAP_TOKEN": fake.token, "SALESMAP_API_BASE": fake.base_url,
               "PYTHONPATH": str(REPO)}
        proc = subprocess.Popen([sys.executable, "-m", "snapshot", *args], cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            assert hold.reached.wait(60)
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(10)
        finally:
            hold.release()
            if proc.poll() is None:
                proc.kill()
        stderr = proc.stderr.read()
        proc.stderr.close()
        assert code == 130 and "interrupted; rerun with --resume" in stderr and "Traceback" not in stderr
        history = (tmp_path / "logs" / "run_history.jsonl").read_text(encoding="utf-8")
        assert '"status": "interrupted"' in history and '"exit_code": 130' in history
        assert main([*args, "--resume", "--token", fake.token, "--base-url", fake.base_url]) == 0
    assert diff(db, direct) == []
