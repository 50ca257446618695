"""JSON API. `/api/health` needs no login, bypasses the snapshot identity and every cache (20 §5)."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from flask import Blueprint, current_app, jsonify

from domain.dates import parse_when
from webapp.db import SnapshotUnavailable, check_snapshot, open_readonly
from webapp.freshness import age_seconds, kst_iso, utc_now
from webapp.queries.snapshot_status import get_captured_at_raw

bp = Blueprint("api", __name__, url_prefix="/api")


def _no_store(response, status: int):
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/health")
def health():
    """Say whether the snapshot is there and how old it is."""
    try:
        snap = check_snapshot(current_app.config["DB_PATH"])
    except SnapshotUnavailable as exc:
        return _no_store(jsonify({"status": "unavailable", "error": str(exc)}), 503)
    try:
        conn = open_readonly(snap.path)
        try:
            raw = get_captured_at_raw(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raw = None
    mtime = datetime.fromtimestamp(snap.mtime_ns / 1e9, tz=timezone.utc)
    captured = parse_when(raw)
    now = current_app.config.get("CLOCK", utc_now)()
    body = {"status": "ok", "snapshot": {
        "path": snap.path, "sizeBytes": snap.size, "mtime": kst_iso(mtime),
        "capturedAt": kst_iso(captured) if captured else None,
        "ageSeconds": age_seconds(captured or mtime, now)}}
    return _no_store(jsonify(body), 200)
