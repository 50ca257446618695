"""Integrity check, backup with rotation, atomic replace with retry, fallback (10_salesmap_api.md §C.9)."""
from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from contextlib import closing
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from snapshot.store import connect_readonly, latest_run_value, table_names

log = logging.getLogger(__name__)


def integrity_ok(tmp_db: str) -> bool:
    conn = sqlite3.connect(tmp_db)
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        errors = [r[0] for r in conn.execute('SELECT "errors" FROM "manifest"') if r[0]]
    finally:
        conn.close()
    return ok and not errors


def _run_tag_of(db_path: str) -> str:
    try:
        with closing(connect_readonly(db_path)) as conn:
            tag = latest_run_value(conn, "run_tag")
        if tag:
            return str(tag)
    except sqlite3.DatabaseError:
        pass
    mtime = datetime.fromtimestamp(os.path.getmtime(db_path), tz=timezone.utc)
    return mtime.strftime("%Y%m%d_%H%M%S")


def backup(db_path: str, backup_dir: str, keep: int) -> str:
    """Zip the live snapshot (run_info.json, schemas/<t>_columns.json, <t>.jsonl; no sqlite_*), then rotate."""
    folder = Path(backup_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"salesmap_backup_{_run_tag_of(db_path)}.zip"
    conn = connect_readonly(db_path)
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            tables = table_names(conn)
            if "run_info" in tables:
                cur = conn.execute('SELECT * FROM "run_info" LIMIT 1')
                row = cur.fetchone()
                if row is not None:
                    info = dict(zip([d[0] for d in cur.description], row))
                    zf.writestr("run_info.json", json.dumps(info, ensure_ascii=False, indent=2))
            for table in tables:
                cur = conn.execute(f'SELECT * FROM "{table}"')
                columns = [d[0] for d in cur.description]
                zf.writestr(f"schemas/{table}_columns.json", json.dumps(columns, ensure_ascii=False, indent=2))
                lines = (json.dumps(dict(zip(columns, _plain(row))), ensure_ascii=False) + "\n" for row in cur)
                zf.writestr(f"{table}.jsonl", "".join(lines))
    finally:
        conn.close()
    rotate(folder, keep)
    return str(target)


def _plain(row):
    return [v.decode("utf-8", "replace") if isinstance(v, bytes) else v for v in row]


def rotate(folder: Path, keep: int) -> None:
    backups = sorted(folder.glob("salesmap_backup_*.zip"))
    for old in backups[:max(0, len(backups) - keep)]:
        try:
            old.unlink()
        except OSError as exc:
            log.warning("could not delete old backup %s: %s", old.name, exc)


def replace_file_with_retry(src: str, dst: str, replace: Callable[[str, str], None] = os.replace,
                            attempts: int = 5, pause: float = 0.5, sleep=time.sleep) -> bool:
    """os.replace with retries on PermissionError (a lock); any other OSError stops at once."""
    with open(src, "rb") as handle:
        os.fsync(handle.fileno())
    for attempt in range(1, attempts + 1):
        try:
            replace(src, dst)
            _fsync_dir(os.path.dirname(os.path.abspath(dst)))
            return True
        except PermissionError as exc:
            log.warning("replace attempt %d/%d failed: %s", attempt, attempts, exc)
            if attempt < attempts:
                sleep(pause)
        except OSError as exc:
            log.error("replace failed: %s", exc)
            return False
    return False


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def fallback_path(db_path: str, run_tag: str) -> str:
    path = Path(db_path)
    return str(path.with_name(f"{path.stem}_{run_tag}{path.suffix or '.db'}"))


def move_to_fallback(tmp: str, target: str) -> bool:
    try:
        try:
            os.replace(tmp, target)
        except PermissionError:
            shutil.copyfile(tmp, target)
        conn = sqlite3.connect(target)
        conn.execute('UPDATE "run_info" SET "final_db_path" = ?', (target,))
        conn.commit()
        conn.close()
        return True
    except OSError as exc:
        log.error("fallback failed: %s", exc)
        return False
