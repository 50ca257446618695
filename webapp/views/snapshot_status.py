"""스냅샷 상태 (`/snapshot`): the snapshot file, its tables, data quality and the last crawler runs."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import Blueprint, abort, current_app, request, url_for

from snapshot.format import ENDPOINT_TABLES
from webapp.caching import snapshot_cached
from webapp.db import current_snapshot
from webapp.htmx import render_page_or_fragment
from webapp.params import choice
from webapp.queries import snapshot_status as q
from webapp.snapshot_status import RUN_LIMITS, data_quality, read_run_entry, read_run_history
from webapp.won import won_book

bp = Blueprint("snapshot_status", __name__)


@snapshot_cached
def table_overview() -> dict:
    """Manifest rows beside the actual row counts, run_info, and the data-quality counts."""
    manifest = {row["table"]: row for row in q.list_manifest()}
    tables = []
    for name in (*ENDPOINT_TABLES, "webform_history"):
        row = manifest.get(name, {})
        tables.append({"table": name, "endpoint": row.get("endpoint"), "manifest_rows": row.get("row_count"),
                       "columns": row.get("column_count"), "errors": row.get("errors") or "",
                       "rows": q.count_rows(name)})
    return {"tables": tables, "run_info": q.get_run_info(), "has_manifest": bool(manifest),
            "quality": data_quality(won_book())}


@bp.get("/snapshot")
def index():
    """Show the snapshot file, its tables, data quality and the last runs."""
    runs = choice(request.args.get("runs"), RUN_LIMITS, RUN_LIMITS[0], "runs", "실행 기록 개수")
    snap = current_snapshot()
    history = read_run_history(current_app.config["RUN_HISTORY_PATH"], int(runs))
    return render_page_or_fragment(
        "snapshot_status/index.html", "snapshot_status/_main.html", snap=snap, overview=table_overview(),
        mtime=datetime.fromtimestamp(snap.mtime_ns / 1e9, tz=timezone.utc), history=history, runs=runs,
        run_limits=RUN_LIMITS)


@bp.get("/snapshot/runs/<int:index>")
def run_detail(index: int):
    """Show one crawler run in the modal (a full page when loaded directly)."""
    entry = read_run_entry(current_app.config["RUN_HISTORY_PATH"], index)
    if entry is None:
        abort(404)
    return render_page_or_fragment("modal_page.html", "snapshot_status/_run_modal.html", run=entry,
                                   modal_template="snapshot_status/_run_modal.html",
                                   close_url=url_for("snapshot_status.index"))
