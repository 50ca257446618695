"""Cache computed data — never HTML, never sqlite3.Row — keyed by the snapshot identity (30_style.md §4.5).

A swapped snapshot is a new identity, hence new keys: nothing to clear, no restart; old entries age out.
"""
from __future__ import annotations

import functools
import hashlib
import sqlite3

from flask import current_app

from webapp.db import current_snapshot
from webapp.extensions import cache


def _reject_rows(value) -> None:
    """sqlite3.Row does not pickle (Redis) and ties data to a connection: refuse it loudly."""
    if isinstance(value, sqlite3.Row) or (isinstance(value, (list, tuple)) and value
                                          and isinstance(value[0], sqlite3.Row)):
        raise TypeError("snapshot_cached functions must return plain data, not sqlite3.Row")


def snapshot_key(name: str, *parts) -> str:
    raw = repr((name, parts, current_snapshot().key))
    return "snap:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def snapshot_cached(func):
    """Cache `func(*args)` per snapshot identity and arguments (arguments must have a stable repr)."""
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = snapshot_key(name, args, tuple(sorted(kwargs.items())))
        hit = cache.get(key)
        if hit is not None:
            return hit[0]
        value = func(*args, **kwargs)
        _reject_rows(value)
        cache.set(key, (value,), timeout=current_app.config["CACHE_TIMEOUT_SEC"])
        return value

    return wrapper
