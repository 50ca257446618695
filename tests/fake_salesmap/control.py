"""The fake's control routes for subprocess use (10_salesmap_api.md §B.12); enabled by `control=True`.

Unauthenticated by design: the fake binds 127.0.0.1 only and is never installed in production.
"""
from __future__ import annotations

import dataclasses
import json

FAULT_KINDS = {"fail", "drop", "delay", "non_json", "payload", "repeat_cursor"}
MUTATIONS = {"update", "insert", "delete"}


def handle(fake, method: str, path: str, body: bytes) -> tuple[int, object]:
    """(status, JSON payload) of one control request; bad input gets 400 with the reason."""
    route = (method, path.rstrip("/"))
    if route == ("GET", "/_fake/requests"):
        return 200, [_plain(r) for r in fake.requests]
    if route == ("POST", "/_fake/reset"):
        fake.reset()
        return 200, {"ok": True}
    if method != "POST" or route[1] not in ("/_fake/faults", "/_fake/mutations", "/_fake/config"):
        return 404, {"error": f"no control route {method} {path}"}
    try:
        items = json.loads(body or b"null")
        if route[1] == "/_fake/config":
            _config(fake, items)
        else:
            for item in items if isinstance(items, list) else [items]:
                (_fault if route[1] == "/_fake/faults" else _mutation)(fake, dict(item))
    except (ValueError, TypeError, KeyError) as exc:
        return 400, {"error": f"{type(exc).__name__}: {exc}"}
    return 200, {"ok": True}


def _fault(fake, item: dict) -> None:
    kind = item.pop("kind")
    if kind not in FAULT_KINDS:
        raise ValueError(f"unknown fault kind {kind!r} (one of {sorted(FAULT_KINDS)})")
    ep = item.pop("endpoint")
    getattr(fake, kind)(ep, **item)


def _mutation(fake, item: dict) -> None:
    op = item.pop("op")
    if op not in MUTATIONS:
        raise ValueError(f"unknown mutation {op!r} (one of {sorted(MUTATIONS)})")
    getattr(fake, op)(item.pop("endpoint"), **item)


def _config(fake, config: dict) -> None:
    if not isinstance(config, dict):
        raise TypeError("config must be an object")
    if "rate_limit" in config:
        limit = config["rate_limit"]
        fake.set_rate_limit(*(limit if limit else (None, 10.0)), retry_after_header=config.get("retry_after", False))
    for ep, style in (config.get("end_styles") or {}).items():
        fake.set_end_style(ep, style)
    for ep, size in (config.get("page_sizes") or {}).items():
        fake.set_page_size(ep, int(size))
    for ep, pages in (config.get("short_pages") or {}).items():
        fake.set_short_pages(ep, {int(k): int(v) for k, v in pages.items()})


def _plain(request) -> dict:
    out = dataclasses.asdict(request)
    out["headers"] = {k: ("***" if k.lower() == "authorization" else v) for k, v in out["headers"].items()}
    return out
