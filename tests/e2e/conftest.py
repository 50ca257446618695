"""Chromium end-to-end fixtures: a real gunicorn on a free loopback port, Debian's Chromium (31 §3)."""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
import socket
import subprocess
import sys
import time

import pytest
import requests

from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log_path, timeout: float = 20.0) -> None:
    """Poll until the server answers (any status), in 50 ms steps, bounded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"server exited with {process.returncode}: {tail}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError(f"server did not answer {url} within {timeout}s")


@contextmanager
def serve(db_path, folder, **settings):
    """gunicorn (1 worker) on a free port over `db_path`; stopped by PID when the block ends."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO), "AUTH_MODE": "none", "DB_PATH": str(db_path),
           "RUN_HISTORY_PATH": str(folder / "run_history.jsonl"), "TODAY": "2026-01-19",
           "ROSTER_PATH": str(REPO / "config" / "roster.example.toml"), "PORT": str(port), "WEB_WORKERS": "1",
           **settings}
    log_path = folder / f"gunicorn-{port}.log"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "wsgi:app"],
                                   cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/api/health", process, log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def live_server(synth_db, tmp_path_factory):
    from tests.webapp.conftest import FULL_LINE, ORIGINAL_LINE
    folder = tmp_path_factory.mktemp("e2e")
    (folder / "run_history.jsonl").write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in (ORIGINAL_LINE, FULL_LINE)), encoding="utf-8")
    with serve(synth_db, folder) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args,
            "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-extensions"]}


@pytest.fixture
def console_errors(page):
    """Console errors and CSP violations seen by the page (asserted empty at the end of a test)."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors
