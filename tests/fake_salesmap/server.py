"""HTTP handling of the fake Salesmap API, in the order of 10_salesmap_api.md §B.4:
route → method → auth → rate limit → faults → handler → after-page hooks → write → log."""
from __future__ import annotations

import socket
import struct
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fake_salesmap import bodies
from tests.fake_salesmap.state import LIST_ENDPOINTS

SINGLE_KEYS = {"user": ("user", "userList"), "team": ("team", "teamList"), "webForm": ("web_forms", "webFormList")}


def route(path: str) -> tuple[str, str | None] | None:
    """(endpoint name, form id) for a known route under /api/v2 or /v2, else None."""
    for prefix in ("/api/v2/", "/v2/"):
        if path.startswith(prefix):
            rest = path[len(prefix):]
            if rest in LIST_ENDPOINTS or rest in SINGLE_KEYS or rest == "user/me":
                return rest, None
            parts = rest.split("/")
            if len(parts) == 3 and parts[0] == "webForm" and parts[2] == "submit" and parts[1]:
                return "submit", unquote(parts[1])
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake = None  # set by FakeSalesmap

    def log_message(self, *args):  # quiet: the fake keeps its own request log
        pass

    def setup(self):
        # Headers and body go out in two writes; without TCP_NODELAY, Nagle + delayed ACK stalls every
        # keep-alive response by ~40 ms on loopback.
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def _handle(self, method: str):
        arrived = time.monotonic()  # the log's t_monotonic is the arrival, so pacing is measured between arrivals
        fake = self.fake
        split = urlsplit(self.path)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        entry = {"method": method, "path": split.path, "query": query, "headers": dict(self.headers),
                 "endpoint": None, "page": None, "cursor": query.get("cursor") or None, "status": None,
                 "fault": None, "n_records": None, "next_cursor": None, "next_cursor_present": False,
                 "t_monotonic": arrived}
        if fake.control and split.path.startswith("/_fake/"):
            from tests.fake_salesmap.control import handle
            status, payload = handle(fake, method, split.path, self._body())
            return self._send(status, "json", bodies.dumps(payload), entry, logged=False)
        found = route(split.path)
        if found is None:
            return self._send(404, "html", bodies.NOT_FOUND_HTML.encode("utf-8"), entry)
        endpoint, form_id = found
        entry["endpoint"] = f"submit:{form_id}" if endpoint == "submit" else endpoint
        if method != "GET":
            return self._send(405, "json", bodies.dumps(bodies.METHOD_NOT_ALLOWED), entry)
        auth = self.headers.get("Authorization")
        if auth is None:
            return self._send(401, "json", bodies.dumps(bodies.MISSING_HEADER), entry)
        token = auth[7:] if auth.startswith("Bearer ") else None
        workspace = fake.tokens.get(token) if token not in fake.revoked else None
        if workspace is None:
            return self._send(401, "json", bodies.dumps(bodies.BAD_TOKEN), entry)
        wait = fake.limiter.admit(workspace)
        if wait is not None:
            headers = {"Retry-After": str(wait)} if fake.retry_after_header else {}
            return self._send(429, "json", bodies.dumps(bodies.too_many(wait)), entry, headers)
        ep = entry["endpoint"]
        page_no = self._page_number(ep, entry["cursor"])
        entry["page"] = page_no
        if self._faults(ep, page_no, entry):
            return None
        return self._serve(endpoint, form_id, query, entry)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _page_number(self, ep, cursor):
        if ep not in LIST_ENDPOINTS and not ep.startswith("submit:"):
            return None
        if not cursor:
            return 1
        return self.fake.state.cursor_pages.get((ep, cursor))

    def _faults(self, ep, page, entry) -> bool:
        fake = self.fake
        rule = fake.faults.take(ep, page, ("hold",))
        if rule is not None:
            rule.params["hold"].wait()
        rule = fake.faults.take(ep, page, ("delay",))
        if rule is not None:
            entry["fault"] = "delay"
            time.sleep(rule.params["seconds"])
        rule = fake.faults.take(ep, page, ("fail", "drop", "non_json", "payload"))
        if rule is None:
            return False
        entry["fault"] = rule.kind
        if rule.kind == "fail":
            kind, body = bodies.injected(rule.params["status"], rule.params.get("reason_seconds", 10))
            if rule.params.get("body") is not None:
                kind, body = "json", bodies.dumps(rule.params["body"])
            self._send(rule.params["status"], kind, body, entry, rule.params.get("headers") or {})
        elif rule.kind == "non_json":
            self._send(200, "html", b"<html><body>maintenance</body></html>", entry)
        elif rule.kind == "payload":
            self._send(rule.params.get("status", 200), "json", bodies.dumps(rule.params["body"]), entry)
        else:
            self._drop(rule.params.get("how", "close"), entry)
        return True

    def _drop(self, how: str, entry):
        if how == "truncate":
            body = bodies.dumps({"success": True, "data": {"x": "y" * 200}})
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
        elif how == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR) if how != "reset" else None
        except OSError:
            pass
        self.fake.log(entry)

    def _serve(self, endpoint, form_id, query, entry):
        fake = self.fake
        state = fake.state
        if endpoint == "user/me":
            return self._send(200, "json", bodies.dumps({"success": True, "data": {"user": state.me}}), entry)
        if endpoint in SINGLE_KEYS:
            field, key = SINGLE_KEYS[endpoint]
            return self._send(200, "json", bodies.dumps({"success": True, "data": {key: state.singles[field]}}), entry)
        filters = None
        if endpoint == "deal" and (("pipelineName" in query) != ("pipelineStageName" in query)):
            missing = "pipelineStageName" if "pipelineName" in query else "pipelineName"
            return self._send(400, "json", bodies.dumps(bodies.filter_incomplete(missing)), entry)
        if endpoint == "deal" and "pipelineName" in query:
            def filters(r):
                return ((r.get("파이프라인") or {}).get("name") == query["pipelineName"]
                        and (r.get("파이프라인 단계") or {}).get("name") == query["pipelineStageName"])
        if endpoint == "submit" and not state.has_form(form_id):
            body = bodies.UNKNOWN_FORM_ENVELOPE if fake.webform_400_style == "envelope" else bodies.UNKNOWN_FORM
            return self._send(400, "json", bodies.dumps(body), entry)
        ep = entry["endpoint"]
        page = state.build(ep, entry["cursor"], filters)
        if page.unknown_cursor:
            return self._send(400, "json", bodies.dumps(bodies.BAD_CURSOR), entry)
        if fake.faults.take(ep, page.page, ("repeat_cursor",)) is not None:
            entry["fault"] = "repeat_cursor"
            page.next_cursor, page.cursor_present = entry["cursor"], True
        records = page.records
        if endpoint == "memo" and fake.memo_schema == "2026-07":
            records = [{**r, "cursorId": r["id"], "typeList": []} for r in records]
        key = "webFormSubmitList" if endpoint == "submit" else f"{endpoint}List"
        data = {key: records}
        if page.cursor_present:
            data["nextCursor"] = page.next_cursor
        if page.encoded is not None and records is page.records:  # same bytes as dumps, from cached parts
            tail = b',"nextCursor":' + bodies.dumps(page.next_cursor) if page.cursor_present else b""
            body = b'{"success":true,"data":{' + bodies.dumps(key) + b":[" + b",".join(page.encoded) + b"]" + tail + b"}}"
        else:
            body = bodies.dumps({"success": True, "data": data})
        entry.update(n_records=len(records), next_cursor=page.next_cursor, next_cursor_present=page.cursor_present)
        fake.run_after_page(ep, page.page, records, entry)
        return self._send(200, "json", body, entry)

    def _send(self, status, kind, body: bytes, entry, headers=None, logged=True):
        self.send_response(status)
        ctype = "application/json" if kind == "json" else "text/html"
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        entry["status"] = status
        if logged:  # control requests stay out of the API request log
            self.fake.log(entry)


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat()
