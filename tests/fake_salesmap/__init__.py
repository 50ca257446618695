"""The fake Salesmap API v2 (10_salesmap_api.md Part B): real HTTP on 127.0.0.1, standard library only.

It is the project's only stand-in for the real API, which the tests cannot reach. Faithful by default; where
Part A is unsure, the default is the guess of §A.8 and a switch gives the alternatives.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import ThreadingHTTPServer

from tests.fake_salesmap.faults import Faults, Hold, Rule
from tests.fake_salesmap.ratelimit import SlidingWindow
from tests.fake_salesmap.server import Handler, now_utc
from tests.fake_salesmap.state import ListState


@dataclass
class LoggedRequest:
    seq: int
    t_monotonic: float
    wall_utc: str
    method: str
    path: str
    query: dict
    headers: dict
    endpoint: str | None
    page: int | None
    cursor: str | None
    status: int | None
    fault: str | None
    n_records: int | None
    next_cursor: str | None
    next_cursor_present: bool


class FakeSalesmap:
    def __init__(self, dataset, tokens=None, page_sizes=None, end_styles=None, empty_page_final="null",
                 short_pages=None, rate_limit=(100, 10.0), retry_after_header=False, unknown_cursor="error",
                 webform_400_style="error_key", memo_schema="2026-02", control=False, clock=time.monotonic, port=0):
        self.port = port
        self.clock = clock  # the rate limiter's clock: tests share a fake one with the crawler's sleep
        self.dataset = dataset
        self.tokens = dict(tokens or {"test-token": "ws-1"})
        self._config = dict(page_sizes=page_sizes, end_styles=end_styles, empty_page_final=empty_page_final,
                            short_pages=short_pages, unknown_cursor=unknown_cursor)
        self._rate_limit = rate_limit
        self.retry_after_header = retry_after_header
        self.webform_400_style = webform_400_style
        self.memo_schema = memo_schema
        self.control = control
        self.revoked: set[str] = set()
        self._server = None
        self._thread = None
        self._log_lock = threading.Condition()
        self.reset()

    # --- lifecycle ---
    def start(self) -> "FakeSalesmap":
        handler = type("BoundHandler", (Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.faults.clear()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/v2"

    @property
    def token(self) -> str:
        return next(iter(self.tokens))

    def prewarm_json(self) -> None:
        """Encode every record now and after each reset: pages then cost no JSON encoding (benches)."""
        self.prewarm = True
        self.state.encode_all()

    def reset(self) -> None:
        self.state = ListState(self.dataset, **self._config)
        if getattr(self, "prewarm", False):
            self.state.encode_all()
        self.faults = Faults() if not hasattr(self, "faults") else (self.faults.clear() or self.faults)
        limit = self._rate_limit
        self.limiter = SlidingWindow(*(limit if limit else (None, 10.0)), clock=self.clock)
        self.requests: list[LoggedRequest] = []
        self._after: list[tuple[str, int, object]] = []
        self.revoked = set()

    # --- faults (§B.9) ---
    def fail(self, ep, page=None, status=500, times=1, body=None, headers=None, reason_seconds=10):
        self.faults.add(Rule("fail", ep, page, times, dict(status=status, body=body, headers=headers,
                                                             reason_seconds=reason_seconds)))

    def drop(self, ep, page=None, times=1, how="close"):
        self.faults.add(Rule("drop", ep, page, times, {"how": how}))

    def delay(self, ep, page=None, seconds=1.0, times=1):
        self.faults.add(Rule("delay", ep, page, times, {"seconds": seconds}))

    def hold(self, ep, page=None) -> Hold:
        hold = Hold()
        self.faults.add(Rule("hold", ep, page, 1, {"hold": hold}))
        return hold

    def non_json(self, ep, page=None, times=1):
        self.faults.add(Rule("non_json", ep, page, times))

    def payload(self, ep, page=None, body=None, status=200, times=1):
        self.faults.add(Rule("payload", ep, page, times, {"body": body, "status": status}))

    def repeat_cursor(self, ep, page):
        self.faults.add(Rule("repeat_cursor", ep, page, None))

    def revoke(self, token):
        self.revoked.add(token)

    def unrevoke(self, token):
        self.revoked.discard(token)

    def clear_faults(self):
        self.faults.clear()

    def set_rate_limit(self, limit, window=10.0, retry_after_header=False):
        self.limiter = SlidingWindow(limit, window, clock=self.clock)
        self.retry_after_header = retry_after_header

    def set_end_style(self, ep, style):
        self.state.end_styles[ep] = style

    def set_page_size(self, ep, n):
        self.state.page_sizes[ep] = n

    def set_short_pages(self, ep, pages):
        self.state.short_pages[ep] = dict(pages)

    # --- data changes (§B.10) ---
    def update(self, ep, record_id, set=None, unset=None):  # noqa: A002
        self.state.update(ep, record_id, set, unset)

    def insert(self, ep, record, after_id=None):
        self.state.insert(ep, record, after_id)

    def delete(self, ep, record_id):
        self.state.delete(ep, record_id)

    def after_page(self, ep, page, fn):
        self._after.append((ep, page, fn))

    def late_keys(self, ep, keys, from_page):
        self.state.late[ep] = (tuple(keys), from_page)

    def run_after_page(self, ep, page, records, entry):
        for hook in [h for h in self._after if h[0] == ep and h[1] == page]:
            self._after.remove(hook)
            hook[2](self)

    # --- log (§B.11) ---
    def log(self, entry: dict) -> None:
        with self._log_lock:
            arrived = entry.pop("t_monotonic", None)
            self.requests.append(LoggedRequest(len(self.requests) + 1, time.monotonic() if arrived is None else arrived,
                                               now_utc(), **entry))
            self._log_lock.notify_all()

    def served(self, ep) -> list[tuple]:
        return [(r.page, r.cursor, r.n_records) for r in self.requests if r.endpoint == ep and r.status == 200]

    def wait_for(self, ep, page, timeout=10.0) -> LoggedRequest:
        deadline = time.monotonic() + timeout
        with self._log_lock:
            while True:
                hit = next((r for r in self.requests if r.endpoint == ep and r.page == page and r.status == 200), None)
                if hit is not None:
                    return hit
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{ep} page {page} was not served within {timeout}s")
                self._log_lock.wait(left)


__all__ = ["FakeSalesmap", "LoggedRequest", "Hold"]
