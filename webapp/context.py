"""Template context shared by every page: the sidebar and the freshness badge (computed lazily)."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import current_app, request, url_for

from domain.dates import parse_when
from webapp.caching import snapshot_cached
from webapp.db import SnapshotUnavailable, current_snapshot
from webapp.freshness import STALE_AFTER_SEC, age_seconds, utc_now
from webapp.navigation import SCREENS
from webapp.queries.snapshot_status import get_captured_at_raw


@snapshot_cached
def _captured_at_raw() -> str | None:
    return get_captured_at_raw()


def freshness_badge() -> dict | None:
    """{captured, age, stale} of the served snapshot, or None when it is unavailable."""
    try:
        snap = current_snapshot()
        raw = _captured_at_raw()
    except SnapshotUnavailable:
        return None
    when = parse_when(raw) or datetime.fromtimestamp(snap.mtime_ns / 1e9, tz=timezone.utc)
    age = age_seconds(when, current_app.config.get("CLOCK", utc_now)())
    return {"captured": when, "age": age, "stale": age > STALE_AFTER_SEC, "from_run_info": raw is not None}


_SIDEBAR_URLS: dict[str, list[str]] = {}


def _sidebar_urls() -> list[str]:
    """The screens' URLs, built once per script root (they never change while the app runs)."""
    root = request.script_root
    if root not in _SIDEBAR_URLS:
        _SIDEBAR_URLS[root] = [url_for(s.endpoint, **s.args) for s in SCREENS]
    return _SIDEBAR_URLS[root]


def sidebar() -> list[dict]:
    """Sidebar links; the current one is the exact path, else the longest prefix (`/snapshot/runs/0`)."""
    items = [{"label": s.label, "url": url, "indent": s.indent, "active": False}
             for s, url in zip(SCREENS, _sidebar_urls())]
    exact = [i for i in items if i["url"] == request.path]
    prefix = [i for i in items if request.path.startswith(i["url"] + "/")]
    chosen = exact or sorted(prefix, key=lambda i: -len(i["url"]))[:1]
    for item in chosen:
        item["active"] = True
    return items


def init_app(app) -> None:
    app.add_template_global(freshness_badge, "freshness_badge")
    app.add_template_global(sidebar, "sidebar")
