"""딜체크 worked examples through HTTP with TODAY fixed (20 §8.1–8.3)."""
import csv
import io

import pytest

from tests.webapp.conftest import HX
from tests.webapp.dealcheck_fixture import (CANDIDATES, HOLIDAY_DEALS, MEMOS, WON_WITHOUT_OWNER, write_db,
                                            write_roster)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dealcheck")
    return (write_db(folder / "example.db", WON_WITHOUT_OWNER + CANDIDATES, MEMOS),
            write_roster(folder / "roster.toml"))


@pytest.fixture
def client(make_app, example):
    db, roster = example
    return make_app(DB_PATH=str(db), ROSTER_PATH=str(roster), TODAY="2026-02-02").test_client()


def ids(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [i["dealId"] for i in response.get_json()["items"]]


def test_api_order_per_team(client):
    assert ids(client.get("/api/deal-check/edu1")) == ["D2", "D1", "D4", "D13", "D7", "D6", "D12"]
    assert ids(client.get("/api/deal-check/edu2")) == ["D9"]
    assert ids(client.get("/api/deal-check/edu-all")) == ["D2", "D1", "D4", "D13", "D7", "D9", "D6", "D12"]
    assert ids(client.get("/api/deal-check/public")) == []
    assert ids(client.get("/api/deal-check?team=edu_all")) == ids(client.get("/api/deal-check/edu-all"))
    assert ids(client.get("/api/deal-check?team=public")) == []
    for url in ("/api/deal-check/edu1", "/api/deal-check?team=edu2"):
        assert client.get(url).get_json()["baseYear"] == 2025


def test_unknown_team(client):
    bad = client.get("/api/deal-check?team=edu3")
    assert bad.status_code == 400 and bad.get_json() == {"error": "Unknown teamKey: edu3"}
    missing = client.get("/api/deal-check/edu3")
    assert missing.status_code == 404 and missing.get_json() == {"error": "Unknown teamKey: edu3"}
    assert client.get("/api/deal-check").get_json() == {"error": "team is required"}
    assert client.get("/deal-check/edu3").status_code == 404
    assert client.get("/deal-check/edu1/online").status_code == 404
    assert client.get("/deal-check/public/part1").status_code == 404


def test_item_fields(client):
    body = client.get("/api/deal-check/edu1").get_json()
    items = {i["dealId"]: i for i in body["items"]}
    assert items["D2"] == {
        "dealId": "D2", "orgId": "O1", "orgName": "알파상사", "upperOrg": "HR본부", "teamSignature": "교육팀",
        "personId": "P1", "personName": "고객1", "createdAt": "2025-12-01", "dealName": "알파 구독 과정",
        "courseFormat": "구독제(온라인)", "owners": ["이영희B"], "probability": "확정", "expectedCloseDate": None,
        "expectedAmount": 25000000, "planningSheetLink": "기획시트 준비중", "memoCount": 0, "isRetention": True,
        "orgWonBaseTotal": 120000000, "status": "won", "tier": "P1", "online": True, "section": "R_HIGH_ONLINE"}
    assert list(items["D2"]) == list(items["D1"])  # every item has the same keys in the same order
    d4, d6, d7, d12, d13 = (items[k] for k in ("D4", "D6", "D7", "D12", "D13"))
    assert (d4["probability"], d4["status"], d4["orgWonBaseTotal"], d4["tier"]) == ('["낮음"]', "lost", 30000000, "P3")
    assert (d6["upperOrg"], d6["isRetention"], d6["orgWonBaseTotal"], d6["tier"], d6["planningSheetLink"]) == (
        None, True, 0, "Ø", None)
    assert (d7["isRetention"], d7["expectedAmount"], d7["section"]) == (False, None, "N_ONLINE")
    assert (d12["memoCount"], d12["isRetention"], d12["planningSheetLink"]) == (2, False, "http://sheet.example.com/d12")
    assert (d13["isRetention"], d13["orgWonBaseTotal"], d13["tier"], d13["online"]) == (True, 15000000, "P4", True)
    excl = [(e["dealId"], e["orgName"], e["reason"], e["amountRaw"]) for e in body["exclusions"]]
    assert excl == [("D7", "델타랩", "no_contract_date", None), ("W7", "베타물산", "bad_amount", "미정"),
                    ("W8", "알파상사", "no_contract_date", "10000000")]


def test_screen_sections_and_rows(client):
    text = client.get("/deal-check/edu1").get_data(as_text=True)
    assert ("R(S0~P2-비온라인) 1 / R(S0~P2-온라인) 1 / N(온라인) 1 / R(P3~P5-온라인) 2 / R(P3~P5-비온라인) 1 / "
            "N(비온라인) 1") in text
    assert "Won 집계 제외 3건" in text
    order = [text.index(f'data-deal-id="{d}"') for d in ("D1", "D2", "D7", "D4", "D13", "D6", "D12")]
    assert order == sorted(order)
    d1 = text[text.index('data-deal-id="D1"'):text.index("</tr>", text.index('data-deal-id="D1"'))]
    for cell in ("<td>P1</td>", "알파상사", "HR본부", "교육팀", "고객1", "알파 리더십 과정", "<td>260105</td>",
                 '<a href="https://docs.example.com/sheet/1" target="_blank" rel="noopener noreferrer">링크</a>',
                 "<td>1파트</td>", "<td>홍길동</td>", "<td>높음</td>", "<td>260315</td>", "0.30억", "disabled>메모 없음"):
        assert cell in d1, cell
    d12 = text[text.index('data-deal-id="D12"'):text.index("</tr>", text.index('data-deal-id="D12"'))]
    for cell in ("<td>확정/높음</td>", "<td>260301</td>", "0.40억", "메모 확인"):
        assert cell in d12, cell
    d2 = text[text.index('data-deal-id="D2"'):text.index("</tr>", text.index('data-deal-id="D2"'))]
    assert "<td>2파트</td>" in d2 and "<td>이영희B</td>" in d2 and "<td>링크</td>" in d2 and "0.25억" in d2
    d6 = text[text.index('data-deal-id="D6"'):text.index("</tr>", text.index('data-deal-id="D6"'))]
    assert d6.count("미입력") == 2 and "0.08억" in d6
    assert "해당 딜이 없습니다." not in text


def test_filters(client):
    assert ids(client.get("/api/deal-check/edu1?part=part1")) == ["D1", "D4", "D13", "D7", "D6", "D12"]
    assert ids(client.get("/api/deal-check/edu1?part=part2")) == ["D2"]
    page = client.get("/deal-check/edu1/part1").get_data(as_text=True)
    assert 'data-deal-id="D2"' not in page and 'data-deal-id="D1"' in page
    assert ids(client.get("/api/deal-check/edu1?owner=김철수")) == ["D13", "D6"]
    assert ids(client.get("/api/deal-check/edu1?prob=확정")) == ["D2", "D7", "D12"]
    assert ids(client.get("/api/deal-check/edu1?prob=높음")) == ["D1", "D13", "D12"]
    assert ids(client.get("/api/deal-check/edu1?prob=낮음")) == ["D4", "D6"]
    assert ids(client.get("/api/deal-check/edu1?prob=LOST")) == []
    assert ids(client.get("/api/deal-check/edu1?status=won&status=lost")) == ["D2", "D4", "D7"]
    assert ids(client.get("/api/deal-check/edu1?status=won,lost")) == ["D2", "D4", "D7"]
    assert ids(client.get("/api/deal-check/edu1?status=")) == []
    nothing = client.get("/deal-check/edu1?status=").get_data(as_text=True)
    assert nothing.count("해당 딜이 없습니다.") == 6
    options = client.get("/deal-check/edu1").get_data(as_text=True)
    assert options.index('value="김철수"') < options.index('value="이영희"') < options.index('value="홍길동"')
    assert '<option value="">전체</option>' in options
    all_page = client.get("/deal-check/edu-all").get_data(as_text=True)
    for deal_id, label in (("D9", "2팀 1파트"), ("D2", "1팀 2파트"), ("D1", "1팀 1파트")):
        row = all_page[all_page.index(f'data-deal-id="{deal_id}"'):]
        assert f"<td>{label}</td>" in row[:row.index("</tr>")]


@pytest.mark.parametrize("query, status, message", [
    ("owner=박민수", 400, "Unknown owner for this menu: 박민수"),
    ("prob=maybe", 400, "Unknown probability: maybe"),
    ("status=open", 400, "Unknown status: open"),
    ("part=online", 400, "Unknown part for edu1: online"),
])
def test_bad_filters(client, query, status, message):
    response = client.get(f"/api/deal-check/edu1?{query}")
    assert response.status_code == status and response.get_json() == {"error": message}


def test_page_bad_filter_and_format(client):
    page = client.get("/deal-check/edu1?owner=박민수")
    assert page.status_code == 400 and "이 메뉴의 구성원이 아닙니다: 박민수" in page.get_data(as_text=True)
    assert client.get("/deal-check/edu1?format=xlsx").status_code == 400
    assert client.get("/deal-check/edu1?format=csv&section=X").status_code == 400


def test_htmx_filter_pushes_canonical_url(client):
    response = client.get("/deal-check/edu1?status=&status=won&status=lost&owner=&prob=",
                          headers={**HX, "HX-Target": "dealcheck-result"})
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in text and text.lstrip().startswith('<div id="dealcheck-result">')
    assert response.headers["HX-Push-Url"] == "/deal-check/edu1?status=won&status=lost"
    everything = client.get("/deal-check/edu1?status=&status=sql&status=won&status=lost",
                            headers={**HX, "HX-Target": "dealcheck-result"})
    assert everything.headers["HX-Push-Url"] == "/deal-check/edu1"
    main = client.get("/deal-check/edu1", headers=HX).get_data(as_text=True)
    assert "<html" not in main and "<h1>교육 1팀 딜체크</h1>" in main


def test_csv(client):
    response = client.get("/deal-check/edu1?format=csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    data = response.get_data()
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["섹션", "티어", "기업명"] and len(rows) == 8
    assert rows[1][0] == "리텐션 고객 - S0/P0/P1/P2 - 비온라인" and rows[1][1] == "P1"
    section = list(csv.reader(io.StringIO(
        client.get("/deal-check/edu1?format=csv&section=N_ONLINE").get_data().decode("utf-8-sig"))))
    assert section[0][0] == "기업명" and len(section) == 2 and section[1][0] == "델타랩"
    filtered = list(csv.reader(io.StringIO(
        client.get("/deal-check/edu1?owner=김철수&format=csv").get_data().decode("utf-8-sig"))))
    assert len(filtered) == 3


def test_memo_modal(client):
    fragment = client.get("/deals/D12/memos/modal", headers=HX).get_data(as_text=True)
    assert "<html" not in fragment and "딜 메모" in fragment
    first, second = fragment.index("260126"), fragment.index("260121")
    assert first < second
    assert "<p>견적 <b>송부</b></p>" in fragment and "<script>x</script>" not in fragment
    assert "1차 미팅\n예산 확인\n다음 주 회신" in fragment
    page = client.get("/deals/D12/memos/modal")
    assert "<html" in page.get_data(as_text=True)
    assert "메모가 없습니다." in client.get("/deals/D1/memos/modal", headers=HX).get_data(as_text=True)
    for missing in ("D10", "nope"):  # Convert deals count as unknown
        response = client.get(f"/deals/{missing}/memos/modal")
        assert response.status_code == 404 and "해당 딜을 찾을 수 없습니다." in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def holiday_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("holiday")
    return write_db(folder / "holiday.db", HOLIDAY_DEALS), write_roster(folder / "roster.toml")


@pytest.mark.parametrize("holidays, expected", [("KR", ["H2", "H5", "H1", "H3", "H4"]), ("none", ["H5", "H3"])])
def test_holiday_inside_the_window(make_app, holiday_db, holidays, expected):
    db, roster = holiday_db
    client = make_app(DB_PATH=str(db), ROSTER_PATH=str(roster), TODAY="2026-02-20", HOLIDAYS=holidays).test_client()
    assert ids(client.get("/api/deal-check/edu1")) == expected
    sections = {i["dealId"]: i["section"] for i in client.get("/api/deal-check/edu1").get_json()["items"]}
    if holidays == "KR":
        assert sections == {"H2": "R_HIGH_OFFLINE", "H5": "R_HIGH_OFFLINE", "H1": "N_OFFLINE", "H3": "N_ONLINE",
                            "H4": "N_OFFLINE"}


def test_exclusions_load_on_demand(client):
    page = client.get("/deal-check/edu1").get_data(as_text=True)
    assert "Won 집계 제외 3건" in page and 'hx-get="/deal-check/edu1/exclusions"' in page
    assert "계약 체결일 없음/오류" not in page  # the list is not in the page itself
    table = client.get("/deal-check/edu1/exclusions", headers=HX).get_data(as_text=True)
    assert "<html" not in table
    rows = [table.index(x) for x in ("델타랩", "베타물산", "알파상사")]
    assert rows == sorted(rows) and "미정" in table and table.count("계약 체결일 없음/오류") == 2
    filtered = client.get("/deal-check/edu1/part2/exclusions?prob=확정").get_data(as_text=True)
    assert "<html" in filtered and "Won 집계 제외 1건" in filtered and "알파상사" in filtered
    assert client.get("/deal-check/edu3/exclusions").status_code == 404
