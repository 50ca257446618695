"""23_kpi_report.md §9 storage rules of static/kpi_report.js in Chromium: key and value formats (Example 5),
the legacy array, an unparseable value, and the ALL-mode union with its reason merge (Example 6)."""
import pytest

from tests.conftest import REPO

PAYLOAD = {"years": [2024, 2025], "dataGeneratedAt": "2026-01-18T18:04:12.345678Z"}


@pytest.fixture(scope="module")
def js(browser):
    page = browser.new_page()
    page.goto("about:blank")
    page.add_script_tag(path=str(REPO / "static" / "kpi_report.js"))
    yield lambda expr, arg=None: page.evaluate(expr, arg)
    page.close()


def test_key_and_value_of_example_5(js):
    assert js("p => window.kpiReport.storageKey(p, '직원가')", PAYLOAD) == \
        "kpi_review::2024_2025::2026-01-18T18:04:12.345678Z::excludedDealIds::직원가"
    assert js("() => window.kpiReport.serialiseStored(['d13'], {d13: '중복 딜'})") == \
        '{"excludedDealIds":["d13"],"reasons":{"d13":"중복 딜"}}'
    assert js("() => window.kpiReport.serialiseStored(['d5', 'd13', 'd5', '가', 'Z'], {})") == \
        '{"excludedDealIds":["Z","d13","d5","가"],"reasons":{"Z":"","d13":"","d5":"","가":""}}'


def test_parse_stored_values(js):
    parse = "t => window.kpiReport.parseStored(t)"
    assert js(parse, '{"excludedDealIds":["d13"],"reasons":{"d13":"중복 딜"}}') == \
        {"ids": ["d13"], "reasons": {"d13": "중복 딜"}, "warning": None}
    assert js(parse, '["d1","d2"]') == {"ids": ["d1", "d2"], "reasons": {}, "warning": None}
    assert js(parse, None) == {"ids": [], "reasons": {}, "warning": None}
    for bad in ("{not json", '{"excludedDealIds": 3}', "42", "null"):
        result = js(parse, bad)
        assert result["ids"] == [] and result["warning"], bad


def test_all_mode_union_and_reason_merge(js):
    result = js("""() => {
      const k = window.kpiReport;
      return k.unionStored([k.parseStored('{"excludedDealIds":["d13","x"],"reasons":{"d13":"중복 딜","x":""}}'),
                            k.parseStored('{"excludedDealIds":["e2","x"],"reasons":{"e2":"","x":"둘째 사유"}}')]);
    }""")
    assert result == {"ids": ["d13", "e2", "x"], "reasons": {"d13": "중복 딜", "e2": "", "x": "둘째 사유"}}
