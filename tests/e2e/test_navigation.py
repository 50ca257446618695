"""Chromium: open /, follow the sidebar with htmx, the freshness badge, back/forward, the modal (issue 3)."""
import re

from playwright.sync_api import expect


def test_sidebar_badge_and_history(page, base_url, console_errors):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/orgs$"))
    expect(page.locator("#freshness")).to_contain_text("스냅샷 2026-01-19 03:00 KST")
    expect(page.locator(".sidebar a", has_text="조직/People/Deal 뷰어")).to_have_attribute("aria-current", "page")

    with page.expect_response(lambda r: r.url.endswith("/snapshot") and r.request.headers.get("hx-request") == "true"):
        page.locator(".sidebar a", has_text="스냅샷 상태").click()
    expect(page.locator("#snapshot-status h1")).to_have_text("스냅샷 상태")
    expect(page).to_have_url(re.compile(r"/snapshot$"))
    expect(page.locator(".sidebar a", has_text="스냅샷 상태")).to_have_attribute("aria-current", "page")
    assert page.locator("html").count() == 1 and page.locator("#main #main").count() == 0

    with page.expect_response(lambda r: "runs=30" in r.url):
        page.locator("#run-history a", has_text="30개").click()
    expect(page).to_have_url(re.compile(r"/snapshot\?runs=30$"))
    expect(page.locator("#run-history a.selected")).to_have_text("30개")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/snapshot$"))
    expect(page.locator("#run-history a.selected")).to_have_text("10개")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/orgs$"))
    expect(page.locator("h1")).to_have_text("조직/People/Deal 뷰어")
    page.go_forward()
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/snapshot\?runs=30$"))
    expect(page.locator("#run-history a.selected")).to_have_text("30개")

    page.reload()
    expect(page.locator("#run-history a.selected")).to_have_text("30개")
    assert console_errors == []


def test_modal_escape_backdrop_close_and_focus_trap(page, base_url, console_errors):
    page.goto("/snapshot")
    opener = page.locator("#run-history a", has_text="자세히").first
    opener.click()
    dialog = page.locator("#modal-root [role=dialog]")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("page3:http_500")
    for _ in range(5):  # focus stays inside the dialog
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('#modal-root .modal').contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.querySelector('#modal-root .modal').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert page.evaluate("document.activeElement.textContent.trim()") == "자세히"

    opener.click()
    expect(dialog).to_be_visible()
    page.mouse.click(5, 5)  # the backdrop, outside the dialog
    expect(dialog).to_have_count(0)

    opener.click()
    page.locator("#modal-root .modal-close").click()
    expect(dialog).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/snapshot$"))
    assert console_errors == []


def test_modal_url_works_as_a_page(page, base_url):
    page.goto("/snapshot/runs/0")
    expect(page.locator("[role=dialog]")).to_contain_text("20260117_180000")
    page.locator("[role=dialog] button", has_text="닫기").click()
    expect(page).to_have_url(re.compile(r"/snapshot$"))


def test_bad_parameter_and_unknown_page_show_messages(page, base_url):
    response = page.goto("/snapshot?runs=7")
    assert response.status == 400
    expect(page.locator(".message.error")).to_contain_text("실행 기록 개수 값이 올바르지 않습니다: 7")
    response = page.goto("/nowhere")
    assert response.status == 404
    expect(page.locator(".message.error")).to_contain_text("페이지를 찾을 수 없습니다")
