"""The fake's rate limiter: a sliding-window log per workspace (10_salesmap_api.md §B.8).

The real window algorithm is unknown (§A.8); we guess a sliding window where rejected requests do not count.
"""
from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque


class SlidingWindow:
    def __init__(self, limit: int | None = 100, window: float = 10.0, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._admitted: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def admit(self, workspace: str) -> int | None:
        """None when admitted; else the seconds N the 429 reason names."""
        if self.limit is None:
            return None
        now = self.clock()
        with self._lock:
            log = self._admitted[workspace]
            while log and log[0] <= now - self.window:
                log.popleft()
            if len(log) < self.limit:
                log.append(now)
                return None
            return max(1, math.ceil(log[0] + self.window - now))

    def reset(self) -> None:
        with self._lock:
            self._admitted.clear()
