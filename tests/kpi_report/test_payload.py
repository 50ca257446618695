"""Example 1 of 23_kpi_report.md §14: the build's filters, meta counts, per-deal fields and exclusion objects."""
import json
import sqlite3

import pytest

from domain.orgs import load_existing_orgs
from domain.roster import load_roster
from kpi_report import queries
from kpi_report.payload import Sources, build_payload
from tests.kpi_report.example import write_example


def payload_for(files, teams=("edu1", "edu2")):
    conn = sqlite3.connect(f"file:{files['db']}?mode=ro", uri=True)
    cols = queries.detect(conn)
    src = Sources(queries.deal_rows(conn, cols), queries.person_orgs(conn, cols), queries.org_names(conn, cols))
    generated, source = queries.data_generated_at(conn, files["db"])
    keys = load_existing_orgs(files["existing"])
    return build_payload(src, roster=load_roster(files["roster"]), teams=teams, years=[2024, 2025],
                         existing=frozenset(keys), existing_count=len(keys), net_column=cols.net_column,
                         net_candidates=cols.net_candidates, db_name=files["db"].name,
                         generated_at="2026-01-19T00:10:00.123456+00:00", data_generated_at=generated,
                         data_source=source)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    return write_example(tmp_path_factory.mktemp("kpi"))


def test_example_1_meta(example):
    payload, facts = payload_for(example)
    assert payload["meta"] == {
        "dbPath": "salesmap_latest.db", "dealCountBeforeFilters": 18, "dealCountAfterConvertFilter": 17,
        "dealCountAfterYearFilter": 16, "uniqueOwnerCount": 4, "filteredByOrgMapCount": 2,
        "dealCountAfterOrgMapFilter": 14, "netPercentColumn": "Net(%)", "netPercentCandidates": None,
        "yearParseFailuresCreatedAt": 0, "yearParseFailuresContractDate": 0, "dataGeneratedAtSource": "run_info",
        "dealsWithoutOrgCount": 1, "amountInvalidCount": 1, "netInvalidCount": 1, "wonExcludedCount": 2,
        "existingOrgKeyCount": 2,
        "mergedOrgKeys": [{"key": "알파", "orgCount": 2, "names": ["㈜알파", "알파 주식회사"]}]}
    assert facts == {"net_filled": 9, "teams": ["edu1", "edu2"]}
    assert payload["title"] == "2025 성과평가용 개인 KPI 검수 리포트"
    assert payload["dataGeneratedAt"] == "2026-01-18T18:04:12.345678Z"
    assert payload["compareYears"] == [2024, 2025] and [t["key"] for t in payload["roster"]] == ["edu1", "edu2"]
    assert payload["roster"][1]["units"][2] == {"unit": "온라인셀", "people": ["직원바"]}


def test_example_1_deals(example):
    payload, _ = payload_for(example)
    deals = {d["id"]: d for d in payload["deals"]}
    assert [d["id"] for d in payload["deals"]] == sorted(deals)  # ASCII ids: UTF-16 order = code points
    assert set(deals) == {"d1", "d2", "d3", "d4", "d5", "d6", "d7", "d9", "d11", "d13", "d14", "d15", "e1", "e2"}
    assert json.dumps(deals["d9"], ensure_ascii=False, separators=(",", ":")) == (
        '{"id":"d9","person":"직원가","ownerName":"직원가","dealName":"과정-d9","orgName":"알파 주식회사",'
        '"customerKey":"n:알파","isExisting":true,"status":"SQL","leadYear":2025,"contractYear":null,'
        '"createdDate":"2025-01-01","contractDate":null,"expectedCloseDate":"2025-12-01","amount":30000000,'
        '"amountText":null,"wonExclusion":null,"format":"출강","isOnline":false,"monthlyExcluded":false,'
        '"netPpm":null,"netText":null,"probability":"높음"}')
    d6 = deals["d6"]
    assert (d6["format"], d6["isOnline"], d6["monthlyExcluded"], d6["ownerName"], d6["person"]) == (
        "구독제(온라인)", True, True, "직원가B", "직원가")
    assert (deals["d1"]["orgName"], deals["d1"]["customerKey"]) == ("㈜알파", "n:알파")
    assert (deals["d13"]["orgName"], deals["d13"]["customerKey"], deals["d13"]["wonExclusion"]) == ("감마", "n:감마", None)
    d14 = deals["d14"]
    assert (d14["orgName"], d14["customerKey"], d14["isExisting"], d14["wonExclusion"]) == ("조직 미지정", None, False, None)
    assert deals["d5"]["wonExclusion"] == "no_contract_date" and deals["d5"]["netText"] == "150"
    assert (deals["d15"]["wonExclusion"], deals["d15"]["amountText"]) == ("bad_amount", "미정")
    assert deals["d11"]["contractYear"] == 2024 and deals["d7"]["amount"] == 5_000_000
    assert deals["e1"]["status"] == "Won" and deals["d4"]["probability"] == "확정"
    assert deals["d3"]["isOnline"] and not deals["d3"]["monthlyExcluded"] and not deals["d9"]["monthlyExcluded"]


def test_example_1_won_exclusions(example):
    payload, _ = payload_for(example)
    assert json.dumps(payload["wonExclusions"], ensure_ascii=False, separators=(",", ":")) == (
        '[{"dealId":"d15","dealName":"과정-d15","orgId":"org-b","orgName":"베타","amountRaw":"미정",'
        '"contractDateRaw":"2025-10-14T15:00:00.000Z","reason":"bad_amount"},{"dealId":"d5","dealName":"과정-d5",'
        '"orgId":"org-b","orgName":"베타","amountRaw":"10000000","contractDateRaw":null,"reason":"no_contract_date"},'
        '{"dealId":"d14","dealName":"과정-d14","orgId":null,"orgName":null,"amountRaw":"8000000",'
        '"contractDateRaw":"2025-09-19T15:00:00.000Z","reason":"no_organization"}]')


def test_example_1_widened_and_without_run_info(example, tmp_path):
    payload, facts = payload_for(example, teams=("edu1", "edu2", "public"))
    meta = payload["meta"]
    assert (meta["dealCountAfterOrgMapFilter"], meta["filteredByOrgMapCount"]) == (15, 1)
    assert facts["teams"] == ["edu1", "edu2", "public"]
    files = write_example(tmp_path, run_info=False)
    payload, _ = payload_for(files)
    assert payload["meta"]["dataGeneratedAtSource"] == "file_mtime" and payload["dataGeneratedAt"].endswith("+00:00")
