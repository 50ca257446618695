"""Tests of the fake Salesmap API itself (10_salesmap_api.md §B.13)."""
import time

import pytest
import requests

from tests.fake_salesmap import FakeSalesmap, bodies

AUTH = {"Authorization": "Bearer test-token"}


def get(fake, path, headers=AUTH, **params):
    return requests.get(fake.base_url.replace("/api/v2", "") + path, headers=headers, params=params or None, timeout=5)


def test_exact_error_bodies(fake_salesmap):
    for path in ("/api/v2/nope", "/api/v3/deal", "/api/v2/deal/"):
        response = get(fake_salesmap, path)
        assert response.status_code == 404 and response.text == bodies.NOT_FOUND_HTML
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert get(fake_salesmap, "/api/v2/deal", headers={}).content == bodies.dumps(bodies.MISSING_HEADER)
    bad = get(fake_salesmap, "/api/v2/deal", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.content == bodies.dumps(bodies.BAD_TOKEN)
    form = get(fake_salesmap, "/api/v2/webForm/no-such-form/submit")
    assert form.status_code == 400 and form.content == bodies.dumps(bodies.UNKNOWN_FORM)
    assert get(fake_salesmap, "/api/v2/deal", pipelineName="x").json()["reason"] == "pipelineStageName을 입력해주세요"
    me = get(fake_salesmap, "/v2/user/me").json()
    assert me["success"] is True and "room" in me["data"]["user"]


def test_limiter_and_shared_workspace(api_dataset_small):
    with FakeSalesmap(api_dataset_small, tokens={"a": "ws", "b": "ws"}, rate_limit=(5, 1.0)) as fake:
        for i in range(5):
            assert get(fake, "/api/v2/user", headers={"Authorization": f"Bearer {'ab'[i % 2]}"}).status_code == 200
        limited = get(fake, "/api/v2/user", headers={"Authorization": "Bearer b"})
        assert limited.status_code == 429 and "Retry-After" not in limited.headers
        seconds = int(limited.json()["reason"].split("초")[0])
        assert 1 <= seconds <= 1
        time.sleep(seconds)
        assert get(fake, "/api/v2/user", headers={"Authorization": "Bearer a"}).status_code == 200


def follow(fake, ep, key):
    records, cursor, last = [], None, None
    for _ in range(1000):
        response = get(fake, f"/api/v2/{ep}", **({"cursor": cursor} if cursor else {}))
        data = response.json()["data"]
        records += data[key]
        last = data
        cursor = data.get("nextCursor")
        if not cursor:
            return records, last
    raise AssertionError("no end")


@pytest.mark.parametrize("style", ["null", "omit", "empty_page"])
@pytest.mark.parametrize("size", [7, 50, 233])
def test_end_styles_return_every_record_once(api_dataset_small, style, size):
    with FakeSalesmap(api_dataset_small, page_sizes={"*": size}, end_styles={"deal": style},
                      rate_limit=None) as fake:
        records, last = follow(fake, "deal", "dealList")
        assert [r["id"] for r in records] == [r["id"] for r in api_dataset_small.deal]
        if style == "omit":
            assert "nextCursor" not in last
        else:
            assert last["nextCursor"] is None
        if style == "empty_page":
            assert last["dealList"] == []


def test_short_pages_and_deleted_cursor(api_dataset_small):
    with FakeSalesmap(api_dataset_small, page_sizes={"*": 10}, short_pages={"people": {2: 3}}, rate_limit=None) as fake:
        first = get(fake, "/api/v2/people").json()["data"]
        second = get(fake, "/api/v2/people", cursor=first["nextCursor"]).json()["data"]
        assert len(second["peopleList"]) == 3 and second["nextCursor"]
        fake.delete("people", second["nextCursor"])
        third = get(fake, "/api/v2/people", cursor=second["nextCursor"])
        assert third.status_code == 200 and len(third.json()["data"]["peopleList"]) == 10
        unknown = get(fake, "/api/v2/people", cursor="nope")
        assert unknown.status_code == 400 and unknown.content == bodies.dumps(bodies.BAD_CURSOR)


def test_faults_fire_exactly_times(fake_salesmap):
    fake_salesmap.fail("user", status=500, times=2)
    statuses = [get(fake_salesmap, "/api/v2/user").status_code for _ in range(3)]
    assert statuses == [500, 500, 200]
    fake_salesmap.non_json("team", times=1)
    assert get(fake_salesmap, "/api/v2/team").headers["Content-Type"].startswith("text/html")
    assert get(fake_salesmap, "/api/v2/team").json()["success"] is True
    fake_salesmap.drop("user", how="close")
    with pytest.raises(requests.ConnectionError):
        get(fake_salesmap, "/api/v2/user")
    assert get(fake_salesmap, "/api/v2/user").status_code == 200


def test_after_page_and_late_keys(api_dataset_small):
    with FakeSalesmap(api_dataset_small, page_sizes={"*": 20}, rate_limit=None) as fake:
        fake.late_keys("organization", ["이름"], from_page=2)
        marker = api_dataset_small.organization[-1]["id"]
        fake.after_page("organization", 1, lambda f: f.update("organization", marker, set={"이름": "변경됨"}))
        records, _ = follow(fake, "organization", "organizationList")
        assert all("이름" not in r for r in records[:20]) and all("이름" in r for r in records[20:])
        assert records[-1]["이름"] == "변경됨"
