"""Record ids by era (11_data_model.md §2.7): ObjectId, UUIDv4, UUIDv7 — all deterministic.

Code never assumes a format; the generator reproduces the workspace's mix so that nothing else does.
"""
from __future__ import annotations

import hashlib
import random
from datetime import datetime

from snapshot.synth.clock import ERA_V4, ERA_V7
from snapshot.synth.rng import chance

_OBJECTID_FIXED = hashlib.sha256(b"synthetic objectid process").digest()[:5]


def _uuid_text(value: int) -> str:
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _as_v4(value: int) -> str:
    value &= ~(0xF << 76)
    value |= 0x4 << 76
    value &= ~(0x3 << 62)
    value |= 0x2 << 62
    return _uuid_text(value)


def uuid4(r: random.Random) -> str:
    return _as_v4(r.getrandbits(128))


def uuid7(r: random.Random, when: datetime) -> str:
    ms = int(when.timestamp() * 1000) & ((1 << 48) - 1)
    value = (ms << 80) | (0x7 << 76) | (r.getrandbits(12) << 64) | (0x2 << 62) | r.getrandbits(62)
    return _uuid_text(value)


def object_id(r: random.Random, when: datetime) -> str:
    return (int(when.timestamp()).to_bytes(4, "big") + _OBJECTID_FIXED + r.getrandbits(24).to_bytes(3, "big")).hex()


def named_uuid4(namespace: str, name: str) -> str:
    """A fixed UUIDv4-shaped id from sha256("<namespace>:<name>") (teams, pipelines, forms, edge records)."""
    digest = hashlib.sha256(f"{namespace}:{name}".encode("utf-8")).digest()
    return _as_v4(int.from_bytes(digest[:16], "big"))


def user_object_id(name: str, created: datetime) -> str:
    digest = hashlib.sha256(f"user:{name}".encode("utf-8")).digest()
    return (int(created.timestamp()).to_bytes(4, "big") + digest[:8]).hex()


def record_id(r: random.Random, created: datetime) -> str:
    """The id format of a record created at `created`."""
    if created < ERA_V4:
        return object_id(r, created)
    if created < ERA_V7:
        return uuid7(r, created) if chance(r, 0.30) else uuid4(r)
    return uuid4(r) if chance(r, 0.05) else uuid7(r, created)


def id_kind(value: str) -> str:
    """'objectid', 'uuid4', 'uuid7' or 'other' (tests check the era rule)."""
    if len(value) == 24 and all(c in "0123456789abcdef" for c in value):
        return "objectid"
    if len(value) == 36 and value[14] in "47" and value[19] in "89ab":
        return "uuid" + value[14]
    return "other"
