"""`make bench` (crawler part): the crawler against the fake Salesmap API in separate processes (not a test).

1. Throughput: fake at scale 1.0 (seed 20260119) with its rate limiter off; crawl with `--min-interval 0`.
   Reports wall time, requests, pages/s, rows/s and the crawler's peak RSS (os.wait4 of that process alone).
2. Pacing: fake at scale 0.2 with the real API's limit (100 req / 10 s); crawl with the default 0.12 s interval.
   Reports wall time / (requests × 0.12 s), which should stay ≤ 1.05.
Prints a table and writes bench/results/crawler.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "data" / "crawl"
RESULTS = ROOT / "bench" / "results"
SEED, TODAY, TOKEN = 20260119, "2026-01-19", "bench-token"


def start_fake(scale: float, rate_limit: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "tests.fake_salesmap", "--seed", str(SEED), "--scale", str(scale),
                             "--today", TODAY, "--port", "0", "--token", TOKEN, "--rate-limit", rate_limit],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("base_url "):
        proc.kill()
        raise SystemExit(f"the fake did not start: {line!r}")
    proc.stdout.readline()  # token line
    return proc, line.split()[1]


def crawl(base_url: str, folder: Path, *extra: str) -> dict:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    argv = [sys.executable, "-m", "snapshot", "--db-path", str(folder / "salesmap_latest.db"), "--base-url", base_url,
            "--log-dir", str(folder / "logs"), "--checkpoint-dir", str(folder / "logs" / "checkpoints"),
            "--no-backup", *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "SALESMAP_TOKEN": TOKEN},
                            stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    last = json.loads((folder / "logs" / "run_history.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    rows = sum(t["rows"] for t in last["tables"].values())
    return {"exit_code": proc.returncode, "status": last["status"], "wall_s": round(wall, 2), "rows": rows,
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "tables": last["tables"]}


def fake_log(base_url: str) -> list[dict]:
    return requests.get(base_url.removesuffix("/api/v2") + "/_fake/requests", timeout=60).json()


def measure(scale: float, rate_limit: str, *extra: str) -> dict:
    fake, base = start_fake(scale, rate_limit)
    try:
        result = crawl(base, WORK / f"scale{scale}", *extra)
        log = fake_log(base)
    finally:
        fake.terminate()
        fake.wait(30)
    pages = sum(1 for r in log if r["page"] is not None and r["status"] == 200)
    result.update(scale=scale, requests=len(log), pages=pages, status_429=sum(r["status"] == 429 for r in log),
                  pages_per_s=round(pages / result["wall_s"], 1), rows_per_s=round(result["rows"] / result["wall_s"]))
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawler")
    parser.add_argument("--scale", type=float, default=1.0, help="throughput run scale (default 1.0)")
    parser.add_argument("--pacing-scale", type=float, default=0.2, help="paced run scale (default 0.2; 0 skips)")
    args = parser.parse_args(argv)
    report = {"generated_at_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                          "cpus": os.cpu_count()}}
    fast = measure(args.scale, "off", "--min-interval", "0")
    report["throughput"] = fast
    print(f"{'run':<28}{'exit':>5}{'requests':>10}{'rows':>9}{'wall s':>9}{'pages/s':>9}{'rows/s':>9}{'RSS MB':>8}")
    print(f"{'scale ' + str(args.scale) + ', interval 0':<28}{fast['exit_code']:>5}{fast['requests']:>10}"
          f"{fast['rows']:>9}{fast['wall_s']:>9}{fast['pages_per_s']:>9}{fast['rows_per_s']:>9}{fast['peak_rss_mb']:>8}")
    if args.pacing_scale > 0:
        paced = measure(args.pacing_scale, "100/10")
        paced["budget_s"] = round(paced["requests"] * 0.12, 2)
        paced["ratio_to_budget"] = round(paced["wall_s"] / paced["budget_s"], 3)
        report["pacing"] = paced
        print(f"{'scale ' + str(args.pacing_scale) + ', interval 0.12':<28}{paced['exit_code']:>5}"
              f"{paced['requests']:>10}{paced['rows']:>9}{paced['wall_s']:>9}{paced['pages_per_s']:>9}"
              f"{paced['rows_per_s']:>9}{paced['peak_rss_mb']:>8}")
        print(f"paced wall / (requests × 0.12 s) = {paced['ratio_to_budget']} (target ≤ 1.05); "
              f"429s: {paced['status_429']}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "crawler.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS / 'crawler.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
