"""23_kpi_report.md §11: the page's computation (static/kpi_report.js, in Debian's Chromium) equals the Python
reference (kpi_report/metrics.py) on the worked example, on the synthetic snapshot for every unit and person
with random exclusions, and on hypothesis-generated small payloads (half boundaries, 1/16, negatives)."""
import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.orgs import parse_existing_orgs
from domain.roster import parse_roster
from kpi_report import metrics, queries
from kpi_report.payload import Sources, build_payload
from snapshot.synth import ROSTER_TOML
from snapshot.synth.writer import existing_orgs_text
from tests.conftest import REPO
from tests.kpi_report.example import write_example
from tests.kpi_report.test_payload import payload_for

QUALITY = list(metrics.QUALITY_ROWS)
JS_ALL = """([payload, people, excluded, years, quality]) => {
  const k = window.kpiReport, out = {summary: k.kpiSummary(payload, people, excluded),
    charts: k.chartLabels(payload, people, excluded), formats: {}, lists: {}, excludedList: k.excludedList(payload, people, excluded), quality: {}};
  for (const y of years) {
    out.formats[y] = k.formatAnalysis(payload, people, excluded, y);
    out.lists[y] = k.dealList(payload, people, y);
    for (const row of quality) for (const seg of ["all", "online", "offline"])
      out.quality[`${row}|${y}|${seg}`] = k.qualityList(payload, people, excluded, row, y, seg);
  }
  return out;
}"""


def python_all(payload, people, excluded):
    years = payload["years"]
    return {
        "summary": {"|".join(key): text for key, text in metrics.kpi_summary(payload, people, excluded).items()},
        "charts": {"|".join(key): text for key, text in metrics.chart_labels(payload, people, excluded).items()},
        "formats": {str(y): [[k, cells] for k, cells in metrics.format_analysis(payload, people, excluded, y)]
                    for y in years},
        "lists": {str(y): [list(ids) for ids in metrics.deal_list(payload, people, y)] for y in years},
        "excludedList": metrics.excluded_list(payload, people, excluded),
        "quality": {f"{row}|{y}|{seg}": metrics.quality_list(payload, people, excluded, row, y, seg)
                    for y in years for row in QUALITY for seg in ("all", "online", "offline")},
    }


@pytest.fixture(scope="module")
def js_page(browser):
    page = browser.new_page()
    page.goto("about:blank")
    page.add_script_tag(path=str(REPO / "static" / "kpi_report.js"))
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert errors == []
    page.close()


def js_all(page, payload, people, excluded):
    return page.evaluate(JS_ALL, [payload, people, excluded, payload["years"], QUALITY])


def selections(payload):
    for team in payload["roster"]:
        for unit in team["units"]:
            yield unit["people"]
            for person in unit["people"]:
                yield [person]


def test_worked_example_parity(js_page, tmp_path):
    payload, _ = payload_for(write_example(tmp_path), teams=("edu1", "edu2", "public"))
    for people in selections(payload):
        for excluded in ([], ["d13"], ["d4"], ["d13", "e2"], ["d1", "d3", "zz"]):
            assert js_all(js_page, payload, people, excluded) == python_all(payload, people, excluded), (people, excluded)


def test_synthetic_snapshot_parity(js_page, synth_db, synth_dataset):
    conn = sqlite3.connect(f"file:{synth_db}?mode=ro", uri=True)
    cols = queries.detect(conn)
    src = Sources(queries.deal_rows(conn, cols), queries.person_orgs(conn, cols), queries.org_names(conn, cols))
    keys = parse_existing_orgs(existing_orgs_text(synth_dataset))
    payload, _ = build_payload(src, roster=parse_roster(ROSTER_TOML), teams=("edu1", "edu2", "public"),
                               years=[2024, 2025], existing=frozenset(keys), existing_count=len(keys),
                               net_column=cols.net_column, net_candidates=None, db_name="x.db",
                               generated_at="2026-01-19T00:00:00+00:00", data_generated_at="x", data_source="run_info")
    rng = random.Random(7)
    for people in selections(payload):
        mine = [d["id"] for d in payload["deals"] if d["person"] in people]
        excluded = rng.sample(mine, k=min(len(mine), rng.randint(0, 5)))
        assert js_all(js_page, payload, people, excluded) == python_all(payload, people, excluded), people


AMOUNTS = st.one_of(st.none(), st.sampled_from([0, 12_500_000, 12_499_999, 500_000, 1_500_000, -5_000_000,
                                                123_456_789_012]), st.integers(-10**9, 10**11))
NETS = st.one_of(st.none(), st.sampled_from([0, 62_500, 333_333, 500_000, 1_000_000]), st.integers(0, 1_000_000))


@st.composite
def small_payloads(draw):
    n = draw(st.integers(0, 16))
    deals = []
    for i in range(n):
        online = draw(st.booleans())
        has_org = draw(st.integers(0, 4)) > 0
        key = f"n:{draw(st.sampled_from(['알파', '베타', 'gamma']))}" if has_org else None
        status = draw(st.sampled_from(["Won", "Won", "Lost", "SQL", "won", None]))
        exclusion = draw(st.sampled_from([None, None, None, "no_contract_date", "bad_amount"])) if status == "Won" else None
        amount = draw(AMOUNTS)
        if status == "Won" and exclusion is None and amount is None:
            amount = 0
        deals.append({
            "id": f"x{i}", "person": draw(st.sampled_from(["가", "나"])), "orgName": "조직 미지정" if key is None else key[2:],
            "customerKey": key, "isExisting": key is not None and draw(st.booleans()), "status": status,
            "leadYear": draw(st.sampled_from([2024, 2025, None])), "contractYear": draw(st.sampled_from([2024, 2025, None])),
            "createdDate": draw(st.sampled_from([None, "2024-01-01", "2025-06-30"])), "amount": amount,
            "wonExclusion": exclusion, "format": draw(st.sampled_from(["구독제(온라인)", "포팅"])) if online
            else draw(st.sampled_from(["출강", None, "집합"])), "isOnline": online,
            "monthlyExcluded": online and draw(st.booleans()), "netPpm": draw(NETS)})
    return {"years": [2024, 2025], "compareYears": [2024, 2025], "deals": deals}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=small_payloads(), people=st.sampled_from([["가"], ["나"], ["가", "나"]]),
       excluded=st.lists(st.sampled_from([f"x{i}" for i in range(16)]), max_size=4))
def test_property_parity(js_page, payload, people, excluded):
    assert js_all(js_page, payload, people, excluded) == python_all(payload, people, excluded)


def test_row_cells_parity(js_page, tmp_path):
    """kpiReport.dealCells / qualityCells equal metrics.deal_cells / quality_cells for every deal of the example."""
    payload, _ = payload_for(write_example(tmp_path), teams=("edu1", "edu2", "public"))
    merged = sorted(metrics.merged_keys(payload))
    js = js_page.evaluate("""([payload, merged]) => payload.deals.map(d => window.kpiReport.dealCells(d, merged))""",
                          [payload, merged])
    assert js == [metrics.deal_cells(d, frozenset(merged)) for d in payload["deals"]]
    listed = {x["dealId"] for x in payload["wonExclusions"]}
    cases = [(d, row) for d in payload["deals"] for row in ("qMissingContractDate", "qMissingNet") if d["id"] in listed]
    js = js_page.evaluate("""([payload, cases]) => cases.map(([d, row]) => window.kpiReport.qualityCells(payload, d, row))""",
                          [payload, cases])
    assert js == [metrics.quality_cells(payload, d, row) for d, row in cases]


RAW_CONTRACT_DATES = [None, "", " ", "-", " \u2013 ", "\u2014", "\xa0-\xa0", "\x1c", "\x85", "\ufeff",
                      " 2025-02-30 ", "\u30002025-02-30\u3000", "\ufeff2025-13-01", "\x1f2025-02-30\x85", "-- "]


def test_quality_cells_read_raw_dates_like_python(js_page, tmp_path):
    """The page's one raw-text rule (blank, then strip, of an exclusion's contractDateRaw) equals
    domain.text.is_blank and str.strip for whitespace on which JS trim() differs."""
    payload, _ = payload_for(write_example(tmp_path), teams=("edu1", "edu2", "public"))
    d5 = next(d for d in payload["deals"] if d["id"] == "d5")
    item = next(x for x in payload["wonExclusions"] if x["dealId"] == "d5")
    cases = [{**payload, "wonExclusions": [{**item, "contractDateRaw": raw}]} for raw in RAW_CONTRACT_DATES]
    js = js_page.evaluate("""([cases, deal]) => cases.map(p => window.kpiReport.qualityCells(p, deal, "qMissingContractDate").contract)""",
                          [cases, d5])
    assert js == [metrics.quality_cells(case, d5, "qMissingContractDate")["contract"] for case in cases]
    assert js[:9] == ["—"] * 9 and js[9] == "무효(\ufeff)" and js[10] == "무효(2025-02-30)"
