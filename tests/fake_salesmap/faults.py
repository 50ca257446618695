"""Fault rules of the fake (10_salesmap_api.md §B.9): they match in the order added; `times=None` is unlimited."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class Rule:
    kind: str                 # fail | drop | delay | hold | non_json | payload | repeat_cursor
    endpoint: str
    page: int | None
    times: int | None
    params: dict = field(default_factory=dict)

    def matches(self, endpoint: str, page: int | None) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        same = self.endpoint == endpoint or (self.endpoint == "submit" and endpoint.startswith("submit:"))
        return same and (self.page is None or self.page == page)


class Hold:
    """Blocks the matching request until `release()`; `reached` is set once a request is held."""

    def __init__(self):
        self._event = threading.Event()
        self.reached = threading.Event()

    def release(self):
        self._event.set()

    def wait(self, timeout: float | None = None) -> bool:
        self.reached.set()
        return self._event.wait(timeout)


class Faults:
    def __init__(self):
        self.rules: list[Rule] = []
        self.lock = threading.Lock()

    def add(self, rule: Rule) -> Rule:
        with self.lock:
            self.rules.append(rule)
        return rule

    def take(self, endpoint: str, page: int | None, kinds: tuple[str, ...]) -> Rule | None:
        """The first matching rule of these kinds, using up one of its times."""
        with self.lock:
            for rule in self.rules:
                if rule.kind in kinds and rule.matches(endpoint, page):
                    if rule.times is not None:
                        rule.times -= 1
                    return rule
        return None

    def clear(self):
        with self.lock:
            for rule in self.rules:
                if rule.kind == "hold":
                    rule.params["hold"].release()
            self.rules.clear()
