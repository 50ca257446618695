"""Chromium: the org viewer walk and the memo sanitiser against XSS payloads (issue 5)."""
import re
import sqlite3

import pytest
from playwright.sync_api import expect

from snapshot.store import prepare, write_unit
from tests.e2e.conftest import serve

PAYLOADS = [
    "<script>window.__xss = 1</script>안녕",
    '<img src="x" onerror="window.__xss = 2">',
    '<a href="javascript:window.__xss = 3">링크</a>',
    "<svg><script>window.__xss = 4</script></svg>",
    '<svg onload="window.__xss = 5"><circle r="5"></circle></svg>',
    '<iframe srcdoc="&lt;script&gt;parent.__xss = 6&lt;/script&gt;"></iframe>',
    '<a href="jav&#x09;ascript:window.__xss = 7">탭 링크</a>',
    '<math><mi xlink:href="javascript:window.__xss = 8">m</mi></math>',
    '<div style="background:url(javascript:window.__xss=9)">스타일</div><p onmouseover="window.__xss = 10">오버</p>',
]


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xss")
    db = folder / "xss.db"
    conn = sqlite3.connect(db, isolation_level=None)
    write_unit(conn, "organization", [{"id": "OX", "이름": '<img src=x onerror="window.__xss = 20">위험상사',
                                       "기업 규모": "대기업"}])
    write_unit(conn, "people", [{"id": "PX", "organizationId": "OX", "이름": "<script>window.__xss=21</script>고객",
                                 "소속 상위 조직": "HR<b>팀</b>"}])
    write_unit(conn, "deal", [{"id": "DX", "peopleId": "PX", "organizationId": "OX", "이름": '"><svg onload=window.__xss=22>',
                               "상태": "Won", "금액": "1000", "계약 체결일": "2025-05-05", "생성 날짜": "2025-05-01"}])
    write_unit(conn, "memo", [{"id": f"X{i}", "htmlBody": html, "text": "본문", "dealId": "DX", "peopleId": "PX",
                               "organizationId": "OX", "ownerId": "u1", "createdAt": f"2025-05-{10 + i:02d}"}
                              for i, html in enumerate(PAYLOADS)])
    prepare(conn)
    conn.close()
    with serve(db, folder) as url:
        yield url


def test_no_payload_runs(page, xss_server, console_errors):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(xss_server + "/orgs/OX?person=PX&deal=DX")
    expect(page.locator("#org-panel h2").first).to_contain_text("위험상사")
    for i in range(len(PAYLOADS)):
        page.goto(f"{xss_server}/memos/X{i}")
        body = page.locator(".memo-body")
        expect(body).to_have_count(1)
        assert body.locator("script, img, svg, iframe, math, [onerror], [onload], [onmouseover], [style]").count() == 0
        for link in body.locator("a").all():
            href = link.get_attribute("href")
            assert href is None or not href.strip().lower().startswith("javascript")
            link.click(force=True)
        body.hover()
    page.goto(xss_server + "/orgs/OX?person=PX&deal=DX")
    page.locator("#deals-pane a").first.hover()
    assert page.evaluate("window.__xss") is None
    assert dialogs == []


def test_walk_search_open_person_memo_back_and_reload(page, base_url, console_errors):
    from snapshot.synth import EDGE_IDS
    page.goto("/orgs")
    page.locator("select[name=size]").select_option("전체")
    page.locator("input[name=search]").fill("해랑솔")
    with page.expect_response(lambda r: "search=" in r.url):
        page.locator("button", has_text="검색/새로고침").click()
    expect(page).to_have_url(re.compile(r"/orgs\?size=.*search="))
    page.locator("#org-list a", has_text="해랑솔식품").click()
    expect(page.locator("#org-panel h2").first).to_have_text("해랑솔식품")
    expect(page).to_have_url(re.compile(rf"/orgs/{EDGE_IDS['EO_FORMS']}\?"))
    page.locator("#people-section a", has_text="가상연").click()
    expect(page.locator(f'tr[data-person-id="{EDGE_IDS["P_F1"]}"]')).to_have_class("selected")
    expect(page).to_have_url(re.compile(r"person=.*deal="))
    deep_link = page.url
    page.locator("#deals-pane .memo-pane a").first.click()
    dialog = page.locator("#modal-root [role=dialog]")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"person="))
    expect(page.locator("#org-panel h2").first).to_have_text("해랑솔식품")
    page.goto(deep_link)
    expect(page.locator(f'tr[data-person-id="{EDGE_IDS["P_F1"]}"]')).to_have_class("selected")
    expect(page.locator("#deals-pane tr.selected")).to_have_count(1)
    page.reload()
    expect(page.locator(f'tr[data-person-id="{EDGE_IDS["P_F1"]}"]')).to_have_class("selected")
    page.locator("button", has_text="내역 확인").first.click()
    expect(dialog).to_contain_text("날짜 확인 불가")
    expect(dialog).to_contain_text("2025-03-01")
    page.locator("#modal-root .modal-close").click()
    expect(dialog).to_have_count(0)
    assert console_errors == []
