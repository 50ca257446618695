"""The snapshot status screen's logic: run history entries and data-quality counts (no Flask, no SQL).

Run history is the crawler's `logs/run_history.jsonl` (RUN_HISTORY_PATH): one JSON object per line,
appended per run. Lines from the original crawler lack the added fields and still display; a line that is
not JSON is skipped and counted.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field

from domain.dates import parse_when
from domain.revenue import BAD_AMOUNT, NO_CONTRACT_DATE, NO_ORGANIZATION, REASON_LABELS, WonBook

RUN_LIMITS = ("10", "30", "100")
STATUS_LABELS = {"ok": "성공", "crawl_failed": "수집 실패", "publish_failed": "게시 실패",
                 "publish_fallback": "대체 경로에 게시", "webform_errors": "웹폼 오류", "interrupted": "중단",
                 "internal_error": "내부 오류"}


@dataclass
class RunHistory:
    path: str
    exists: bool
    entries: list[dict] = field(default_factory=list)   # newest first
    bad_lines: int = 0
    total: int = 0


def _entry(raw: dict, index: int) -> dict:
    errors = raw.get("errors") if isinstance(raw.get("errors"), dict) else {}
    status = raw.get("status") or ("ok" if not errors.get("count") else "crawl_failed")
    tables = raw.get("tables") if isinstance(raw.get("tables"), dict) else {}
    return {
        "index": index,
        "run_tag": raw.get("run_tag"),
        "mode": raw.get("mode") or "full",
        "status": status,
        "status_label": STATUS_LABELS.get(status, status),
        "ok": status == "ok",
        "exit_code": raw.get("exit_code"),
        "captured_at": parse_when(raw.get("captured_at_utc")),
        "finished_at": parse_when(raw.get("finished_at_utc")),
        "final_db_path": raw.get("final_db_path"),
        "backup_path": raw.get("backup_path"),
        "log_path": raw.get("log_path"),
        "resumed": bool(raw.get("resumed")),
        "error_count": errors.get("count") or 0,
        "error_details": errors.get("details") or [],
        "rows": sum(t.get("rows") or 0 for t in tables.values() if isinstance(t, dict)),
        "tables": tables,
        "webform": raw.get("webform") if isinstance(raw.get("webform"), dict) else None,
    }


def _parsed_lines(path: str) -> tuple[list[dict], int]:
    """(the JSON-object lines in file order, how many non-blank lines were not JSON objects)."""
    parsed, bad = [], 0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except ValueError:
                raw = None
            if isinstance(raw, dict):
                parsed.append(raw)
            else:
                bad += 1
    return parsed, bad


def read_run_history(path: str, limit: int) -> RunHistory:
    """The last `limit` runs, newest first."""
    history = RunHistory(path=os.path.abspath(path), exists=os.path.isfile(path))
    if not history.exists:
        return history
    parsed, history.bad_lines = _parsed_lines(path)
    history.total = len(parsed)
    newest = list(reversed(parsed))[:limit]
    history.entries = [_entry(raw, history.total - 1 - i) for i, raw in enumerate(newest)]
    return history


def read_run_entry(path: str, index: int) -> dict | None:
    """One run by its position among the valid lines (0 = oldest), or None."""
    if not os.path.isfile(path):
        return None
    parsed, _bad = _parsed_lines(path)
    return _entry(parsed[index], index) if 0 <= index < len(parsed) else None


def data_quality(book: WonBook) -> dict:
    """Snapshot-wide counts of Won deals that count in no year (20 §2.8), by reason."""
    by_reason = Counter(e.reason for items in book.exclusions_by_org.values() for e in items)
    by_reason[NO_ORGANIZATION] = len(book.no_organization)
    rows = [{"reason": r, "label": REASON_LABELS[r], "count": by_reason.get(r, 0)}
            for r in (NO_ORGANIZATION, NO_CONTRACT_DATE, BAD_AMOUNT)]
    return {"no_organization": len(book.no_organization), "total": sum(r["count"] for r in rows), "rows": rows}
