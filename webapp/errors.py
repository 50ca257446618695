"""Error handlers: one predicate picks the representation (30_style.md §4.8).

JSON `{"error": …}` under /api/; for htmx requests the message partial, retargeted to #messages; otherwise
a full page. Never a stack trace.
"""
from __future__ import annotations

import logging

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from domain.roster import RosterError
from webapp.db import QueryTimeout, SnapshotUnavailable
from webapp.htmx import wants_fragment
from webapp.params import BadParameter

log = logging.getLogger(__name__)

TITLES = {400: "잘못된 요청입니다", 404: "페이지를 찾을 수 없습니다", 405: "허용되지 않는 요청입니다",
          500: "서버 오류가 발생했습니다", 503: "스냅샷을 사용할 수 없습니다"}


class NotFound(Exception):
    """An unknown id or menu: 404 with the English API text and the Korean page sentence."""

    def __init__(self, message: str, page_message: str):
        super().__init__(message)
        self.message = message
        self.page_message = page_message


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def respond(status: int, message: str, page_message: str | None = None, hint: str | None = None):
    if _wants_json():
        return jsonify({"error": message}), status
    context = {"status": status, "title": TITLES.get(status, "오류"), "message": page_message or message,
               "hint": hint}
    if wants_fragment():
        body = render_template("errors/_message.html", **context)
        return body, status, {"HX-Retarget": "#messages", "HX-Reswap": "innerHTML"}
    return render_template("errors/error.html", **context), status


def _bad_parameter(exc: BadParameter):
    return respond(400, exc.message, exc.page_message)


def _not_found(exc: NotFound):
    return respond(404, exc.message, exc.page_message)


def _roster(exc: RosterError):
    return respond(503, str(exc), str(exc), hint="ROSTER_PATH 를 올바른 로스터 파일로 지정하세요 "
                                                 "(config/roster.example.toml 참고).")


def _unavailable(exc: SnapshotUnavailable):
    return respond(503, str(exc), str(exc),
                   hint="make run 으로 합성 데모 스냅샷을 만들거나, DB_PATH 를 올바른 스냅샷 파일로 지정하세요.")


def _timeout(exc: QueryTimeout):
    return respond(503, str(exc), "조회 시간이 너무 오래 걸렸습니다. 조건을 좁혀 다시 시도하세요.")


def _http(exc: HTTPException):
    if exc.code == 404:
        return respond(404, "Not found", "요청한 페이지를 찾을 수 없습니다.")
    return respond(exc.code or 500, exc.description or exc.name, exc.description or exc.name)


def _internal(exc: Exception):
    log.exception("unhandled error on %s", request.path)
    return respond(500, "Internal server error", "예상하지 못한 오류가 발생했습니다. 잠시 후 다시 시도하세요.")


def init_app(app) -> None:
    app.register_error_handler(BadParameter, _bad_parameter)
    app.register_error_handler(NotFound, _not_found)
    app.register_error_handler(RosterError, _roster)
    app.register_error_handler(SnapshotUnavailable, _unavailable)
    app.register_error_handler(QueryTimeout, _timeout)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _internal)
