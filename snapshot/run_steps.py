"""The steps of a full run and of `--webform-only` (10_salesmap_api.md §C.2, §C.9–C.11), with their history."""
from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path

from snapshot import checkpoint as cp
from snapshot import history, publish, webform
from snapshot.config import CrawlConfig
from snapshot.seams import REAL, Seams
from snapshot.crawl import (CRAWL_FAILED, INTERNAL, INTERRUPTED, NOT_PUBLISHED, OK, USAGE, WEBFORM_ERRORS, _client,
                            _connect, _start, crawl_endpoints, fetch_submissions, log, write_meta)
from snapshot.store import connect_readonly, file_table_names, prepare


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _history_entry(**fields) -> dict:
    """A run-history line with every field of the seed, in its order; the caller fills what it knows."""
    entry = {"run_tag": None, "captured_at_utc": None, "final_db_path": None, "log_path": None, "backup_path": None,
             "tables": {}, "errors": {"count": 0, "details": []}, "mode": "full", "status": "internal_error",
             "exit_code": INTERNAL, "resumed": False, "started_at_utc": _now(), "finished_at_utc": None,
             "tmp_db_path": None, "checkpoint_path": None, "webform": None}
    entry.update(fields)
    return entry


def _run_and_record(cfg: CrawlConfig, entry: dict, handler, client, body, on_interrupt) -> int:
    """Run `body()` → exit code; Ctrl-C/SIGTERM → 130 after `on_interrupt()`, anything unexpected → 1 with one
    stderr line (traceback in the log). Always closes the client and appends the run-history line."""
    try:
        code = body()
    except KeyboardInterrupt:
        entry["status"], code = "interrupted", INTERRUPTED
        on_interrupt()
    except Exception as exc:  # noqa: BLE001 — one line on stderr, the traceback in the log
        log.exception("internal error")
        entry["status"], code = "internal_error", INTERNAL
        print(f"snapshot: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        client.close()
    entry.update(exit_code=code, finished_at_utc=_now())
    history.append(cfg.log_dir, entry)
    history.close_log(handler)
    return code


def _webform_summary(counts, errors: list[str]) -> dict:
    return {"forms": counts.forms, "rows": counts.rows, "dropped_missing_person": counts.dropped_missing_person,
            "dropped_not_allowed": counts.dropped_not_allowed, "forms_not_found": counts.forms_not_found,
            "errors": errors}


def full_run(cfg: CrawlConfig, seams: Seams = REAL) -> int:
    try:
        identity = _start(cfg)
    except ValueError as exc:
        print(f"snapshot: {exc}", file=sys.stderr)
        return USAGE
    started = _now()
    log_path, handler = history.open_log(cfg.log_dir, identity["run_tag"])
    entry = _history_entry(run_tag=identity["run_tag"], captured_at_utc=identity["captured_at_utc"],
                           log_path=log_path, resumed=identity["resumed"], started_at_utc=started,
                           tmp_db_path=identity["tmp"], checkpoint_path=str(identity["checkpoint"]))
    client = _client(cfg, seams)
    ckpt = cp.CheckpointFile(identity["checkpoint"], identity["data"], seams.replace_checkpoint, seams.sleep)

    def on_interrupt():
        _write_checkpoint_quietly(ckpt)
        print("snapshot: interrupted; rerun with --resume", file=sys.stderr)
    return _run_and_record(cfg, entry, handler, client,
                           lambda: _crawl_and_publish(cfg, identity, entry, client, ckpt, seams), on_interrupt)


def _write_checkpoint_quietly(ckpt) -> None:
    """Stamp the checkpoint on interrupt; the rows and progress are already safe in the tmp DB."""
    try:
        ckpt.write()
    except OSError as exc:
        log.warning("could not write the checkpoint on interrupt: %s", exc)


def _crawl_and_publish(cfg, identity, entry, client, ckpt, seams) -> int:
    conn = _connect(identity["tmp"])
    cp.ensure_table(conn)
    progress = cp.load_progress(conn)
    stage = identity["data"].get("stage", "crawling")
    if identity["resumed"]:
        log.info("resuming run %s at stage %s", identity["run_tag"], stage)
    ckpt.write(progress)
    if stage == "crawling":
        failures = crawl_endpoints(conn, client, progress, ckpt, cfg.checkpoint_interval)
        if failures:
            write_meta(conn, progress, identity, cfg, None)
            conn.close()
            entry["tables"], entry["errors"] = history.manifest_summary(identity["tmp"])
            entry["status"] = "crawl_failed"
            print(f"snapshot: crawl incomplete ({'; '.join(failures)}); live DB unchanged; rerun with --resume",
                  file=sys.stderr)
            return CRAWL_FAILED
        stage = "webform"
        ckpt.write(progress, stage=stage)
    web_errors: list[str] = []
    if stage == "webform":
        counts, web_errors = webform.run_step(conn, fetch_submissions(client), log)
        entry["webform"] = _webform_summary(counts, web_errors)
        identity["data"]["webform"] = entry["webform"]
        write_meta(conn, progress, identity, cfg, cfg.db_path)
        conn.execute("BEGIN")
        cp.drop_progress(conn)
        prepare(conn)
        conn.execute("COMMIT")
        stage = "publishing"
        ckpt.write({}, stage=stage)
    else:
        entry["webform"] = identity["data"].get("webform")
        web_errors = (entry["webform"] or {}).get("errors", [])
    conn.close()
    entry["tables"], entry["errors"] = history.manifest_summary(identity["tmp"])
    return _publish(cfg, identity, entry, ckpt, web_errors, seams)


def _publish(cfg, identity, entry, ckpt, web_errors, seams) -> int:
    tmp = identity["tmp"]
    if not publish.integrity_ok(tmp):
        entry["status"] = "publish_failed"
        print("snapshot: integrity check failed; live DB unchanged", file=sys.stderr)
        return NOT_PUBLISHED
    if os.path.isfile(cfg.db_path) and not cfg.no_backup:
        try:
            entry["backup_path"] = publish.backup(cfg.db_path, cfg.backup_dir, cfg.keep_backups)
        except OSError as exc:
            entry["status"] = "publish_failed"
            print(f"snapshot: backup failed ({exc}); live DB unchanged; rerun with --resume", file=sys.stderr)
            return NOT_PUBLISHED
    if publish.replace_file_with_retry(tmp, cfg.db_path, seams.replace, sleep=seams.sleep):
        entry["final_db_path"] = cfg.db_path
        ckpt.write({}, stage="finished", finished=True)
        if web_errors:
            entry["status"] = "webform_errors"
            print(f"snapshot: published with web-form errors ({len(web_errors)})", file=sys.stderr)
            return WEBFORM_ERRORS
        entry["status"] = "ok"
        return OK
    target = publish.fallback_path(cfg.db_path, identity["run_tag"])
    if publish.move_to_fallback(tmp, target):
        entry.update(final_db_path=target, status="publish_fallback")
        ckpt.write({}, stage="finished", finished=True)
        log.warning("published at the fallback path %s", target)
        print(f"snapshot: could not replace {cfg.db_path}; new snapshot at {target}", file=sys.stderr)
    else:
        entry["status"] = "publish_failed"
        print(f"snapshot: could not publish; tmp DB kept at {tmp}", file=sys.stderr)
    return NOT_PUBLISHED


def webform_only(cfg: CrawlConfig, seams: Seams = REAL) -> int:
    """Rebuild webform_history of the live DB in a copy and swap it in; nothing else changes (§C.10)."""
    if not _is_snapshot(cfg.db_path):
        print(f"snapshot: --webform-only needs an existing snapshot at {cfg.db_path}", file=sys.stderr)
        return USAGE
    tag = datetime.now(timezone.utc).strftime("%Y%m%d_%H%M%S")
    log_path, handler = history.open_log(cfg.log_dir, tag)
    entry = _history_entry(run_tag=tag, log_path=log_path, mode="webform-only",
                           tmp_db_path=f"{cfg.db_path}.webform.tmp")
    copy_path = entry["tmp_db_path"]
    client = _client(cfg, seams)

    def on_interrupt():
        Path(copy_path).unlink(missing_ok=True)
        print("snapshot: interrupted; live DB unchanged", file=sys.stderr)
    return _run_and_record(cfg, entry, handler, client,
                           lambda: _rebuild_webforms(cfg, seams, entry, client, copy_path), on_interrupt)


def _rebuild_webforms(cfg: CrawlConfig, seams: Seams, entry: dict, client, copy_path: str) -> int:
    source = connect_readonly(cfg.db_path)
    Path(copy_path).unlink(missing_ok=True)
    target = sqlite3.connect(copy_path)
    source.backup(target)
    source.close()
    target.close()
    conn = _connect(copy_path)
    counts, errors = webform.run_step(conn, fetch_submissions(client), log)
    entry["webform"] = _webform_summary(counts, errors)
    entry["tables"] = {"webform_history": {"rows": counts.rows, "cols": 8 if counts.rows else 0}}
    if errors:
        conn.close()
        Path(copy_path).unlink(missing_ok=True)
        entry["status"] = "webform_errors"
        print(f"snapshot: web-form errors ({len(errors)}); live DB unchanged", file=sys.stderr)
        return WEBFORM_ERRORS
    conn.execute("BEGIN")
    prepare(conn)
    conn.execute("COMMIT")
    conn.close()
    if publish.replace_file_with_retry(copy_path, cfg.db_path, seams.replace, sleep=seams.sleep):
        entry.update(status="ok", final_db_path=cfg.db_path)
        return OK
    entry["status"] = "publish_failed"
    return NOT_PUBLISHED


def _is_snapshot(path: str) -> bool:
    try:
        return {"deal", "people"} <= set(file_table_names(path))
    except sqlite3.DatabaseError:
        return False
