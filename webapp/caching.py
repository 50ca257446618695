"""Cache computed data — never HTML, never sqlite3.Row — keyed by the snapshot identity (30_style.md §4.5).

A swapped snapshot is a new identity, hence new keys: nothing to clear, no restart; old entries age out.
"""
from __future__ import annotations

import functools
import hashlib
import sqlite3
import time
from collections import OrderedDict

from flask import current_app

from webapp.db import current_snapshot
from webapp.extensions import cache


def _reject_rows(value) -> None:
    """sqlite3.Row does not pickle (Redis) and ties data to a connection: refuse it loudly."""
    if isinstance(value, sqlite3.Row) or (isinstance(value, (list, tuple)) and value
                                          and isinstance(value[0], sqlite3.Row)):
        raise TypeError("snapshot_cached functions must return plain data, not sqlite3.Row")


def snapshot_key(name: str, *parts) -> str:
    """The cache key: function, arguments and snapshot identity (hashed for the shared backend)."""
    return repr((name, parts, current_snapshot().key))


def _shared_key(key: str) -> str:
    return "snap:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


# An in-process layer in front of the shared cache. The flask-caching backends pickle every value, and
# unpickling a team's thousand deal-check rows on each request cost more than the page itself; without
# CACHE_REDIS_URL (one process, nothing to share) the backend is skipped altogether. Keys carry the snapshot
# identity, so this layer can never serve another snapshot's data. Cached values are read-only.
_LOCAL: OrderedDict[str, tuple] = OrderedDict()  # key → (expires_at, (value,))
LOCAL_MAX_ENTRIES = 64


def _local_get(key: str):
    hit = _LOCAL.get(key)
    if hit is None:
        return None
    if hit[0] < time.monotonic():
        del _LOCAL[key]
        return None
    _LOCAL.move_to_end(key)
    return hit[1]


def _local_put(key: str, boxed: tuple) -> None:
    _LOCAL[key] = (time.monotonic() + current_app.config["CACHE_TIMEOUT_SEC"], boxed)
    _LOCAL.move_to_end(key)
    while len(_LOCAL) > LOCAL_MAX_ENTRIES:
        _LOCAL.popitem(last=False)


def _shared() -> bool:
    return bool(current_app.config.get("CACHE_REDIS_URL"))


def snapshot_cached(func):
    """Cache `func(*args)` per snapshot identity and arguments (arguments must have a stable repr)."""
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = snapshot_key(name, args, tuple(sorted(kwargs.items())))
        hit = _local_get(key)
        if hit is None and _shared():
            hit = cache.get(_shared_key(key))
            if hit is not None:
                _local_put(key, hit)
        if hit is not None:
            return hit[0]
        value = func(*args, **kwargs)
        _reject_rows(value)
        if _shared():
            cache.set(_shared_key(key), (value,), timeout=current_app.config["CACHE_TIMEOUT_SEC"])
        _local_put(key, (value,))
        return value

    return wrapper
