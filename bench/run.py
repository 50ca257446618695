"""`make bench`: measure the dashboard on the scale-1.0 synthetic snapshot (not a test).

1. Build (or reuse) bench/data/salesmap_scale1.db (seed 20260119, scale 1.0, today 2026-01-19).
2. Start gunicorn (2 workers) on a free loopback port over a live copy of it.
3. For every URL of bench/urls.py: the cold request (the first after a new snapshot identity: a fresh copy
   renamed over the live file, as the crawler does), then warm p50/p95 over ≥ 30 requests.
4. wrk throughput (16 connections, bounded duration) on the heaviest warm page, with the server's CPU use.
Prints a table and writes bench/results/<name>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from datetime import date, datetime, timezone
from pathlib import Path

import requests

from bench.urls import THROUGHPUT_PATHS, BenchUrl, bench_urls
from snapshot.store import connect_readonly

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
SOURCE = DATA / "salesmap_scale1.db"
LIVE = DATA / "live" / "salesmap_latest.db"
TODAY = date(2026, 1, 19)


def build_snapshot() -> float:
    """Build the scale-1.0 snapshot once; returns the build seconds (0 when reused)."""
    if SOURCE.exists():
        return 0.0
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "snapshot.synth", "--out", str(SOURCE), "--scale", "1.0", "--today",
                    TODAY.isoformat(), "--roster", str(DATA / "roster.toml"), "--existing-orgs",
                    str(DATA / "existing_orgs.txt"), "--force"], cwd=ROOT, check=True)
    return time.perf_counter() - started


def swap_in_fresh_copy() -> None:
    """A new snapshot identity the way the crawler makes one: write a copy, rename it over the live file."""
    LIVE.parent.mkdir(parents=True, exist_ok=True)
    tmp = LIVE.with_name(LIVE.name + ".tmp")
    shutil.copyfile(SOURCE, tmp)
    os.replace(tmp, LIVE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_run_history(path: Path) -> None:
    lines = []
    for day in range(1, 31):
        tag = f"202601{day:02d}_180000"
        lines.append(json.dumps({"run_tag": tag, "captured_at_utc": f"2026-01-{day:02d}T18:00:00.000000Z",
                                 "mode": "full", "status": "ok", "exit_code": 0, "final_db_path": "salesmap_latest.db",
                                 "tables": {"deal": {"rows": 8563, "cols": 151}}, "errors": {"count": 0, "details": []}}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def start_server(port: int) -> subprocess.Popen:
    history = DATA / "run_history.jsonl"
    write_run_history(history)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AUTH_MODE": "none", "DB_PATH": str(LIVE), "PORT": str(port),
           "WEB_WORKERS": "2", "TODAY": TODAY.isoformat(), "RUN_HISTORY_PATH": str(history),
           "ROSTER_PATH": str(DATA / "roster.toml")}
    log = open(DATA / "gunicorn.log", "w", encoding="utf-8")  # noqa: SIM115 — closed with the process
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "wsgi:app"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
            return process
        except requests.ConnectionError:
            time.sleep(0.05)
    process.terminate()
    raise SystemExit("gunicorn did not start; see bench/data/gunicorn.log")


def server_cpu_seconds(pid: int) -> float:
    """utime + stime of the gunicorn master and its workers (from /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    total = 0
    for p in pids:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def timed_get(session: requests.Session, url: str, headers: dict) -> tuple[float, int]:
    started = time.perf_counter()
    response = session.get(url, headers=headers, timeout=60)
    return (time.perf_counter() - started) * 1000, response.status_code


def measure_url(base: str, item, warm_requests: int) -> dict:
    session = requests.Session()
    url = base + item.path
    swap_in_fresh_copy()
    cold_ms, status = timed_get(session, url, item.headers)
    for _ in range(6):  # both workers see the new identity before the warm series
        timed_get(session, url, item.headers)
    warm = sorted(timed_get(session, url, item.headers)[0] for _ in range(warm_requests))
    return {"name": item.name, "path": item.path, "headers": item.headers, "status": status,
            "cold_ms": round(cold_ms, 2), "warm_p50_ms": round(statistics.median(warm), 2),
            "warm_p95_ms": round(warm[max(0, int(len(warm) * 0.95) - 1)], 2), "warm_n": len(warm)}


def run_wrk(base: str, item, pid: int, seconds: int) -> dict:
    headers = sum((["-H", f"{k}: {v}"] for k, v in item.headers.items()), [])
    cpu_before, started = server_cpu_seconds(pid), time.monotonic()
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", *headers, base + item.path],
                         capture_output=True, text=True, check=True).stdout
    elapsed = time.monotonic() - started
    cpu = server_cpu_seconds(pid) - cpu_before
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    return {"name": item.name, "path": item.path, "connections": 16, "seconds": seconds, "requests_per_sec": rps,
            "latency_p99_ms": round(float(p99.group(1)) * scale, 2),
            "server_cpu_percent_of_one_core": round(100 * cpu / elapsed, 1), "cores": os.cpu_count()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--name", default="dashboard", help="results file name (bench/results/<name>.json)")
    parser.add_argument("--warm", type=int, default=50, help="warm requests per URL (at least 30)")
    parser.add_argument("--wrk-seconds", type=int, default=10, help="wrk duration")
    args = parser.parse_args(argv)
    build_seconds = build_snapshot()
    swap_in_fresh_copy()
    port = free_port()
    process = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        with closing(connect_readonly(SOURCE)) as conn:
            items = bench_urls(conn)
        rows = [measure_url(base, item, max(30, args.warm)) for item in items]
        heaviest = max(zip(rows, items), key=lambda pair: pair[0]["warm_p50_ms"])[1]
        targets = [heaviest] + [BenchUrl(f"target {p}", p) for p in THROUGHPUT_PATHS if p != heaviest.path]
        throughput = [run_wrk(base, item, process.pid, args.wrk_seconds) for item in targets]
    finally:
        process.terminate()
        process.wait(timeout=20)
    report = {"name": args.name, "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                          "cpus": os.cpu_count()},
              "snapshot": {"path": str(SOURCE.relative_to(ROOT)), "size_bytes": SOURCE.stat().st_size,
                           "build_seconds": round(build_seconds, 1) or None},
              "server": "gunicorn, 2 sync workers", "urls": rows, "throughput": throughput}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
    print_table(report)
    return 0


def print_table(report: dict) -> None:
    print(f"\nsnapshot {report['snapshot']['path']} ({report['snapshot']['size_bytes'] / 1e6:.0f} MB), "
          f"{report['server']}")
    print(f"{'url':<24} {'path':<28} {'status':>6} {'cold ms':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for row in report["urls"]:
        print(f"{row['name']:<24} {row['path']:<28} {row['status']:>6} {row['cold_ms']:>9.1f} "
              f"{row['warm_p50_ms']:>8.1f} {row['warm_p95_ms']:>8.1f}")
    for t in report["throughput"]:
        print(f"wrk -c16 {t['seconds']}s on {t['path']}: {t['requests_per_sec']:.0f} req/s, p99 {t['latency_p99_ms']} ms, "
              f"server CPU {t['server_cpu_percent_of_one_core']}% of one core ({t['cores']} cores)")
    print(f"written to bench/results/{report['name']}.json")


if __name__ == "__main__":
    sys.exit(main())
