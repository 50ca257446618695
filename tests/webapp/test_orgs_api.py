"""The org viewer's JSON API with the worked example of 20 §8.4 (TODAY 2026-02-02)."""
import pytest



@pytest.fixture
def client(orgs_client):
    return orgs_client


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def test_org_list(client):
    body = get(client, "/api/orgs")
    assert body["baseYear"] == 2025 and body["total"] == 4
    assert [(i["id"], i["wonBase"]) for i in body["items"]] == [("OA", 100000000), ("OB", 70000000), ("OE", 5000000),
                                                                ("OC", 0)]
    assert (body["exclusionCount"], body["noOrganizationCount"]) == (1, 1)
    assert body["items"][0] == {"id": "OA", "name": "오메가전자", "size": "대기업", "team": [{"id": "t1", "name": "교육 1팀"}],
                                "owner": {"id": "u1", "name": "홍길동"}, "wonBase": 100000000}
    assert [i["id"] for i in get(client, "/api/orgs?size=대기업")["items"]] == ["OA", "OE"]
    assert [i["id"] for i in get(client, "/api/orgs?search=대학")["items"]] == ["OC"]
    assert get(client, "/api/orgs?search=대학")["exclusionCount"] == 0
    assert [i["id"] for i in get(client, "/api/orgs?search=oa")["items"]] == ["OA"]
    assert get(client, "/api/orgs?search=%25")["items"] == []
    assert [i["id"] for i in get(client, "/api/orgs?limit=2&offset=1")["items"]] == ["OB", "OE"]
    assert get(client, "/api/sizes") == {"sizes": ["대기업", "중견기업"]}
    assert get(client, "/api/orgs/OD")["item"]["name"] == "람다상사"
    assert get(client, "/api/orgs/NOPE", 404) == {"error": "Organization not found"}


@pytest.mark.parametrize("url, message", [
    ("/api/orgs?size=거대기업", "Unknown size: 거대기업"),
    ("/api/orgs?search=" + "가" * 101, "search must be at most 100 characters"),
    ("/api/orgs?limit=0", "limit must be an integer between 1 and 500"),
    ("/api/orgs?limit=501", "limit must be an integer between 1 and 500"),
    ("/api/orgs?offset=-1", "offset must be an integer >= 0"),
    ("/api/orgs/OA/people?hasDeal=maybe", "hasDeal must be true or false"),
    ("/api/orgs/OA/memos?limit=x", "limit must be an integer between 1 and 500"),
    ("/api/orgs/OA/won-groups-json?upper=" + "x" * 201, "upper must be at most 200 characters"),
])
def test_bad_parameters(client, url, message):
    assert get(client, url, 400) == {"error": message}


def test_people_and_deals(client):
    people = get(client, "/api/orgs/OA/people")["items"]
    assert [(p["id"], p["deal_count"]) for p in people] == [("PA1", 5), ("PA2", 1), ("PA3", 0)]
    assert list(people[0]) == ["id", "organizationId", "name", "upper_org", "team_signature", "title_signature",
                               "edu_area", "email", "phone", "deal_count"]
    assert [p["id"] for p in get(client, "/api/orgs/OA/people?hasDeal=false")["items"]] == ["PA3"]
    assert [p["id"] for p in get(client, "/api/orgs/OA/people?hasDeal=TRUE")["items"]] == ["PA1", "PA2"]
    deals = get(client, "/api/people/PA1/deals")["items"]
    assert [x["id"] for x in deals] == ["A-W4", "A-W1", "A-W6", "A-W2", "A-S1"]
    assert (deals[0]["amount"], deals[0]["ownerName"]) == (None, "김철수")
    assert (deals[2]["amount"], deals[2]["contract_date"], deals[2]["ownerName"]) == (
        40000000, "2024-12-31T15:00:00.000Z", "김철수B")
    assert get(client, "/api/people/NOPE/deals", 404) == {"error": "Person not found"}


def test_won_summary(client):
    body = get(client, "/api/orgs/OA/won-summary")
    assert (body["baseYear"], body["years"]) == (2025, [2023, 2024, 2025])
    hr, blank = body["items"]
    assert hr == {"upper_org": "HR본부", "wonByYear": {"2023": 0, "2024": 30000000, "2025": 90000000}, "dealCount": 3,
                  "contacts": ["인재개발팀 / 고객 가 / 팀장 / 리더십"], "owners": ["김철수B", "이영희", "홍길동"],
                  "ownersBase": ["김철수B", "홍길동"]}
    assert blank == {"upper_org": "미입력", "wonByYear": {"2023": 20000000, "2024": 0, "2025": 10000000},
                     "dealCount": 2, "contacts": ["미입력 / 고객 나 / 미입력 / 미입력", "미입력 / 미입력 / 미입력 / 미입력"],
                     "owners": ["미입력", "홍길동"], "ownersBase": ["홍길동"]}
    assert [(e["dealId"], e["reason"], e["amountRaw"]) for e in body["exclusions"]] == [("A-W4", "bad_amount", "abc")]
    assert get(client, "/api/orgs/NOPE/won-summary", 404) == {"error": "Organization not found"}


def test_memos(client):
    org = get(client, "/api/orgs/OA/memos")["items"]
    assert [(x["id"], x["ownerName"]) for x in org] == [("m-org2", "u9"), ("m-org", "홍길동")]
    assert [x["id"] for x in get(client, "/api/people/PA1/memos")["items"]] == ["m-p1c", "m-p1b", "m-p1"]
    assert "010-0000-0000" in get(client, "/api/people/PA1/memos")["items"][0]["text"]
    assert [x["id"] for x in get(client, "/api/deals/A-W1/memos")["items"]] == ["m-dx", "m-d1"]
    assert get(client, "/api/orgs/OA/memos?limit=1")["items"][0]["id"] == "m-org2"
    assert get(client, "/api/deals/A-C1/memos", 404) == {"error": "Deal not found"}


def test_won_groups(client):
    body = get(client, "/api/orgs/OA/won-groups-json")
    assert [(g["upper_org"], g["team"]) for g in body["groups"]] == [("HR본부", "인재개발팀"), ("미입력", "미입력")]
    hr, blank = body["groups"]
    assert [p["id"] for p in hr["people"]] == ["PA1"]
    assert [x["id"] for x in hr["deals"]] == ["A-W4", "A-W1", "A-W6", "A-W2", "A-S1"]
    deals = {x["id"]: x for x in hr["deals"]}
    assert (deals["A-W4"]["owner"], deals["A-W4"]["amount"]) == ("김철수", None)
    assert (deals["A-W6"]["contract_date"], deals["A-W6"]["amount"], deals["A-W6"]["owner"]) == (
        "2025-01-01", 40000000, "김철수B")
    assert deals["A-S1"]["contract_date"] == ""
    assert [p["id"] for p in blank["people"]] == ["PA2"] and blank["people"][0]["team"] == ""
    assert blank["people"][0]["webforms"] == []
    assert [x["id"] for x in blank["deals"]] == ["A-W5", "A-W3"] and blank["deals"][0]["people"] is None
    assert [m["created_at_ts"] for m in body["organization"]["memos"]] == ["2025-01-11T00:00:00.000Z",
                                                                          "2025-01-10T00:00:00.000Z"]
    pa1 = hr["people"][0]
    assert pa1["webforms"] == [{"name": "교육 문의", "date": "2025-03-01"},
                               {"name": "세미나 신청", "date": ["2025-04-02", "2025-05-10"]},
                               {"name": "뉴스레터 구독", "date": "날짜 확인 불가"}, {"name": "숫자 ID 폼", "date": "2025-07-01"}]
    assert pa1["memos"][0]["text"] == "연락처 [phone] 로 회신 요청"
    assert pa1["memos"][1]["cleanText"] == {"고객이름": "고객 가", "고객이메일": "a@example.com", "회사이름": "오메가전자",
                                            "question": "팀장 대상 과정이 필요합니다"}
    assert pa1["memos"][1]["htmlBody"] is None and len(pa1["memos"]) == 2
    assert [m["date"] for m in deals["A-W1"]["memos"]] == ["2025-04-03", "2025-04-02"]
    assert deals["A-W1"]["memos"][1]["htmlBody"] == "<p>계약 <b>완료</b></p>"
    assert [g["upper_org"] for g in get(client, "/api/orgs/OA/won-groups-json?upper=HR본부")["groups"]] == ["HR본부"]
    assert get(client, "/api/orgs/OA/won-groups-json?upper=영업본부")["groups"] == []
    assert get(client, "/api/orgs/NOPE/won-groups-json", 404) == {"error": "Organization not found"}
    assert "wf1" not in str(body) and "webFormId" not in str(body)


def test_swapped_snapshot_is_seen_on_the_next_request(make_app, orgs_paths, tmp_path):
    """The crawler renames a new file over the live one: the next request reads it, no restart (00 §8)."""
    import os
    import shutil
    import sqlite3
    db, roster = orgs_paths
    live = tmp_path / "salesmap_latest.db"
    shutil.copyfile(db, live)
    client = make_app(DB_PATH=str(live), ROSTER_PATH=str(roster), TODAY="2026-02-02").test_client()
    assert get(client, "/api/orgs/OA")["item"]["name"] == "오메가전자"
    assert [p["id"] for p in get(client, "/api/orgs/OA/people")["items"]] == ["PA1", "PA2", "PA3"]
    replacement = tmp_path / "next.db"
    shutil.copyfile(db, replacement)
    conn = sqlite3.connect(replacement)
    conn.execute("UPDATE organization SET \"이름\" = '오메가전자 신규' WHERE id = 'OA'")
    conn.execute("DELETE FROM people WHERE id = 'PA3'")
    conn.commit()
    conn.close()
    os.replace(replacement, live)
    assert get(client, "/api/orgs/OA")["item"]["name"] == "오메가전자 신규"
    assert [p["id"] for p in get(client, "/api/orgs/OA/people")["items"]] == ["PA1", "PA2"]
    assert "오메가전자 신규" in client.get("/orgs?size=전체").get_data(as_text=True)
