"""Chromium: deal-check filters in the URL, menus and the back button, the memo modal (issue 6)."""
import re

from playwright.sync_api import expect


def section_count(page, key):
    return page.locator(f"#section-{key} tbody tr").count()


def test_filters_menus_and_memo(page, base_url, console_errors):
    page.goto("/deal-check/edu1")
    expect(page.locator("h1")).to_have_text("교육 1팀 딜체크")
    rows_before = page.locator("#dealcheck-result tbody tr").count()
    assert rows_before > 0

    with page.expect_response(lambda r: "status=" in r.url):
        page.locator("input[name=status][value=sql]").uncheck()
    expect(page).to_have_url(re.compile(r"/deal-check/edu1\?status=won&status=lost$"))
    expect(page.locator("input[name=status][value=sql]")).not_to_be_checked()
    rows_no_sql = page.locator("#dealcheck-result tbody tr").count()
    assert rows_no_sql < rows_before

    with page.expect_response(lambda r: "prob=" in r.url):
        page.locator("select[name=prob]").select_option("확정")
    expect(page).to_have_url(re.compile(r"prob=%ED%99%95%EC%A0%95|prob=확정"))
    for cell in page.locator("#dealcheck-result tbody tr td:nth-last-child(4)").all_inner_texts():
        assert "확정" in cell

    page.locator(".sidebar a", has_text="교육 2팀 딜체크").click()
    expect(page.locator("h1")).to_have_text("교육 2팀 딜체크")
    expect(page).to_have_url(re.compile(r"/deal-check/edu2$"))
    page.go_back()
    expect(page.locator("h1")).to_have_text("교육 1팀 딜체크")
    expect(page).to_have_url(re.compile(r"/deal-check/edu1\?.*prob="))
    expect(page.locator("select[name=prob]")).to_have_value("확정")
    expect(page.locator("input[name=status][value=sql]")).not_to_be_checked()

    page.goto("/deal-check/edu-all")
    button = page.locator("button.memo-button:not([disabled])").first
    button.click()
    dialog = page.locator("#modal-root [role=dialog]")
    expect(dialog).to_be_visible()
    expect(dialog.locator("h2")).to_have_text("딜 메모")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert page.locator("button.memo-button[disabled]").first.is_disabled()
    assert console_errors == []
