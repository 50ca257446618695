"""Exact bodies of the fake Salesmap API (10_salesmap_api.md §B.6–B.7)."""
from __future__ import annotations

import json
from http import HTTPStatus

NOT_FOUND_HTML = ('<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>404</title></head><body>'
                  '<h1>404</h1><p>페이지를 찾을 수 없습니다.</p></body></html>')
MISSING_HEADER = {"success": False, "message": "Unauthorized", "reason": "헤더에서 Authorization을 찾을 수 없습니다."}
BAD_TOKEN = {"success": False, "message": "Unauthorized", "reason": "유효하지 않은 토큰입니다."}
UNKNOWN_FORM = {"error": "웹 폼을 찾을 수 없습니다."}
UNKNOWN_FORM_ENVELOPE = {"success": False, "message": "Bad Request", "reason": "웹 폼을 찾을 수 없습니다."}
BAD_CURSOR = {"success": False, "message": "Bad Request", "reason": "유효하지 않은 커서입니다."}
METHOD_NOT_ALLOWED = {"success": False, "message": "Method Not Allowed"}


def dumps(body) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def too_many(seconds: int) -> dict:
    return {"success": False, "message": "Too Many Requests", "reason": f"{seconds}초 후 재시도해주세요."}


def filter_incomplete(missing: str) -> dict:
    return {"success": False, "message": "Bad Request", "reason": f"{missing}을 입력해주세요"}


def injected(status: int, reason_seconds: int = 10) -> tuple[str, bytes]:
    """(content type, body) of an injected error status (§B.7)."""
    phrase = HTTPStatus(status).phrase
    if status == 401:
        return "json", dumps(BAD_TOKEN)
    if status == 429:
        return "json", dumps(too_many(reason_seconds))
    if status in (404, 502, 503, 504):
        html = f"<html><head><title>{status} {phrase}</title></head><body><h1>{status} {phrase}</h1></body></html>"
        return "html", html.encode("utf-8")
    return "json", dumps({"success": False, "message": phrase})
