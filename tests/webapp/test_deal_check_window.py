"""Deal-check window edges, roster edits and the synthetic window deals (20 §3.4; 11 §8.8)."""
import pytest

from snapshot.synth import EDGE_IDS
from tests.webapp.dealcheck_fixture import A1, deal, write_db, write_roster


@pytest.fixture(scope="module")
def edges(tmp_path_factory):
    folder = tmp_path_factory.mktemp("edges")
    deals = [  # today = Mon 2026-02-02: window 2026-01-19 … 2026-02-02
        deal("today", "P1", "O1", "Won", A1, created="2026-01-10", amount="1", contract="2026-02-02"),
        deal("tenth", "P1", "O1", "Lost", A1, created="2026-01-10", lost="2026-01-19"),
        deal("eleventh", "P1", "O1", "Lost", A1, created="2026-01-10", lost="2026-01-16"),
        deal("weekend", "P1", "O1", "Won", A1, created="2026-01-10", amount="1", contract="2026-01-24T15:00:00.000Z"),
        deal("future", "P1", "O1", "Won", A1, created="2026-01-10", amount="1", contract="2026-02-03"),
        deal("fallback", "P1", "O1", "Won", A1, created="2026-01-10", contract="미정", close="2026-01-30"),
        deal("outside", "P1", "O1", "Won", A1, created="2026-01-10", contract="2026-01-16", close="2026-01-30"),
        deal("other", "P1", "O1", "won", A1, created="2026-01-10", contract="2026-01-30"),
        deal("kim", "P3", "O3", "SQL", ["김철수"], created="2026-01-11"),
    ]
    return write_db(folder / "edges.db", deals), folder


def ids(client, url):
    return [i["dealId"] for i in client.get(url).get_json()["items"]]


def test_window_edges(make_app, edges):
    db, folder = edges
    client = make_app(DB_PATH=str(db), ROSTER_PATH=str(write_roster(folder / "r.toml")), TODAY="2026-02-02") \
        .test_client()
    shown = set(ids(client, "/api/deal-check/edu1"))
    assert {"today", "tenth", "weekend", "fallback", "kim"} == shown


def test_roster_edit_is_picked_up_without_restart(make_app, edges):
    db, folder = edges
    roster = write_roster(folder / "editable.toml")
    client = make_app(DB_PATH=str(db), ROSTER_PATH=str(roster), TODAY="2026-02-02").test_client()
    assert "kim" in ids(client, "/api/deal-check/edu1") and ids(client, "/api/deal-check/edu2") == []
    text = roster.read_text(encoding="utf-8")
    roster.write_text(text.replace('"1파트" = ["홍길동", "김철수"]', '"1파트" = ["홍길동"]')
                      .replace('"1파트" = ["박민수"]', '"1파트" = ["박민수", "김철수"]'), encoding="utf-8")
    assert "kim" not in ids(client, "/api/deal-check/edu1") and ids(client, "/api/deal-check/edu2") == ["kim"]


def test_broken_roster_is_a_clear_503(make_app, edges, tmp_path):
    db, _ = edges
    broken = tmp_path / "broken.toml"
    broken.write_text("[[teams]]\nkey = 3\n", encoding="utf-8")
    response = make_app(DB_PATH=str(db), ROSTER_PATH=str(broken)).test_client().get("/api/deal-check/edu1")
    assert response.status_code == 503 and "roster" in response.get_json()["error"]
    missing = make_app(DB_PATH=str(db), ROSTER_PATH=str(tmp_path / "none.toml")).test_client().get("/deal-check/edu1")
    assert missing.status_code == 503 and "file not found" in missing.get_data(as_text=True)


def test_synthetic_window_deals(client):
    """11 §8.8: W1–W6 are inside the window at T, W7 just outside; every roster unit has a deal."""
    all_items = {i["dealId"]: i for i in client.get("/api/deal-check/edu-all").get_json()["items"]}
    for key in ("W1", "W2", "W3", "W4", "W6", "W8"):
        assert EDGE_IDS[key] in all_items, key
    assert EDGE_IDS["W7"] not in all_items and EDGE_IDS["E32"] not in all_items
    assert all_items[EDGE_IDS["W1"]]["isRetention"] and all_items[EDGE_IDS["W1"]]["tier"] == "P1"
    assert not all_items[EDGE_IDS["W2"]]["isRetention"] and all_items[EDGE_IDS["W2"]]["section"] == "N_ONLINE"
    public = [i["dealId"] for i in client.get("/api/deal-check/public").get_json()["items"]]
    assert EDGE_IDS["W5"] in public
    online = [i["dealId"] for i in client.get("/api/deal-check/edu2?part=online").get_json()["items"]]
    assert EDGE_IDS["W6"] in online
    suffix = client.get("/api/deal-check/edu2?part=part2").get_json()["items"]
    assert any(i["dealId"] == EDGE_IDS["W4"] and i["owners"] == ["윤도하B"] for i in suffix)
    xss = client.get("/deal-check/edu1").get_data(as_text=True)
    assert "<img src=x onerror" not in xss and "&lt;img src=x onerror=alert(1)&gt;" in xss
