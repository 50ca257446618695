"""Crawl progress (10_salesmap_api.md §C.8): a private table in the tmp DB, committed in the same transaction as
each unit's rows, mirrored into the checkpoint JSON file (tmp + fsync + os.replace). A resume continues exactly
where the committed rows end, so no row is written twice.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from snapshot.store import write_unit

log = logging.getLogger(__name__)
PROGRESS = "_snapshot_progress"
_DDL = (f'CREATE TABLE IF NOT EXISTS "{PROGRESS}" (table_name TEXT PRIMARY KEY, endpoint TEXT, next_cursor TEXT, '
        'page INTEGER, rows INTEGER, columns TEXT, completed INTEGER, errors TEXT)')


@dataclass
class TableProgress:
    table: str
    endpoint: str
    next_cursor: str | None = None
    page: int = 0
    rows: int = 0
    columns: list = field(default_factory=list)
    completed: bool = False
    errors: list = field(default_factory=list)

    def as_json(self) -> dict:
        return {"endpoint": self.endpoint, "next_cursor": self.next_cursor, "page": self.page, "rows": self.rows,
                "columns": self.columns, "completed": self.completed, "errors": self.errors}


def ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute(_DDL)


def load_progress(conn: sqlite3.Connection) -> dict[str, TableProgress]:
    ensure_table(conn)
    out = {}
    for row in conn.execute(f'SELECT table_name, endpoint, next_cursor, page, rows, columns, completed, errors '
                            f'FROM "{PROGRESS}"'):
        out[row[0]] = TableProgress(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), bool(row[6]),
                                    json.loads(row[7]))
    return out


def save_progress(conn: sqlite3.Connection, p: TableProgress) -> None:
    conn.execute(f'INSERT OR REPLACE INTO "{PROGRESS}" VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                 (p.table, p.endpoint, p.next_cursor, p.page, p.rows, json.dumps(p.columns, ensure_ascii=False),
                  int(p.completed), json.dumps(p.errors)))


def commit_unit(conn: sqlite3.Connection, progress: TableProgress, records: list[dict]) -> None:
    """Write one unit and its progress row in one transaction (exactly-once resume)."""
    conn.execute("BEGIN")
    try:
        progress.columns = write_unit(conn, progress.table, records, known_columns=progress.columns)
        progress.rows += len([r for r in records if isinstance(r, dict)])
        save_progress(conn, progress)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def save_only(conn: sqlite3.Connection, progress: TableProgress) -> None:
    conn.execute("BEGIN")
    save_progress(conn, progress)
    conn.execute("COMMIT")


def drop_progress(conn: sqlite3.Connection) -> None:
    conn.execute(f'DROP TABLE IF EXISTS "{PROGRESS}"')


def utc_now_text() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class CheckpointFile:
    path: Path
    data: dict
    replace: Callable[[str, str], None] = os.replace
    sleep: Callable[[float], None] = time.sleep

    def write(self, tables: dict[str, TableProgress] | None = None, **changes) -> None:
        """tmp + fsync + os.replace; on PermissionError retry, then copy the tmp over the file."""
        if tables is not None:
            self.data["tables"] = {name: p.as_json() for name, p in tables.items()}
        self.data.update(changes, updated_at=utc_now_text())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(self.data, handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        for delay in (0.2, 0.4, None):
            try:
                self.replace(str(tmp), str(self.path))
                return
            except PermissionError:
                if delay is None:
                    break
                self.sleep(delay)
        log.warning("checkpoint rename failed 3 times; copied %s over %s instead", tmp.name, self.path.name)
        self.path.write_bytes(tmp.read_bytes())
        tmp.unlink(missing_ok=True)


def find_resumable(checkpoint_dir: str, db_path: str, base_url: str, run_tag: str | None) -> dict | None:
    """The newest unfinished checkpoint (by updated_at) whose tmp DB exists and whose db_path/base_url match."""
    folder = Path(checkpoint_dir)
    if not folder.is_dir():
        return None
    candidates = []
    for path in sorted(folder.glob("checkpoint_*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if run_tag is not None and data.get("run_tag") != run_tag:
            continue
        same_db = os.path.realpath(data.get("db_path", "")) == os.path.realpath(db_path)
        same_base = (data.get("base_url") or "").rstrip("/") == base_url.rstrip("/")
        if data.get("finished") or not same_db or not same_base or not os.path.exists(data.get("db_tmp_path", "")):
            continue
        candidates.append((data.get("updated_at", ""), path, data))
    if not candidates:
        return None
    _, path, data = max(candidates, key=lambda c: c[0])
    return {**data, "_path": str(path)}
