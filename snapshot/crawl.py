"""The full crawl run (10_salesmap_api.md §C.2): lock → tmp DB → seven endpoints → web-form step → meta and
prepare → publish → history. A run where any endpoint ended in an error publishes nothing (exit 3) and keeps the
tmp DB and checkpoint for --resume.
"""
from __future__ import annotations

import fcntl
import logging
import signal
import sqlite3
import sys
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from tqdm import tqdm

from snapshot import checkpoint as cp
from snapshot.client import Client
from snapshot.config import CrawlConfig
from snapshot.endpoints import CRAWLED, SUBMIT_LIST_KEY
from snapshot.format import ENDPOINTS
from snapshot.paginate import crawl
from snapshot.seams import REAL, Seams
from snapshot.store import write_manifest, write_run_info

log = logging.getLogger("snapshot.crawl")
OK, INTERNAL, USAGE, CRAWL_FAILED, NOT_PUBLISHED, WEBFORM_ERRORS, LOCKED, INTERRUPTED = 0, 1, 2, 3, 4, 5, 6, 130


class LockHeld(Exception):
    pass


@contextmanager
def run_lock(db_path: str):
    path = f"{db_path}.lock"
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "w")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld(path) from None
        yield
    finally:
        handle.close()


def _client(cfg: CrawlConfig, seams: Seams) -> Client:
    return Client(cfg.base_url, cfg.token, min_interval=cfg.min_interval, timeout=cfg.request_timeout,
                  max_retries=cfg.max_retries, backoff=cfg.backoff, max_backoff=cfg.max_backoff, sleep=seams.sleep,
                  monotonic=seams.monotonic)


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    return conn


def _start(cfg: CrawlConfig) -> dict:
    """The run's identity: a resumed checkpoint's, or a fresh one."""
    if cfg.resume:
        found = cp.find_resumable(cfg.checkpoint_dir, cfg.db_path, cfg.base_url, cfg.resume_run_tag)
        if found is None and cfg.resume_run_tag:
            raise ValueError(f"--resume-run-tag {cfg.resume_run_tag}: no resumable checkpoint with that tag")
        if found is not None:
            return {"resumed": True, "run_tag": found["run_tag"], "captured_at_utc": found["captured_at_utc"],
                    "tmp": found["db_tmp_path"], "checkpoint": Path(found["_path"]), "data": found}
    now = datetime.now(timezone.utc)
    tag = now.strftime("%Y%m%d_%H%M%S")
    tmp = f"{cfg.db_path}.tmp"
    try:
        Path(tmp).unlink(missing_ok=True)
    except OSError:
        path = Path(cfg.db_path)
        tmp = str(path.with_name(f"{path.stem}_{tag}{path.suffix}.tmp"))
    checkpoint = Path(cfg.checkpoint_dir) / f"checkpoint_{tag}.json"
    data = {"version": 1, "run_tag": tag, "db_path": cfg.db_path, "db_tmp_path": tmp, "base_url": cfg.base_url,
            "captured_at_utc": now.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "created_at": cp.utc_now_text(),
            "stage": "crawling", "finished": False, "tables": {}}
    return {"resumed": False, "run_tag": tag, "captured_at_utc": data["captured_at_utc"], "tmp": tmp,
            "checkpoint": checkpoint, "data": data}


def crawl_endpoints(conn, client: Client, progress: dict, ckpt: cp.CheckpointFile, interval: int) -> list[str]:
    """Crawl the seven endpoints (completed ones are skipped); returns the failed tables' error tokens."""
    failures = []
    for ep in CRAWLED:
        p = progress.setdefault(ep.name, cp.TableProgress(ep.name, ep.path))
        if p.completed:
            log.info("%s: completed earlier, skipped", ep.name)
            continue
        if any("cursor_loop" in e for e in p.errors) or not ep.paginated:
            conn.execute(f'DROP TABLE IF EXISTS "{ep.name}"')
            p = progress[ep.name] = cp.TableProgress(ep.name, ep.path)
        p.errors = []
        if ep.paginated:
            bar = progress_bar(ep.name, p)

            def write(items, next_cursor, page, p=p, bar=bar):
                p.next_cursor, p.page = next_cursor, page
                cp.commit_unit(conn, p, items)
                if page % interval == 0:
                    ckpt.write(progress)
                bar.update(1)
                bar.set_postfix(rows=p.rows, refresh=False)
                return p.rows
            with bar:
                done, error = crawl(client, ep.path, ep.list_key, p.next_cursor, p.page, write)
        else:
            result = client.get(ep.path, ep.list_key)
            done, error = result.error is None, (f"fetch:{result.error}" if result.error else None)
            if done:
                cp.commit_unit(conn, p, [x for x in result.data[ep.list_key] if isinstance(x, dict)])
        p.completed = done
        if error:
            p.errors = [error]
            failures.append(f"{ep.name}: {error}")
        cp.save_only(conn, p)
        ckpt.write(progress)
        log.info("%s: %s rows, %d columns%s", ep.name, p.rows, len(p.columns), f" ({error})" if error else "")
    return failures


def progress_bar(name: str, p: cp.TableProgress) -> tqdm:
    """Pages, rows and pages/s of one endpoint; shown only when stderr is a terminal (10 §C.11)."""
    return tqdm(desc=f"{name:<12}", unit="page", initial=p.page, file=sys.stderr, disable=not sys.stderr.isatty(),
                dynamic_ncols=True, leave=True, postfix={"rows": p.rows})


@contextmanager
def terminate_as_interrupt():
    """SIGTERM (cron timeout, systemd stop) ends the run like Ctrl-C: exit 130, resumable (10 §C.12)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(_signum, _frame):
        raise KeyboardInterrupt
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def fetch_submissions(client: Client):
    def fetch(form_id: str):
        rows: list[dict] = []

        def write(items, _cursor, _page):
            rows.extend(items)
        done, error = crawl(client, f"/webForm/{quote(form_id, safe='')}/submit", SUBMIT_LIST_KEY, None, 0, write)
        if error == "page1:http_400":
            return [], None, True
        return rows, error, False
    return fetch


def write_meta(conn, progress: dict, identity: dict, cfg: CrawlConfig, final_db_path: str | None) -> None:
    conn.execute("BEGIN")
    write_manifest(conn, [(ep.name, ep.path, ";".join(progress[ep.name].errors) if ep.name in progress else "")
                          for ep in CRAWLED])
    write_run_info(conn, run_tag=identity["run_tag"], captured_at_utc=identity["captured_at_utc"],
                   base_url=cfg.base_url, endpoints=ENDPOINTS, note="",
                   checkpoint_path=str(Path(cfg.checkpoint_dir) / f"checkpoint_{identity['run_tag']}.json"),
                   final_db_path=final_db_path)
    conn.execute("COMMIT")


def run(cfg: CrawlConfig, seams: Seams = REAL) -> int:
    """One full run; returns the exit code of §C.12."""
    try:
        with run_lock(cfg.db_path), terminate_as_interrupt():
            return _run_locked(cfg, seams)
    except LockHeld as exc:
        print(f"snapshot: another run holds {exc}", file=sys.stderr)
        return LOCKED


def _run_locked(cfg: CrawlConfig, seams: Seams) -> int:
    from snapshot.run_steps import full_run, webform_only
    return webform_only(cfg, seams) if cfg.webform_only else full_run(cfg, seams)



