"""The built report in Chromium from a file:// URL (23 §11 items 1, 2, 5, 6 and the seed's QA checklist): every
number, row and cell the page shows equals the Python reference (`kpi_report.metrics`) for every team / unit /
person (ALL included), both years of tabs 2 and 3, with and without stored exclusions; clicking, typing and
reloading behave as §7–§9 say; hostile names stay text; no console errors."""
from __future__ import annotations

import json
import random
from datetime import datetime, timezone

import pytest

import kpi_report
from domain.orgs import parse_existing_orgs
from kpi_report import metrics
from snapshot.synth import ROSTER_TOML
from snapshot.synth.writer import existing_orgs_text
from tests.kpi_report.example import write_example
from tests.kpi_report.test_metrics import EXAMPLE_2, example_4_cells, table

NOW = datetime(2026, 1, 19, 0, 10, tzinfo=timezone.utc)
ALL = ""  # the person select's value for `ALL (해당 파트/셀 전체)`

READ_DOM = """() => {
  const out = {summary: {}, charts: {}, formats: [], lists: [], excluded: [], cells: {}, reasons: {}};
  for (const td of document.querySelectorAll("#kpi-table td[data-row]"))
    out.summary[`${td.dataset.row}|${td.dataset.col}|${td.dataset.seg}`] = td.textContent;
  for (const t of document.querySelectorAll("svg[data-chart] text[data-year]"))
    out.charts[`${t.closest("svg").dataset.chart}|${t.dataset.year}|${t.dataset.seg}`] = t.textContent;
  for (const tr of document.querySelectorAll("#format-body tr[data-format]"))
    out.formats.push([tr.dataset.format, Array.from(tr.querySelectorAll("td[data-col]"), td => td.textContent)]);
  for (const id of ["deals-existing", "deals-new", "deals-no-org"]) {
    const t = document.getElementById(id);
    out.lists.push(t ? Array.from(t.querySelectorAll("tr[data-deal-id]"), tr => tr.dataset.dealId) : []);
  }
  for (const tr of document.querySelectorAll("#deals-body tr[data-deal-id]")) {
    const cells = {};
    for (const td of tr.querySelectorAll("td[data-col]")) if (td.dataset.col !== "exclude") cells[td.dataset.col] = td.textContent;
    out.cells[tr.dataset.dealId] = cells;
  }
  for (const tr of document.querySelectorAll("#excluded-table tr[data-deal-id]")) {
    out.excluded.push(tr.dataset.dealId);
    const input = tr.querySelector("input.reason");
    out.reasons[tr.dataset.dealId] = input ? input.value : tr.querySelector("td[data-col=reason]").textContent;
  }
  return out;
}"""


def build(files, folder, teams=("edu1", "edu2", "public")):
    return kpi_report.build(files["db"], roster_path=files["roster"], existing_orgs_path=files["existing"],
                            years=[2024, 2025], teams=teams, now=NOW, out_path=folder / "report.html")


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kpi-page")
    return build(write_example(folder), folder)


def storage_key(payload, person):
    return f"kpi_review::{'_'.join(map(str, payload['years']))}::{payload['dataGeneratedAt']}::excludedDealIds::{person}"


class Report:
    """One browser context (its own localStorage) on the report file; console errors are collected."""

    def __init__(self, browser, result, stored=None, failing_storage=False):
        self.payload, self.url = result.payload, result.out_path.as_uri()
        self.context = browser.new_context()
        self.context.set_default_timeout(5000)
        if stored:
            self.context.add_init_script(
                "for (const [k, v] of Object.entries(%s)) localStorage.setItem(k, v);" % json.dumps(stored))
        if failing_storage:
            self.context.add_init_script(
                "Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };")
        self.page = self.context.new_page()
        self.errors, self.warnings = [], []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda m: (self.errors if m.type == "error" else self.warnings).append(m.text)
                     if m.type in ("error", "warning") else None)
        self.page.goto(self.url)

    def select(self, team: int, unit: int, person: str = ALL):
        self.page.select_option("#team-select", str(team))
        self.page.select_option("#unit-select", str(unit))
        self.page.select_option("#person-select", person)

    def dom(self):
        return self.page.evaluate(READ_DOM)

    def stored(self, person):
        return self.page.evaluate("k => localStorage.getItem(k)", storage_key(self.payload, person))

    def close(self):
        self.context.close()
        assert self.errors == []


@pytest.fixture
def report(browser, example_report):
    opened = []

    def open_report(result=example_report, **kwargs):
        opened.append(Report(browser, result, **kwargs))
        return opened[-1]
    yield open_report
    for r in opened:
        r.close()


READ_YEARS = """years => years.map(year => {
  document.querySelector(`button[data-format-year='${year}']`).click();
  document.querySelector(`button[data-deals-year='${year}']`).click();
  const dom = (%s)();
  dom.ticked = Array.from(document.querySelectorAll("input.exclude-toggle:checked"),
                          x => x.closest("tr").dataset.dealId).sort();
  return dom;
})""" % READ_DOM


def expected_view(payload, people, excluded, year, summary):
    merged = metrics.merged_keys(payload)
    lists = metrics.deal_list(payload, people, year)
    by_id = {d["id"]: d for d in payload["deals"]}
    gone = set(excluded)
    return {
        **summary,
        "formats": [[k, cells] for k, cells in metrics.format_analysis(payload, people, excluded, year)],
        "lists": [list(ids) for ids in lists],
        "excluded": metrics.excluded_list(payload, people, excluded),
        "cells": {i: metrics.deal_cells(by_id[i], merged) for ids in lists for i in ids},
        "ticked": sorted(i for ids in lists for i in ids if i in gone),
    }


def check_view(r, people, excluded):
    """The DOM equals the reference for both years of tabs 2 and 3 (the year buttons are clicked in the page,
    one round trip per selection; the tab-1 cells do not depend on them)."""
    payload = r.payload
    summary = {"summary": {"|".join(k): v for k, v in metrics.kpi_summary(payload, people, excluded).items()},
               "charts": {"|".join(k): v for k, v in metrics.chart_labels(payload, people, excluded).items()}}
    keys = ("summary", "charts", "formats", "lists", "excluded", "cells", "ticked")
    for year, dom in zip(payload["years"], r.page.evaluate(READ_YEARS, payload["years"]), strict=True):
        want = expected_view(payload, people, excluded, year, summary)
        assert {k: dom[k] for k in keys} == {k: want[k] for k in keys}, (people, year)


def test_example_2_dom_and_qa_items(report):
    r = report()
    assert r.page.title() == "2025 성과평가용 개인 KPI 검수 리포트"
    assert r.page.text_content("#roster-filtered-badge") == "Filtered out (outside roster): 1"
    assert r.page.text_content("#data-quality") == \
        "조직 미지정 1건 · 금액 형식 오류 1건 · net% 형식 오류 1건 · 동명 합산 고객사 1곳 · Won 집계 제외 2건"
    assert r.page.text_content("#data-time").endswith("데이터 기준 2026-01-19 03:04 KST (스냅샷 수집 시각)")
    assert r.page.is_hidden("#storage-warning")
    assert r.page.eval_on_selector_all("#team-select option", "os => os.map(o => o.textContent)") == \
        ["기업교육 1팀", "기업교육 2팀", "공공교육팀"]
    assert r.page.eval_on_selector_all("#person-select option", "os => os.map(o => o.textContent)") == \
        ["ALL (해당 파트/셀 전체)", "직원가", "직원나"]
    assert r.page.get_attribute("button[data-tab='kpi']", "aria-selected") == "true"
    r.select(0, 0, "직원가")
    dom = r.dom()
    assert {tuple(k.split("|")): v for k, v in dom["summary"].items()} == table(EXAMPLE_2)
    # Convert is never shown: d8 is not in the file at all
    assert "d8" not in {d["id"] for d in r.payload["deals"]}
    r.page.click("button[data-tab='deals']")
    assert r.page.get_attribute("button[data-tab='deals']", "aria-selected") == "true"
    assert r.page.is_visible("#deals-existing") and r.page.is_hidden("#tab-kpi")
    assert r.page.query_selector("tr[data-deal-id='d8']") is None
    cells = example_4_cells()
    assert {i: {k: v for k, v in c.items() if k != "name"} for i, c in dom["cells"].items()} == \
        {i: cells[i] for i in dom["cells"]}
    assert dom["lists"] == [["d6", "d9", "d4", "d5", "d15"], ["d3", "d7", "d13"], ["d14"]]
    assert r.page.text_content("#deals-existing caption") == \
        "팀=기업교육 1팀, 파트/셀=1파트, person=직원가 / ALL(파트/셀 전체)에서는 체크박스 편집 불가"
    r.page.click("button[data-deals-year='2024']")
    assert r.page.query_selector("#deals-no-org") is None
    assert r.dom()["lists"] == [["d11", "d1"], ["d3", "d2"], []]


def test_quality_list_on_click(report):
    r = report()
    r.select(0, 0, "직원가")
    assert r.page.query_selector("td[data-row='qMissingAmount'][data-col='2025'][data-seg='online'] button") is None
    r.page.click("td[data-row='qMissingAmount'][data-col='2025'][data-seg='all'] button.quality-link")
    assert r.page.text_content("#quality-list h3") == "(품질) 금액 없음/오류 Won 딜 수 · 2025 · 전체"
    rows = r.page.eval_on_selector_all("#quality-list tr[data-deal-id]", "rs => rs.map(r => r.dataset.dealId)")
    assert rows == ["d15"]
    assert r.page.text_content("#quality-list td[data-col='exclusionReason']") == "금액 없음/오류"
    assert r.page.text_content("#quality-list td[data-col='amount']") == "무효(미정)"
    r.page.click("td[data-row='qMissingOrg'][data-col='2025'][data-seg='offline'] button.quality-link")
    assert r.page.text_content("#quality-list td[data-col='exclusionReason']") == "조직 없음"
    assert r.page.text_content("#quality-list td[data-col='org']") == "조직 미지정"
    r.page.click("td[data-row='qMissingNet'][data-col='2025'][data-seg='all'] button.quality-link")
    assert r.page.query_selector("#quality-list td[data-col='exclusionReason']") is None
    assert r.page.eval_on_selector_all("#quality-list tr[data-deal-id]", "rs => rs.map(r => r.dataset.dealId)") == ["d13"]
    r.page.select_option("#person-select", ALL)  # any filter change clears the list
    assert r.page.inner_text("#quality-list") == ""


def test_example_5_tick_type_reload(report):
    r = report()
    r.select(0, 0, "직원가")
    r.page.click("button[data-tab='deals']")
    r.page.check("tr[data-deal-id='d13'] input.exclude-toggle")
    # tabs 1 and 2 change at once
    assert r.page.text_content("td[data-row='leads'][data-col='2025'][data-seg='all']") == "7"
    assert r.page.text_content("td[data-row='wonAmount'][data-col='2025'][data-seg='offline']") == "1.58억"
    assert r.page.text_content("#format-body tr[data-format='출강'] td[data-col='count']") == "5"
    assert r.page.text_content("tr[data-deal-id='d13'] td[data-col='exclude']") == "제외됨"
    assert r.page.get_attribute("#deals-new tr[data-deal-id='d13']", "class") == "excluded"
    r.page.click("button[data-tab='excluded']")
    r.page.fill("#excluded-table tr[data-deal-id='d13'] input.reason", "중복 딜")
    assert r.page.evaluate("document.activeElement.classList.contains('reason')")  # typing keeps focus
    assert r.stored("직원가") == '{"excludedDealIds":["d13"],"reasons":{"d13":"중복 딜"}}'
    r.page.reload()
    r.select(0, 0, "직원가")
    assert r.page.text_content("td[data-row='leads'][data-col='2025'][data-seg='all']") == "7"
    assert r.page.input_value("#excluded-table tr[data-deal-id='d13'] input.reason") == "중복 딜"
    r.page.click("button[data-tab='excluded']")
    r.page.click("#excluded-table tr[data-deal-id='d13'] button.restore")
    assert r.page.text_content("#excluded-body .empty") == "제외된 딜이 없습니다."
    assert r.page.text_content("td[data-row='leads'][data-col='2025'][data-seg='all']") == "8"
    assert r.stored("직원가") == '{"excludedDealIds":[],"reasons":{}}'


def test_example_6_all_mode_is_a_read_only_union(report, example_report):
    payload = example_report.payload
    stored = {storage_key(payload, "직원가"): '{"excludedDealIds":["d13"],"reasons":{"d13":"중복 딜"}}',
              storage_key(payload, "직원나"): '["e2"]'}
    r = report(stored=stored)
    r.select(0, 0, ALL)
    check_view(r, ["직원가", "직원나"], ["d13", "e2"])
    r.page.click("button[data-tab='excluded']")
    dom = r.dom()
    assert dom["excluded"] == ["e2", "d13"] and dom["reasons"] == {"e2": "—", "d13": "중복 딜"}
    assert r.page.eval_on_selector_all("input.exclude-toggle, button.restore", "xs => xs.every(x => x.disabled)")
    assert r.page.query_selector("input.reason") is None
    assert r.page.text_content("#excluded-body .note") == \
        "팀=기업교육 1팀, 파트/셀=1파트, person=ALL / ALL에서는 읽기 전용입니다."
    before = {p: r.stored(p) for p in ("직원가", "직원나")}
    r.page.click("button[data-tab='deals']")
    r.page.click("tr[data-deal-id='d4'] input.exclude-toggle", force=True)  # disabled: nothing happens
    assert {p: r.stored(p) for p in ("직원가", "직원나")} == before
    assert r.stored(ALL) is None


def test_example_7_empty_unit(report):
    r = report()
    r.select(0, 1, ALL)
    assert r.page.text_content("#format-body .empty") == "선택한 연도에 데이터가 없습니다."
    assert r.page.text_content("#deals-body .empty") == "표시할 딜이 없습니다."
    assert r.page.text_content("#excluded-body .empty") == "제외된 딜이 없습니다."
    check_view(r, ["직원다"], [])


def test_every_selection_of_the_example(report, example_report):
    r = report()
    for t, team in enumerate(example_report.payload["roster"]):
        for u, unit in enumerate(team["units"]):
            for person in [ALL, *unit["people"]]:
                r.select(t, u, person)
                check_view(r, unit["people"] if person == ALL else [person], [])


def test_storage_failures_show_the_warning_and_keep_working(report, example_report):
    key = storage_key(example_report.payload, "직원가")
    r = report(stored={key: "{not json"}, failing_storage=True)
    r.select(0, 0, "직원가")
    assert r.page.is_hidden("#storage-warning")  # an unparseable value is empty with a warning only
    assert any("unparseable" in w for w in r.warnings)
    r.page.click("button[data-tab='deals']")
    r.page.check("tr[data-deal-id='d4'] input.exclude-toggle")
    assert r.page.is_visible("#storage-warning")
    assert r.page.text_content("#storage-warning") == "브라우저 저장소를 사용할 수 없어 제외 내역이 저장되지 않습니다."
    assert r.page.text_content("td[data-row='wonAmount'][data-col='2025'][data-seg='all']") == "0.73억"
    assert r.stored("직원가") == "{not json"


def test_missing_deals_shows_one_error_box(report, example_report, tmp_path):
    html = example_report.out_path.read_text(encoding="utf-8")
    start = html.index('<script type="application/json" id="kpi-data">') + len('<script type="application/json" id="kpi-data">')
    end = html.index("</script>", start)
    broken = tmp_path / "broken.html"
    broken.write_text(html[:start] + '{"title":"x"}' + html[end:], encoding="utf-8")
    r = report(result=type(example_report)(out_path=broken, payload=example_report.payload))
    assert r.page.inner_text("body") == "window.__DATA__.deals 가 없습니다. 빌더 출력을 확인하세요."


HOSTILE = ['<img src=x onerror="window.__pwned=1">', "</script><script>window.__pwned=2</script>", "<!--",
           "a\u2028b\u2029c", "\"quoted\" & 'single'"]


def test_hostile_names_stay_text(report, tmp_path):
    files = write_example(tmp_path / "hostile")
    import sqlite3
    conn = sqlite3.connect(files["db"])
    for i, name in enumerate(HOSTILE):
        conn.execute('UPDATE deal SET "이름" = ? WHERE id = ?', (name, ["d4", "d7", "d13", "d9", "d6"][i]))
    conn.execute('UPDATE organization SET "이름" = ? WHERE id = ?', (HOSTILE[0], "org-d"))
    conn.execute('UPDATE deal SET "과정포맷" = ? WHERE id = ?', (HOSTILE[1], "d1"))
    conn.commit()
    conn.close()
    result = build(files, tmp_path)
    r = report(result=result)
    r.select(0, 0, "직원가")
    check_view(r, ["직원가"], [])
    assert r.page.evaluate("window.__pwned") is None
    assert r.page.query_selector("main img") is None
    assert r.page.text_content("tr[data-deal-id='d7'] td[data-col='org'] .org-name") == HOSTILE[0]
    assert r.page.evaluate("window.__DATA__.deals.find(d => d.id === 'd9').dealName") == HOSTILE[3]
    assert r.page.evaluate("window.__DATA__") == result.payload  # the embedded JSON round-trips whole


@pytest.fixture(scope="module")
def synthetic_report(synth_db, synth_dataset, tmp_path_factory):
    folder = tmp_path_factory.mktemp("kpi-synth")
    (folder / "roster.toml").write_text(ROSTER_TOML, encoding="utf-8")
    (folder / "existing.txt").write_text(existing_orgs_text(synth_dataset), encoding="utf-8")
    files = {"db": synth_db, "roster": folder / "roster.toml", "existing": folder / "existing.txt"}
    return build(files, folder)


def test_synthetic_parity_every_selection(report, synthetic_report):
    payload = synthetic_report.payload
    assert "http:" not in synthetic_report.out_path.read_text(encoding="utf-8")
    assert "https:" not in synthetic_report.out_path.read_text(encoding="utf-8")
    rng = random.Random(20260119)
    stored, chosen = {}, {}
    for team in payload["roster"]:
        for unit in team["units"]:
            for person in unit["people"]:
                own = sorted(d["id"] for d in payload["deals"] if d["person"] == person)
                ids = rng.sample(own, min(len(own), rng.randint(0, 6))) + ["not-a-deal"]
                chosen[person] = ids
                stored[storage_key(payload, person)] = json.dumps(
                    {"excludedDealIds": sorted(ids), "reasons": {i: f"사유 {i}" for i in ids}}, ensure_ascii=False)
    plain, excluded = report(result=synthetic_report), report(result=synthetic_report, stored=stored)
    for t, team in enumerate(payload["roster"]):
        for u, unit in enumerate(team["units"]):
            for person in [ALL, *unit["people"]]:
                people = unit["people"] if person == ALL else [person]
                plain.select(t, u, person)
                check_view(plain, people, [])
                excluded.select(t, u, person)
                check_view(excluded, people, [i for p in people for i in chosen[p]])
                reasons = excluded.dom()["reasons"]
                assert reasons == {i: f"사유 {i}" for i in reasons}


def test_a_tab_3_error_stays_in_tab_3(report, example_report, tmp_path):
    """A deal the page cannot format (an amount that is not an integer) breaks tab 3 and tab 4 only, each with
    its note; tab 1 still shows its figures (the deal is Lost, so it is in no amount)."""
    payload = json.loads(json.dumps(example_report.payload))
    next(d for d in payload["deals"] if d["id"] == "d2")["amount"] = "not-a-number"
    html = example_report.out_path.read_text(encoding="utf-8")
    marker = '<script type="application/json" id="kpi-data">'
    start = html.index(marker) + len(marker)
    end = html.index("</script>", start)
    from kpi_report.render import embed_json
    broken = tmp_path / "broken-amount.html"
    broken.write_text(html[:start] + embed_json(payload) + html[end:], encoding="utf-8")
    r = report(result=type(example_report)(out_path=broken, payload=payload))
    r.select(0, 0, "직원가")
    r.page.click("button[data-tab='deals']")
    r.page.click("button[data-deals-year='2024']")
    assert r.page.text_content("#deals-body .tab-error") == \
        "탭 3(딜 리스트) 렌더링 중 오류가 발생했습니다. (개발자 콘솔 확인)"
    assert r.page.text_content("td[data-row='leads'][data-col='2024'][data-seg='all']") == "3"
    r.page.evaluate("""() => { const s = document.querySelector('#person-select'); s.value = '직원가';
                        localStorage.setItem(%s, '["d2"]'); s.dispatchEvent(new Event('change')); }"""
                    % json.dumps(storage_key(payload, "직원가")))
    assert r.page.text_content("#excluded-body .tab-error") == \
        "탭 4(제외 내역) 렌더링 중 오류가 발생했습니다. (개발자 콘솔 확인)"


def test_no_net_column_and_no_run_info(report, tmp_path):
    """A snapshot without a net% column and without run_info (23 §13 row 17): every offline C deal is in
    qMissingNet, offline 공헌이익률 is —, the header names the file-mtime source; the page equals the reference."""
    import sqlite3
    files = write_example(tmp_path / "no-net", run_info=False)
    conn = sqlite3.connect(files["db"])
    conn.execute('ALTER TABLE deal RENAME COLUMN "Net(%)" TO "internet_flag"')
    conn.commit()
    conn.close()
    result = build(files, tmp_path)
    assert result.lines[0] == "[build] Selected net% column: NONE"
    r = report(result=result)
    assert r.page.text_content("#data-time").endswith(" KST (DB 파일 수정 시각 — run_info 없음)")
    r.select(0, 0, "직원가")
    assert r.page.text_content("td[data-row='qMissingNet'][data-col='2025'][data-seg='offline']") == "3"
    assert r.page.text_content("td[data-row='cmRate'][data-col='2025'][data-seg='offline']") == "—"
    assert r.page.text_content("td[data-row='cmRate'][data-col='2025'][data-seg='all']") == "100.0%"
    check_view(r, ["직원가"], [])


def test_charts_of_example_2_and_an_empty_unit(report):
    r = report()
    r.select(0, 0, "직원가")
    assert r.page.text_content("svg[data-chart='leads'] > title") == \
        "리드 수: 2024 전체 3, 온라인 1, 비온라인 2 / 2025 전체 8, 온라인 2, 비온라인 6"
    bars = r.page.evaluate("""() => Array.from(document.querySelectorAll("svg[data-chart]"), svg => [
        svg.dataset.chart, svg.getAttribute("role"),
        Array.from(svg.querySelectorAll("rect[data-year]"), b => [b.dataset.year, b.dataset.seg,
                                                                   Number(b.getAttribute("height")), b.getAttribute("fill")])])""")
    assert [b[0] for b in bars] == ["leads", "winRate", "wonAmount", "cmRate"] and all(b[1] == "img" for b in bars)
    for _chart, _role, rects in bars:
        assert [(y, s) for y, s, _h, _f in rects] == [(y, s) for s in ("all", "online", "offline") for y in ("2024", "2025")]
        assert {f for y, _s, _h, f in rects if y == "2024"} == {"#9aa5b1"}
        assert {f for y, _s, _h, f in rects if y == "2025"} == {"#2f6fde"}
    leads = {(y, s): h for y, s, h, _f in bars[0][2]}
    assert leads[("2025", "all")] == max(leads.values()) > 0
    assert leads[("2024", "all")] == pytest.approx(leads[("2025", "all")] * 3 / 8, abs=0.01)
    cm = {(y, s): h for y, s, h, _f in bars[3][2]}
    assert cm[("2024", "online")] == 0  # missing (—) draws nothing
    assert cm[("2025", "online")] == pytest.approx(leads[("2025", "all")])  # 100 % and the largest count: full scale
    r.select(0, 1, ALL)
    heights = r.page.eval_on_selector_all("svg[data-chart] rect[data-year]", "rs => rs.map(r => Number(r.getAttribute('height')))")
    assert len(heights) == 24 and set(heights) == {0}
