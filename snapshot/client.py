"""HTTP client of the crawler (10_salesmap_api.md §C.3): pacing, retries and one classification of failures.

Retriable: 429, 5xx, connection errors, resets, truncated bodies, timeouts. Fatal: any other non-2xx
(`http_<status>`), a 2xx body that is not JSON (`json_error`), a payload without its list (`bad_payload`).
Waits: 429 Retry-After, else the seconds in the 429 reason (`N초`), else backoff × 2^(k−1) (+≤10 % jitter),
capped. No wait after the last attempt. Tokens never appear in messages or logs.
"""
from __future__ import annotations

import json
import logging
import random
import re
import time
from dataclasses import dataclass
from typing import Callable

import requests

log = logging.getLogger(__name__)
_REASON_SECONDS = re.compile(r"(\d+(?:\.\d+)?)\s*초")


@dataclass
class Result:
    data: dict | None
    error: str | None = None     # error token (http_500, max_retries_exceeded, …)


class _Retry(Exception):
    def __init__(self, cause: str, wait_hint: float | None = None):
        super().__init__(cause)
        self.cause, self.wait_hint = cause, wait_hint


class Client:
    def __init__(self, base_url: str, token: str, *, min_interval=0.12, timeout=30.0, max_retries=3, backoff=10.0,
                 max_backoff=60.0, sleep: Callable[[float], None] = time.sleep, jitter: bool = True,
                 monotonic: Callable[[], float] = time.monotonic):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.min_interval, self.timeout, self.max_retries = min_interval, timeout, max_retries
        self.backoff, self.max_backoff, self.sleep, self.jitter = backoff, max_backoff, sleep, jitter
        self.monotonic = monotonic
        self._last: float | None = None
        self.requests_sent = 0

    def close(self) -> None:
        self.session.close()

    def get(self, path: str, list_key: str | None, params: dict | None = None) -> Result:
        """GET base+path; `data` of the envelope, or the error token after classification and retries."""
        for attempt in range(1, self.max_retries + 1):
            try:
                return Result(self._once(path, list_key, params))
            except _Retry as exc:
                log.warning("GET %s attempt %d/%d failed: %s", path, attempt, self.max_retries, exc.cause)
                if attempt < self.max_retries:
                    wait = min(self.max_backoff, self._wait(attempt, exc.wait_hint))
                    log.info("waiting %.2f s before retrying %s", wait, path)
                    self.sleep(wait)
            except _Fatal as exc:
                log.error("GET %s failed: %s", path, exc.detail)
                return Result(None, exc.token)
        return Result(None, "max_retries_exceeded")

    def _wait(self, attempt: int, hint: float | None) -> float:
        if hint is not None:
            return hint
        base = self.backoff * 2 ** (attempt - 1)
        return base * (1 + random.random() * 0.1) if self.jitter else base

    def _pace(self) -> None:
        if self._last is not None:
            gap = self.min_interval - (self.monotonic() - self._last)
            if gap > 0:
                self.sleep(gap)

    def _once(self, path: str, list_key: str | None, params: dict | None) -> dict:
        self._pace()
        self.requests_sent += 1
        try:
            response = self.session.get(self.base_url + path, params=params, timeout=self.timeout)
            body = response.content
        except (requests.Timeout, requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise _Retry(type(exc).__name__) from None
        finally:
            self._last = self.monotonic()
        status = response.status_code
        if status == 429:
            raise _Retry("http_429", _hint_429(response))
        if status >= 500:
            raise _Retry(f"http_{status}")
        if not 200 <= status < 300:
            raise _Fatal(f"http_{status}", f"HTTP {status} for {path}")
        try:
            payload = json.loads(body)
        except ValueError:
            raise _Fatal("json_error", f"non-JSON body ({response.headers.get('Content-Type')}) for {path}") from None
        data = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(data, dict) or (list_key is not None and not isinstance(data.get(list_key), list)):
            raise _Fatal("bad_payload", f"no {list_key} list in the response for {path}")
        return data


class _Fatal(Exception):
    def __init__(self, token: str, detail: str):
        super().__init__(token)
        self.token, self.detail = token, detail


def _hint_429(response) -> float | None:
    header = response.headers.get("Retry-After")
    if header is not None:
        try:
            value = float(header)
            if value >= 0:
                return value
        except ValueError:
            pass
    try:
        reason = response.json().get("reason")
    except ValueError:
        return None
    for text in reason if isinstance(reason, list) else [reason]:
        if isinstance(text, str) and (m := _REASON_SECONDS.search(text)):
            return float(m.group(1))
    return None
