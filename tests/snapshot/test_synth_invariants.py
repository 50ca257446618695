"""Invariants of the synthetic snapshot and dataset (11_data_model.md §8.9, 10_salesmap_api.md §B.3)."""
import json
import re


from domain.dates import kst_date
from domain.lanes import BU, HRD, infer_lane
from domain.owners import normalise_owner_name
from domain.roster import parse_roster
from snapshot.format import COLUMNS, DATA_TABLES, INDEXES, LATE_DEAL_KEYS
from snapshot.synth import EDGE_IDS, ROSTER_TOML
from snapshot.synth import vocab
from snapshot.synth.clock import as_of, iso_ms
from snapshot.synth.ids import id_kind
from snapshot.synth.writer import existing_orgs_text
from tests.conftest import REPO, TODAY

A = iso_ms(as_of(TODAY))
EDGE = set(EDGE_IDS.values())


def table(conn, name):
    return [dict(r) for r in conn.execute(f'SELECT * FROM "{name}"')]


def test_schema(synth_conn):
    names = sorted(r[0] for r in synth_conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    assert names == sorted([*DATA_TABLES, "manifest", "run_info", "sqlite_stat1"])
    for name in DATA_TABLES:
        info = synth_conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        assert tuple(r[1] for r in info) == COLUMNS[name], name
        assert {r[2] for r in info} == {"TEXT"}, name
        kinds = {r[0] for col in COLUMNS[name]
                 for r in synth_conn.execute(f'SELECT DISTINCT typeof("{col}") FROM "{name}"')}
        assert kinds <= {"text", "null"}, name
    assert [c[1] for c in synth_conn.execute('PRAGMA table_info("deal")')][-2:] == list(LATE_DEAL_KEYS)
    indexes = {r[0] for r in synth_conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert indexes == {name for name, _, _ in INDEXES}
    assert synth_conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert synth_conn.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert synth_conn.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_manifest_and_run_info(synth_conn):
    for row in synth_conn.execute("SELECT * FROM manifest"):
        assert row["row_count"] == synth_conn.execute(f'SELECT COUNT(*) FROM "{row["table"]}"').fetchone()[0]
        assert row["column_count"] == len(COLUMNS[row["table"]]) and row["errors"] == ""
    info = dict(synth_conn.execute("SELECT * FROM run_info").fetchone())
    assert info == {"run_tag": "20260118_180000", "captured_at_utc": "2026-01-18T18:00:00.000000Z",
                    "base_url": "https://salesmap.kr/api/v2",
                    "endpoints": '["/organization", "/people", "/deal", "/lead", "/memo", "/user", "/team"]',
                    "note": "synthetic seed=20260119 scale=0.02 today=2026-01-19", "checkpoint_path": None,
                    "final_db_path": "salesmap_latest.db"}


JSON_COLUMNS = {"담당자", "팀", "성사 가능성", "이탈 사유", "제출된 웹폼 목록", "최근 제출된 웹폼", "최근 노트 작성자",
                "파이프라인", "파이프라인 단계", "종료된 파이프라인 단계", "팔로워", "참여자", "딜 목록", "teammateList",
                "contents"}
PLAIN_TEXT_OK = {"담당자", "성사 가능성"}  # messy and edge spellings (11 §3)
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
NUMBER_COLUMNS = {"금액", "예상 체결액", "Net(%)", "딜 개수", "성사된 딜 개수", "총 매출", "강사료1", "월 구독 금액",
                  "종료까지 걸린 시간", "전체 TODO", "직원수"}
STRING_AMOUNTS = {"1,000", "2,500,000원", "1.5억"}


def test_cell_shapes(synth_conn):
    for name in DATA_TABLES:
        for rec in table(synth_conn, name):
            for col, value in rec.items():
                if value is None:
                    continue
                if col in JSON_COLUMNS:
                    try:
                        assert json.dumps(json.loads(value), ensure_ascii=False) == value, (name, col, value)
                    except ValueError:
                        assert col in PLAIN_TEXT_OK, (name, col, value)
                elif col in NUMBER_COLUMNS and name != "webform_history":
                    assert NUMBER.match(value) or value in STRING_AMOUNTS, (name, col, value)
                elif col in ("수신 거부 여부", "마케팅 수신 동의", "현재 진행중인 시퀀스 여부", "(온라인)최초 입과 여부"):
                    assert value in ("1", "0"), (name, col, value)


def test_ids_and_eras(synth_dataset):
    for name in ("organization", "people", "deal", "lead", "memo"):
        records = getattr(synth_dataset, name)
        ids = [r["id"] for r in records]
        assert len(ids) == len(set(ids)), name
        created_key = "createdAt" if name == "memo" else "생성 날짜"
        for r in records:
            if name != "memo":
                assert r["RecordId"] == r["id"]
            if r["id"] in EDGE:
                assert id_kind(r["id"]) == "uuid4"
                continue
            created, kind = r[created_key], id_kind(r["id"])
            if created < "2023-11-02":
                assert kind == "objectid", (name, created, r["id"])
            else:
                assert kind in ("uuid4", "uuid7"), (name, created, r["id"])


def test_referential_integrity(synth_dataset):
    ds = synth_dataset
    org_ids = {o["id"] for o in ds.organization}
    people = {p["id"]: p for p in ds.people}
    deals = {d["id"]: d for d in ds.deal}
    users = {u["id"]: u["name"] for u in ds.user}
    forms = {f["id"] for f in ds.web_forms}
    dangling = [d["id"] for d in ds.deal if d["peopleId"] and d["peopleId"] not in people]
    assert dangling == [EDGE_IDS["E29"]]
    assert all(d["organizationId"] in org_ids for d in ds.deal if d["organizationId"])
    assert all(p["organizationId"] in org_ids for p in ds.people if p["organizationId"])
    for p in ds.people:
        for f in p["제출된 웹폼 목록"] or []:
            assert f["id"] in forms or f["id"] == EDGE_IDS["WF_GONE"]
    for m in ds.memo:
        assert m["ownerId"] in users
        if m["dealId"]:
            deal = deals[m["dealId"]]
            assert (m["peopleId"], m["organizationId"]) == (deal["peopleId"], deal["organizationId"])
        assert m["createdAt"] <= m["updatedAt"] <= A
    for rec in ds.organization + ds.people + ds.deal:
        owner = rec["담당자"]
        for item in owner if isinstance(owner, list) else [owner] if isinstance(owner, dict) else []:
            if item:
                assert users[item["id"]] == item["name"]
        if isinstance(owner, str):
            assert owner in users.values()


def test_time_bounds(synth_dataset):
    for name in ("organization", "people", "deal", "lead"):
        for r in getattr(synth_dataset, name):
            assert "2023-08-09T00:00:00.000Z" <= r["생성 날짜"] <= r["수정 날짜"] <= A, (name, r["id"])
    for d in synth_dataset.deal:
        start, end = kst_date(d["수강시작일"]), kst_date(d["수강종료일"])
        if start and end:
            assert start <= end
        if d["마감일"]:
            assert d["생성 날짜"] <= d["마감일"] <= A
    for subs in synth_dataset.submissions.values():
        assert [s["createdAt"] for s in subs] == sorted(s["createdAt"] for s in subs)


def test_vocabularies_and_status_probability(synth_dataset):
    formats = {f for f, _ in vocab.FORMATS} | set(vocab.SPACED_ONLINE.values())
    sizes = {s for s, _ in vocab.SIZES_WITH_DEALS}
    for d in synth_dataset.deal:
        assert d["상태"] in ("Won", "Lost", "SQL", "Convert", " Won ", "LOST")
        assert d["과정포맷"] in formats
        prob = d["성사 가능성"]
        allowed = {"Won": [["확정"], None, "확정"], "Lost": [["LOST"], ["낮음"], None, "LOST", "낮음"],
                   "Convert": [None]}.get(d["상태"].strip())
        if allowed is not None and d["id"] not in EDGE:
            assert prob in allowed, (d["상태"], prob)
    for o in synth_dataset.organization:
        assert o["기업 규모"] in sizes
        if o["업종 구분(대)"] is not None:
            assert o["업종 구분(중)"] in vocab.INDUSTRY_CLASSES[o["업종 구분(대)"]]
    uppers = set(vocab.UPPER_HRD) | set(vocab.UPPER_BU) | {v for v, _ in vocab.UPPER_PLACEHOLDERS} | {""}
    assert {p["소속 상위 조직"] for p in synth_dataset.people} - {None} <= uppers


def test_late_keys_and_key_order(synth_dataset):
    deals = synth_dataset.deal
    cut = max(50, -(-len(deals) // 2))
    for i, d in enumerate(deals):
        expected = COLUMNS["deal"] if i >= cut else COLUMNS["deal"][:-2]
        assert tuple(d) == expected
    for name in ("organization", "people", "lead", "memo", "user", "team"):
        assert all(tuple(r) == COLUMNS[name] for r in getattr(synth_dataset, name)), name
    for subs in synth_dataset.submissions.values():
        assert all(tuple(s) == COLUMNS["webform_history"][:-1] for s in subs)


def test_privacy(synth_dataset):
    phone = re.compile(r"^(010-0\d{3}-\d{4}|0100\d{7}|02-0\d{3}-\d{4})$")
    in_text = re.compile(r"(?<!\d)01[0-9][ .-]?(\d{3,4})[ .-]?\d{4}(?!\d)")
    for rec in synth_dataset.organization + synth_dataset.people:
        assert rec["전화"] in (None, "") or phone.match(rec["전화"]), rec["전화"]
        assert rec["이메일"] in (None, "") or rec["이메일"].endswith("example.com")
    for memo in synth_dataset.memo:
        for m in in_text.finditer(memo["text"] or ""):
            assert m.group(1).startswith("0"), m.group(0)
        for address in re.findall(r"[\w.]+@[\w.-]+", memo["text"] or ""):
            assert address.endswith("example.com"), address


def test_roster_file_matches_and_names_users(synth_dataset):
    assert (REPO / "config" / "roster.example.toml").read_text(encoding="utf-8") == ROSTER_TOML
    roster = parse_roster(ROSTER_TOML)
    assert [t.key for t in roster.teams] == ["edu1", "edu2", "public"]
    users = [u["name"] for u in synth_dataset.user]
    for team in roster.teams:
        for name in team.members:
            assert sum(normalise_owner_name(u) == name for u in users) == 1, name
    outside = [u for u in users if roster.unit_of(u) is None]
    assert len(outside) == 19 and "DemoUserA" in outside and "나은별" in outside


def test_existing_orgs_list(synth_dataset):
    text = existing_orgs_text(synth_dataset)
    lines = text.splitlines()
    assert lines[0] == "# Synthetic existing customers: canonical Won revenue in 2024"
    assert "(주)라온하늘전자" in lines and "라온하늘전자" not in lines
    assert lines[1:] == sorted(set(lines[1:]))
    assert text.endswith("\n")


def test_generator_upper_org_lists_classify_as_their_lane():
    """11 §5.7: the generator's HRD-like list is HRD and its BU-like list is BU under the lane rule."""
    assert all(infer_lane(v) == HRD for v in vocab.UPPER_HRD)
    assert all(infer_lane(v) == BU for v in vocab.UPPER_BU)
