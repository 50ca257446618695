"""Run logs and `<log-dir>/run_history.jsonl` (10_salesmap_api.md §C.11). Tokens never appear."""
from __future__ import annotations

import json
import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from snapshot.store import connect_readonly

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def open_log(log_dir: str, run_tag: str) -> tuple[str, logging.Handler]:
    folder = Path(log_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"salesmap_snapshot_{run_tag}.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger("snapshot")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return str(path), handler


def close_log(handler: logging.Handler) -> None:
    logging.getLogger("snapshot").removeHandler(handler)
    handler.close()


def manifest_summary(db_path: str) -> tuple[dict, dict]:
    """(tables {name: {rows, cols}}, errors {count, details}) from a DB's manifest."""
    try:
        with closing(connect_readonly(db_path)) as conn:
            rows = conn.execute('SELECT "table", "endpoint", "row_count", "column_count", "errors" FROM "manifest"')
            manifest = [dict(zip(("table", "endpoint", "row_count", "column_count", "errors"), r)) for r in rows]
    except sqlite3.DatabaseError:
        return {}, {"count": 0, "details": []}
    tables = {m["table"]: {"rows": m["row_count"], "cols": m["column_count"]} for m in manifest}
    details = [m for m in manifest if m["errors"]]
    return tables, {"count": len(details), "details": details}


def append(log_dir: str, entry: dict) -> None:
    folder = Path(log_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "run_history.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
