"""Deterministic random streams and the few distributions the generator needs (11_data_model.md §8.4).

One `random.Random` per purpose, seeded from sha256 of "seed|part1|part2…", so changing one table's
rules never shifts another's numbers. Only `random()` and `getrandbits()` are used (stable across Python
versions); choice, weighting, shuffle, normal, log-normal and Poisson are our own small functions.
"""
from __future__ import annotations

import bisect
import hashlib
import math
import random
from typing import Sequence, TypeVar

T = TypeVar("T")


def stream(seed: int, *parts: object) -> random.Random:
    """A Random seeded with the first 8 bytes (big-endian) of sha256("seed|part1|…")."""
    text = "|".join([str(seed), *(str(p) for p in parts)])
    return random.Random(int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big"))


def chance(r: random.Random, p: float) -> bool:
    return r.random() < p


def uniform(r: random.Random, a: float, b: float) -> float:
    return a + (b - a) * r.random()


def randint(r: random.Random, a: int, b: int) -> int:
    """Integer in [a, b], both inclusive."""
    return a + min(int(r.random() * (b - a + 1)), b - a)


def choice(r: random.Random, items: Sequence[T]) -> T:
    return items[min(int(r.random() * len(items)), len(items) - 1)]


def cumulative(weights: Sequence[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def pick_cumulative(r: random.Random, cum: Sequence[float]) -> int:
    """Index drawn by the cumulative weights `cum` (see `cumulative`)."""
    return min(bisect.bisect_right(cum, r.random() * cum[-1]), len(cum) - 1)


def weighted(r: random.Random, items: Sequence[T], weights: Sequence[float]) -> T:
    return items[pick_cumulative(r, cumulative(weights))]


def table_choice(r: random.Random, table: Sequence[tuple[T, float]]) -> T:
    """Pick from [(value, share), …]."""
    return weighted(r, [v for v, _ in table], [w for _, w in table])


def shuffle(r: random.Random, items: list) -> list:
    """Fisher–Yates in place; returns the list."""
    for i in range(len(items) - 1, 0, -1):
        j = randint(r, 0, i)
        items[i], items[j] = items[j], items[i]
    return items


def normal(r: random.Random, mu: float = 0.0, sigma: float = 1.0) -> float:
    """Box–Muller."""
    u1 = max(r.random(), 1e-12)
    return mu + sigma * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * r.random())


def lognormal(r: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(normal(r, 0.0, sigma))


def poisson(r: random.Random, lam: float) -> int:
    """Knuth's method (small means only)."""
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= r.random()
        if p <= limit:
            return k
        k += 1


def round_half_up(value: float, unit: int = 1) -> int:
    """Round to a multiple of `unit`, halves away from zero (amounts are whole KRW, 8.4)."""
    q = abs(value) / unit
    n = int(math.floor(q + 0.5))
    return int(math.copysign(n * unit, value)) if value else 0
