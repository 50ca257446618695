"""Pages, fragments, errors and security headers of the skeleton (30_style.md §4.6, §4.8)."""
import hashlib
import re

import pytest
from flask import Flask

from tests.conftest import REPO
from tests.webapp.conftest import HX
from webapp.htmx import wants_fragment


@pytest.mark.parametrize("headers, fragment", [
    ({}, False), ({"HX-Request": "true"}, True), ({"HX-Request": "true", "HX-Boosted": "true"}, False),
    ({"HX-Request": "true", "HX-History-Restore-Request": "true"}, False), ({"HX-Request": "false"}, False),
])
def test_wants_fragment_matrix(headers, fragment):
    app = Flask(__name__)
    with app.test_request_context("/", headers=headers):
        assert wants_fragment() is fragment


def test_root_redirects_to_first_screen(client):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/orgs")


def test_snapshot_page_and_fragment(client):
    page = client.get("/snapshot")
    assert page.status_code == 200 and "<html" in page.text and 'id="main"' in page.text
    assert page.headers["Vary"] == "HX-Request" or "HX-Request" in page.headers["Vary"]
    fragment = client.get("/snapshot", headers=HX)
    assert fragment.status_code == 200 and "<html" not in fragment.text and 'id="snapshot-status"' in fragment.text
    assert "HX-Request" in fragment.headers["Vary"]
    for header in ({"HX-Request": "true", "HX-Boosted": "true"},
                   {"HX-Request": "true", "HX-History-Restore-Request": "true"}):
        assert "<html" in client.get("/snapshot", headers=header).text


def test_snapshot_content(client):
    text = client.get("/snapshot").text
    for words in ("스냅샷 파일", "salesmap_latest.db", "20260118_180000", "synthetic seed=20260119 scale=0.02",
                  "조직 없는 Won 딜 1건", "조직 없음 1건", "계약 체결일 없음/오류", "금액 없음/오류"):
        assert words in text, words
    assert re.search(r"<td>deal</td><td>/deal</td>\s*<td class=\"num\">233</td>", text)
    assert re.search(r"<td>webform_history</td><td>-</td>\s*<td class=\"num\">76</td>", text)
    # run history: newest first, original lines still display, the bad line is counted
    assert text.index("20260118_180000</td>") < text.index("20260117_180000</td>")
    assert "수집 실패" in text and "성공" in text and "읽을 수 없는 줄 1개" in text
    assert "전체 2건 중 최근 2건" in text
    assert 'id="freshness"' in text and "스냅샷 <time" in text and "2026-01-19 03:00 KST" in text


def test_run_history_missing_file(make_app, tmp_path):
    text = make_app(RUN_HISTORY_PATH=str(tmp_path / "none.jsonl")).test_client().get("/snapshot").text
    assert "실행 기록 파일이 없습니다" in text


def test_run_modal_fragment_and_page(client):
    fragment = client.get("/snapshot/runs/1", headers=HX)
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'role="dialog"' in fragment.text and "page3:http_500" in fragment.text and "종료 코드 3" in fragment.text
    page = client.get("/snapshot/runs/1")
    assert "<html" in page.text and 'role="dialog"' in page.text and 'href="/snapshot"' in page.text
    assert client.get("/snapshot/runs/7").status_code == 404


def test_bad_parameter_is_400_page_and_fragment(client):
    page = client.get("/snapshot?runs=5")
    assert page.status_code == 400 and "<html" in page.text and "실행 기록 개수 값이 올바르지 않습니다: 5" in page.text
    fragment = client.get("/snapshot?runs=abc", headers=HX)
    assert fragment.status_code == 400 and "<html" not in fragment.text
    assert fragment.headers["HX-Retarget"] == "#messages"


def test_unknown_url_is_404(client):
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "페이지를 찾을 수 없습니다" in page.text and "<html" in page.text
    assert client.get("/api/no/such").get_json() == {"error": "Not found"}
    assert client.get("/no/such", headers=HX).headers["HX-Retarget"] == "#messages"


def test_missing_db_gives_503_page_saying_what_to_do(make_app, tmp_path):
    client = make_app(DB_PATH=str(tmp_path / "gone.db")).test_client()
    page = client.get("/snapshot")
    assert page.status_code == 503 and "<html" in page.text
    assert "Snapshot not found" in page.text and "make run" in page.text and "스냅샷 없음" in page.text
    fragment = client.get("/snapshot", headers=HX)
    assert fragment.status_code == 503 and "<html" not in fragment.text and "Snapshot not found" in fragment.text
    assert client.get("/api/health").status_code == 503


def test_unexpected_error_is_a_500_page_without_trace(make_app):
    app = make_app()

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail")

    response = app.test_client().get("/boom")
    assert response.status_code == 500 and "secret detail" not in response.text and "Traceback" not in response.text


def test_security_headers_and_no_inline_script(client):
    response = client.get("/snapshot")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.text, re.S)
    assert scripts and all('src="' in attrs and body.strip() == "" for attrs, body in scripts)
    assert ' style="' not in response.text


def test_vendored_htmx_is_pinned_and_untouched(client):
    path = REPO / "static" / "vendor" / "htmx-2.0.11.min.js"
    data = path.read_bytes()
    assert len(data) == 52182
    assert hashlib.sha256(data).hexdigest() == "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"
    assert "/static/vendor/htmx-2.0.11.min.js" in client.get("/snapshot").text
