"""`python -m tests.fake_salesmap` as a real subprocess, driven through its /_fake/* control routes (§B.12)."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]


def test_cli_serves_and_obeys_control_routes():
    proc = subprocess.Popen([sys.executable, "-m", "tests.fake_salesmap", "--seed", "7", "--scale", "0.005",
                             "--port", "0", "--token", "tok", "--page-size", "5", "--rate-limit", "off"],
                            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        base = proc.stdout.readline().split()[1]
        assert proc.stdout.readline().strip() == "token tok"
        api = requests.Session()
        api.headers["Authorization"] = "Bearer tok"
        page = api.get(f"{base}/people", timeout=5).json()
        assert page["success"] is True and len(page["data"]["peopleList"]) == 5
        root = base.removesuffix("/api/v2")
        assert requests.post(f"{root}/_fake/faults", json=[{"kind": "fail", "endpoint": "deal", "page": 1,
                                                            "status": 503, "times": 1}], timeout=5).ok
        assert api.get(f"{base}/deal", timeout=5).status_code == 503
        assert api.get(f"{base}/deal", timeout=5).status_code == 200
        assert requests.post(f"{root}/_fake/config", json={"page_sizes": {"deal": 2}}, timeout=5).ok
        assert len(api.get(f"{base}/deal", timeout=5).json()["data"]["dealList"]) == 2
        bad = requests.post(f"{root}/_fake/faults", json=[{"kind": "explode", "endpoint": "deal"}], timeout=5)
        assert bad.status_code == 400 and "explode" in bad.json()["error"]
        log = requests.get(f"{root}/_fake/requests", timeout=5).json()
        assert [r["status"] for r in log if r["endpoint"] == "deal"] == [503, 200, 200]
        assert all(r["headers"].get("Authorization", "***") == "***" for r in log)
        assert requests.post(f"{root}/_fake/reset", timeout=5).ok
        assert requests.get(f"{root}/_fake/requests", timeout=5).json() == []
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
        proc.stdout.close()
        proc.stderr.close()


def test_cli_rejects_bad_options():
    result = subprocess.run([sys.executable, "-m", "tests.fake_salesmap", "--rate-limit", "lots"], cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "N/SECONDS" in result.stderr
