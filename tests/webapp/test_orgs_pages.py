"""The org viewer's pages and fragments with the worked example of 20 §8.4."""
import csv
import io

import pytest

from tests.webapp.conftest import HX


@pytest.fixture
def client(orgs_client):
    return orgs_client


def text(client, url, status=200, headers=None):
    response = client.get(url, headers=headers or {})
    assert response.status_code == status, response.get_data(as_text=True)[-500:]
    return response.get_data(as_text=True)


def test_list_defaults_and_filters(client):
    page = text(client, "/orgs")
    assert 'data-org-id="OA"' in page and 'data-org-id="OE"' in page and 'data-org-id="OB"' not in page  # 대기업
    assert "Won 집계 제외 2건 (조직 없음 1건 포함)" in page and "2025 Won(억)" in page and "회사를 선택하세요." in page
    assert page.index('data-org-id="OA"') < page.index('data-org-id="OE"') and "1.00억" in page
    everyone = text(client, "/orgs?size=전체")
    assert [everyone.index(f'data-org-id="{o}"') for o in ("OA", "OB", "OE", "OC")] == sorted(
        everyone.index(f'data-org-id="{o}"') for o in ("OA", "OB", "OE", "OC"))
    assert "총 4개" in everyone
    search = text(client, "/orgs?size=전체&search=대학")
    assert 'data-org-id="OC"' in search and "Won 집계 제외 1건 (조직 없음 1건 포함)" in search
    assert "해당 조건의 회사가 없습니다." in text(client, "/orgs?size=전체&search=%25")
    past = text(client, "/orgs?size=전체&page=9")
    assert "이 페이지에는 회사가 없습니다." in past and "1페이지로" in past
    assert "페이지 번호가 올바르지 않습니다: 0" in text(client, "/orgs?page=0", 400)
    assert "알 수 없는 기업 규모입니다: 없음" in text(client, "/orgs?size=없음", 400)
    assert "검색어는 100자 이하로 입력하세요." in text(client, "/orgs?search=" + "x" * 101, 400)


def test_list_fragment_pushes_url(client):
    response = client.get("/orgs?size=전체&search=oa", headers={**HX, "HX-Target": "org-list"})
    assert response.headers["HX-Push-Url"] == "/orgs?size=%EC%A0%84%EC%B2%B4&search=oa"
    assert "<html" not in response.get_data(as_text=True)


def test_exclusions_table(client):
    table = text(client, "/orgs/won-exclusions?size=전체", headers=HX)
    assert table.index("오메가전자") < table.index("조직 없음") and "abc" in table and "8000000" in table
    assert "금액 없음/오류" in table


def test_panel_summary_and_won_rows(client):
    page = text(client, "/orgs/OA?size=전체")
    assert "<html" in page and "오메가전자" in page and "교육 1팀" in page and "상위 조직별 Won 합계 (23/24/25)" in page
    hr = page[page.index(">HR본부</a>"):]
    hr = hr[:hr.index("</tr>")]
    for cell in ("0.00억", "0.30억", "0.90억", "김철수B, 홍길동", "기업교육 1팀 1파트", "<td>O</td>"):
        assert cell in hr, cell
    assert "Won 집계 제외 1건" in page and "회사 메모 2건" in page
    assert "ga@example.com" not in page and "010-0000-0001" not in page  # e-mail and phone are never rendered
    assert "해당 회사를 찾을 수 없습니다." in text(client, "/orgs/NOPE", 404)
    assert "Won 딜이 없습니다." in text(client, "/orgs/OD")  # known, not listed, still has a panel


def test_auto_selection_and_push(client):
    response = client.get("/orgs/OA/people?size=전체&upper=HR본부&auto=1", headers=HX)
    assert response.headers["HX-Push-Url"] == "/orgs/OA?size=%EC%A0%84%EC%B2%B4&upper=HR%EB%B3%B8%EB%B6%80&person=PA1&deal=A-W4"
    body = response.get_data(as_text=True)
    assert 'data-person-id="PA1" class="selected"' in body and 'data-deal-id="A-W4" class="selected"' in body
    assert 'id="people-section"' in body and "<html" not in body
    person = client.get("/orgs/OA/people?person=PA2", headers=HX)
    assert person.headers["HX-Push-Url"].endswith("person=PA2&deal=A-W3")
    hidden = client.get("/orgs/OA/people?person=PA1&hasDeal=false", headers=HX)
    assert "person=" not in hidden.headers["HX-Push-Url"]  # the filter hides PA1: the selection is dropped
    blank = text(client, "/orgs/OA/people?person=PA2")
    row = blank[blank.index('data-person-id="PA2"'):]
    assert row[:row.index("</tr>")].count("미입력") == 4


def test_deals_pane_and_memos(client):
    response = client.get("/people/PA1/deals?size=전체&deal=A-W1", headers=HX)
    body = response.get_data(as_text=True)
    assert 'id="deals-pane"' in body and 'data-deal-id="A-W1" class="selected"' in body
    assert response.headers["HX-Push-Url"] == "/orgs/OA?size=%EC%A0%84%EC%B2%B4&person=PA1&deal=A-W1"
    order = [body.index(f'data-deal-id="{d}"') for d in ("A-W4", "A-W1", "A-W6", "A-W2", "A-S1")]
    assert order == sorted(order) and "2025-01-01" in body and "0.40억" in body
    assert body.index('title="딜 메모"') < body.index('title="계약 완료"')  # the deal's memos, newest first
    assert "이 사람의 딜이 아닙니다: B-W1" in text(client, "/people/PA1/deals?deal=B-W1", 400)
    assert "이 회사의 사람이 아닙니다: PB1" in text(client, "/orgs/OA/people?person=PB1", 400)
    assert "알 수 없는 상위 조직입니다: 없는조직" in text(client, "/orgs/OA/people?upper=없는조직", 400)
    assert "딜 여부 값이 올바르지 않습니다." in text(client, "/orgs/OA/people?hasDeal=maybe", 400)
    assert "해당 사람을 찾을 수 없습니다." in text(client, "/people/NOPE/deals", 404)


def test_memo_and_webform_modals(client):
    modal = text(client, "/memos/m-d1", headers=HX)
    assert "작성일: 2025-04-02" in modal and "작성자: 홍길동" in modal and "<p>계약 <b>완료</b></p>" in modal
    assert "작성자: u9" in text(client, "/memos/m-org2", headers=HX)
    assert "해당 메모를 찾을 수 없습니다." in text(client, "/memos/nope", 404)
    forms = text(client, "/people/PA1/webforms", headers=HX)
    rows = ["2025-03-01</td><td>교육 문의", "2025-04-02</td><td>세미나 신청", "2025-05-10</td><td>세미나 신청",
            "날짜 확인 불가</td><td>뉴스레터 구독", "2025-07-01</td><td>숫자 ID 폼"]
    assert [forms.index(r) for r in rows] == sorted(forms.index(r) for r in rows)
    assert "wf1" not in forms and "웹폼 내역 - 고객 가" in forms
    assert "웹폼 내역이 없습니다." in text(client, "/people/PA3/webforms", headers=HX)


def test_csv_downloads(client):
    data = client.get("/orgs?size=전체&page=2&format=csv").get_data()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["회사명", "기업 규모", "2025 Won(억)", "담당자"] and [r[0] for r in rows[1:]] == [
        "오메가전자", "시그마식품", "뮤테크", "카파대학교"]
    people = list(csv.reader(io.StringIO(client.get("/orgs/OA/people?hasDeal=true&format=csv").get_data().decode("utf-8-sig"))))
    assert [r[0] for r in people[1:]] == ["고객 가", "고객 나"] and "ga@example.com" not in str(people)
    deals = list(csv.reader(io.StringIO(client.get("/people/PA1/deals?format=csv").get_data().decode("utf-8-sig"))))
    assert [r[1] for r in deals[1:]] == ["A-W4 과정", "A-W1 과정", "A-W6 과정", "A-W2 과정", "A-S1 과정"]
