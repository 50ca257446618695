"""The Python reference against 23_kpi_report.md §14 Example 2 (tab 1) and the widened build of Example 1."""
import pytest

from kpi_report.metrics import ROW_KEYS, kpi_summary
from tests.kpi_report.example import write_example
from tests.kpi_report.test_payload import payload_for

EXAMPLE_2 = """
leads | 3 | 1 | 2 | 8 | 2 | 6 | +5 | +1 | +4
winRate | 66.7% | 100.0% | 50.0% | 75.0% | 50.0% | 83.3% | +8.3pp | -50.0pp | +33.3pp
winRateMonthly | 66.7% | 100.0% | 50.0% | 85.7% | 100.0% | 83.3% | +19.0pp | 0.0pp | +33.3pp
newWinRate | 50.0% | 100.0% | 0.0% | 100.0% | 100.0% | 100.0% | +50.0pp | 0.0pp | +100.0pp
newWinRateMonthly | 50.0% | 100.0% | 0.0% | 100.0% | 100.0% | 100.0% | +50.0pp | 0.0pp | +100.0pp
existingWinRate | 100.0% | — | 100.0% | 60.0% | 0.0% | 75.0% | -40.0pp | — | -25.0pp
existingWinRateMonthly | 100.0% | — | 100.0% | 75.0% | — | 75.0% | -25.0pp | — | -25.0pp
wonAmount | 1.80억 | 0.00억 | 1.80억 | 2.23억 | 0.25억 | 1.98억 | +0.43억 | +0.25억 | +0.18억
cmRate | 25.0% | — | 25.0% | 65.0% | 100.0% | 30.0% | +40.0pp | — | +5.0pp
newCustomers | 0 | 0 | 0 | 2 | 2 | 1 | +2 | +2 | +1
existingCustomers | 2 | 0 | 2 | 1 | 0 | 1 | -1 | 0 | -1
retention | — | — | — | 50.0% | — | 50.0% | — | — | —
upsell | — | — | — | 100.0% | — | 100.0% | — | — | —
qMissingContractDate | 0 | 0 | 0 | 1 | 0 | 1 | — | — | —
qMissingAmount | 0 | 0 | 0 | 1 | 0 | 1 | — | — | —
qMissingOrg | 0 | 0 | 0 | 1 | 0 | 1 | — | — | —
qMissingNet | 0 | 0 | 0 | 1 | 0 | 1 | — | — | —
"""
COLUMNS = [(col, seg) for col in ("2024", "2025", "delta") for seg in ("all", "online", "offline")]


def table(text):
    out = {}
    for line in text.strip().splitlines():
        key, *values = [v.strip() for v in line.split("|")]
        out.update({(key, col, seg): v for (col, seg), v in zip(COLUMNS, values, strict=True)})
    return out


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    return write_example(tmp_path_factory.mktemp("kpi-metrics"))


def test_example_2_every_tab_1_cell(example):
    payload, _ = payload_for(example)
    cells = kpi_summary(payload, ["직원가"], [])
    expected = table(EXAMPLE_2)
    assert [k for k in ROW_KEYS] == list(dict.fromkeys(k for k, _c, _s in expected))
    assert cells == expected


def test_widened_public_team_all(example):
    payload, _ = payload_for(example, teams=("edu1", "edu2", "public"))
    cells = kpi_summary(payload, ["직원사"], [])
    got = {key: tuple(cells[(key, col, "all")] for col in ("2024", "2025", "delta"))
           for key in ("leads", "winRate", "wonAmount", "cmRate", "newCustomers", "existingCustomers",
                       "retention", "upsell")}
    assert got == {"leads": ("0", "1", "+1"), "winRate": ("—", "100.0%", "—"),
                   "wonAmount": ("0.00억", "0.20억", "+0.20억"), "cmRate": ("—", "40.0%", "—"),
                   "newCustomers": ("0", "1", "+1"), "existingCustomers": ("0", "0", "0"),
                   "retention": ("—", "—", "—"), "upsell": ("—", "—", "—")}


def test_excluding_a_deal_changes_the_figures(example):
    payload, _ = payload_for(example)
    before = kpi_summary(payload, ["직원가"], [])
    after = kpi_summary(payload, ["직원가"], ["d4"])
    assert before[("wonAmount", "2025", "all")] == "2.23억" and after[("wonAmount", "2025", "all")] == "0.73억"
    assert after[("leads", "2025", "all")] == "7"


def rows(text):
    out = []
    for line in text.strip().splitlines():
        key, *cells = [v.strip() for v in line.split("|")]
        out.append((key, cells))
    return out


def test_example_3_format_analysis(example):
    payload, _ = payload_for(example)
    from kpi_report.metrics import format_analysis
    assert format_analysis(payload, ["직원가"], [], 2025) == rows("""
        출강 | 6 | 5 | 83.3% | 1.98억 | 30.0% | 1
        구독제(온라인) | 1 | 0 | 0.0% | 0.20억 | 100.0% | 0
        구독제(온라인)-월별입과 제외 | 0 | 0 | — | — | — | —
        포팅 | 1 | 1 | 100.0% | 0.05억 | 100.0% | 0
        포팅-월별입과 제외 | 1 | 1 | 100.0% | — | — | —""")
    assert format_analysis(payload, ["직원가"], [], 2024) == rows("""
        출강 | 2 | 1 | 50.0% | 1.80억 | 25.0% | 0
        구독제(온라인) | 1 | 1 | 100.0% | 0.00억 | — | 0
        구독제(온라인)-월별입과 제외 | 1 | 1 | 100.0% | — | — | —
        포팅 | 0 | 0 | — | 0.00억 | — | 0
        포팅-월별입과 제외 | 0 | 0 | — | — | — | —""")
    all_part = format_analysis(payload, ["직원가", "직원나"], [], 2025)
    assert all_part[0] == ("출강", ["7", "6", "85.7%", "2.48억", "36.7%", "1"])
    assert all_part[-2:] == [("선택구매(온라인)", ["0", "0", "—", "0.00억", "—", "0"]),
                             ("선택구매(온라인)-월별입과 제외", ["0", "0", "—", "—", "—", "—"])]


def test_example_4_deal_lists(example):
    payload, _ = payload_for(example)
    from kpi_report.metrics import deal_list
    assert deal_list(payload, ["직원가"], 2025) == (["d6", "d9", "d4", "d5", "d15"], ["d3", "d7", "d13"], ["d14"])
    assert deal_list(payload, ["직원가"], 2024) == (["d11", "d1"], ["d3", "d2"], [])


def test_example_5_exclusions(example):
    payload, _ = payload_for(example)
    base = table(EXAMPLE_2)
    cells = kpi_summary(payload, ["직원가"], ["d13"])
    changed = {
        "leads": ("7", "5", "+4", "+3"), "winRate": ("71.4%", "80.0%", "+4.8pp", "+30.0pp"),
        "winRateMonthly": ("83.3%", "80.0%", "+16.7pp", "+30.0pp"),
        "newWinRate": ("100.0%", "—", "+50.0pp", "—"), "newWinRateMonthly": ("100.0%", "—", "+50.0pp", "—"),
        "wonAmount": ("1.83억", "1.58억", "+0.03억", "-0.22억"), "newCustomers": ("2", "0", "+2", "0"),
        "qMissingNet": ("0", "0", "—", "—"),
    }
    spots = (("2025", "all"), ("2025", "offline"), ("delta", "all"), ("delta", "offline"))
    expected = dict(base)
    for key, values in changed.items():
        expected.update({(key, col, seg): v for (col, seg), v in zip(spots, values)})
    assert cells == expected  # d13 is offline: every other cell, the online column included, is Example 2's
    only_d4 = kpi_summary(payload, ["직원가"], ["d4"])
    got = {k: only_d4[(k, "2025", "all")] for k in ("leads", "winRate", "existingWinRate", "existingWinRateMonthly",
                                                      "wonAmount", "cmRate", "existingCustomers", "retention", "upsell")}
    assert got == {"leads": "7", "winRate": "71.4%", "existingWinRate": "50.0%", "existingWinRateMonthly": "66.7%",
                   "wonAmount": "0.73억", "cmRate": "78.3%", "existingCustomers": "0", "retention": "0.0%",
                   "upsell": "—"}
    assert (only_d4[("wonAmount", "delta", "all")], only_d4[("cmRate", "delta", "all")]) == ("-1.07억", "+53.3pp")


EXAMPLE_6 = """
leads | 4 | 9 | +5 | 3 | 8 | +5
winRate | 75.0% | 77.8% | +2.8pp | 66.7% | 75.0% | +8.3pp
winRateMonthly | 75.0% | 87.5% | +12.5pp | 66.7% | 85.7% | +19.0pp
newWinRate | 66.7% | 100.0% | +33.3pp | 50.0% | 100.0% | +50.0pp
newWinRateMonthly | 66.7% | 100.0% | +33.3pp | 50.0% | 100.0% | +50.0pp
existingWinRate | 100.0% | 66.7% | -33.3pp | 100.0% | 66.7% | -33.3pp
existingWinRateMonthly | 100.0% | 80.0% | -20.0pp | 100.0% | 80.0% | -20.0pp
wonAmount | 1.90억 | 2.73억 | +0.83억 | 1.80억 | 2.33억 | +0.53억
cmRate | 50.0% | 62.0% | +12.0pp | 25.0% | 62.0% | +37.0pp
newCustomers | 1 | 2 | +1 | 0 | 2 | +2
existingCustomers | 2 | 1 | -1 | 2 | 1 | -1
retention | — | 50.0% | — | — | 50.0% | —
upsell | — | 100.0% | — | — | 100.0% | —
qMissingContractDate | 0 | 1 | — | 0 | 1 | —
qMissingAmount | 0 | 1 | — | 0 | 1 | —
qMissingOrg | 0 | 1 | — | 0 | 1 | —
qMissingNet | 0 | 1 | — | 0 | 0 | —
"""


def test_example_6_all_mode_union(example):
    payload, _ = payload_for(example)
    from kpi_report.metrics import excluded_list
    plain = kpi_summary(payload, ["직원가", "직원나"], [])
    union = kpi_summary(payload, ["직원가", "직원나"], ["d13", "e2"])
    for key, cells in rows(EXAMPLE_6):
        assert [plain[(key, c, "all")] for c in ("2024", "2025", "delta")] == cells[:3], key
        assert [union[(key, c, "all")] for c in ("2024", "2025", "delta")] == cells[3:], key
    example_2 = table(EXAMPLE_2)
    assert all(union[k] == v for k, v in example_2.items() if k[1] == "2024")
    assert excluded_list(payload, ["직원가", "직원나"], ["d13", "e2", "zz"]) == ["e2", "d13"]
    alone = kpi_summary(payload, ["직원나"], [])
    assert alone[("retention", "2025", "all")] == "—"


def test_example_7_empty_unit(example):
    payload, _ = payload_for(example)
    from kpi_report.metrics import deal_list, excluded_list, format_analysis
    cells = kpi_summary(payload, ["직원다"], [])
    for (key, col, _seg), text in cells.items():
        if key == "wonAmount":
            assert text == "0.00억"
        elif col == "delta":
            assert text in ("0", "—")
        elif key in ("leads", "newCustomers", "existingCustomers") or key.startswith("q"):
            assert text == "0"
        else:
            assert text == "—"
    assert format_analysis(payload, ["직원다"], [], 2025) == []
    assert deal_list(payload, ["직원다"], 2025) == ([], [], []) and excluded_list(payload, ["직원다"], []) == []


def test_example_2_charts_and_quality_lists(example):
    from kpi_report.metrics import chart_labels, quality_list
    payload, _ = payload_for(example)
    labels = chart_labels(payload, ["직원가"], [])
    assert [labels[("leads", y, s)] for y in ("2024", "2025") for s in ("all", "online", "offline")] == \
        ["3", "1", "2", "8", "2", "6"]
    assert [labels[("wonAmount", y, s)] for y in ("2024", "2025") for s in ("all", "online", "offline")] == \
        ["1.80억", "0.00억", "1.80억", "2.23억", "0.25억", "1.98억"]
    assert len(labels) == 24
    for seg in ("all", "offline"):
        assert quality_list(payload, ["직원가"], [], "qMissingContractDate", 2025, seg) == ["d5"]
        assert quality_list(payload, ["직원가"], [], "qMissingAmount", 2025, seg) == ["d15"]
        assert quality_list(payload, ["직원가"], [], "qMissingOrg", 2025, seg) == ["d14"]
        assert quality_list(payload, ["직원가"], [], "qMissingNet", 2025, seg) == ["d13"]
    assert all(quality_list(payload, ["직원가"], [], row, 2025, "online") == []
               for row in ("qMissingContractDate", "qMissingAmount", "qMissingOrg", "qMissingNet"))
    assert quality_list(payload, ["직원가"], ["d13"], "qMissingNet", 2025, "all") == []


EXAMPLE_4_CELLS = """
d6 | 2025-04-01 | 베타 | 구독제(온라인) | Lost | — | 직원가B | — | — | 0.03억 | —
d9 | 2025-01-01 | 알파 주식회사 동명 합산 | 출강 | SQL | — | 직원가 | 높음 | 2025-12-01 | 0.30억 | —
d4 | 2025-01-20 | ㈜알파 동명 합산 | 출강 | Won | 2025-02-01 | 직원가 | 확정 | — | 1.50억 | 25.0%
d5 | 2025-03-01 | 베타 | 출강 | Won | — | 직원가 | — | — | 0.10억 | 무효(150)
d15 | 2025-10-01 | 베타 | 출강 | Won | 2025-10-15 | 직원가 | — | — | 무효(미정) | 40.0%
d3 | 2024-07-01 | 감마 | 구독제(온라인) | Won | 2025-01-15 | 직원가 | — | — | 0.20억 | —
d7 | 2025-05-01 | 델타 (주) | 포팅 | Won | 2025-06-01 | 직원가 | — | — | 0.05억 | —
d13 | 2025-08-01 | 감마 | 출강 | Won | 2025-09-01 | 직원가 | — | — | 0.40억 | —
d14 | 2025-09-10 | 조직 미지정 | 출강 | Won | 2025-09-20 | 직원가 | — | — | 0.08억 | 35.0%
d11 | 2023-11-01 | 베타 | 출강 | Won | 2024-01-01 | 직원가 | — | — | 0.80억 | 20.0%
d1 | 2024-02-10 | ㈜알파 동명 합산 | 출강 | Won | 2024-03-05 | 직원가 | — | — | 1.00억 | 30.0%
d2 | 2024-05-01 | 감마 | 출강 | Lost | — | 직원가 | — | — | 0.50억 | —
"""
CELL_COLUMNS = ("created", "org", "format", "status", "contract", "owner", "probability", "expected", "amount", "net")


def example_4_cells():
    return {key: dict(zip(CELL_COLUMNS, cells, strict=True)) for key, cells in rows(EXAMPLE_4_CELLS)}


def test_example_4_row_cells_and_quality_cells(example):
    from kpi_report.metrics import DEAL_COLUMNS, deal_cells, merged_keys, quality_cells
    payload, _ = payload_for(example)
    deals = {d["id"]: d for d in payload["deals"]}
    for deal_id, expected in example_4_cells().items():
        cells = deal_cells(deals[deal_id], merged_keys(payload))
        assert list(cells) == list(DEAL_COLUMNS)
        assert {k: v for k, v in cells.items() if k != "name"} == expected, deal_id
        assert cells["name"] == f"과정-{deal_id}"
    assert quality_cells(payload, deals["d5"], "qMissingContractDate")["exclusionReason"] == "계약 체결일 없음/오류"
    assert quality_cells(payload, deals["d5"], "qMissingContractDate")["contract"] == "—"  # raw text is NULL
    d15 = quality_cells(payload, deals["d15"], "qMissingAmount")
    assert (d15["exclusionReason"], d15["amount"]) == ("금액 없음/오류", "무효(미정)")
    d14 = quality_cells(payload, deals["d14"], "qMissingOrg")
    assert (d14["exclusionReason"], d14["org"]) == ("조직 없음", "조직 미지정")
    assert "exclusionReason" not in quality_cells(payload, deals["d13"], "qMissingNet")


def test_an_unparseable_contract_date_shows_as_invalid_in_the_quality_list(example):
    from kpi_report.metrics import quality_cells
    payload, _ = payload_for(example)
    deal = dict(next(d for d in payload["deals"] if d["id"] == "d5"))
    item = dict(next(x for x in payload["wonExclusions"] if x["dealId"] == "d5"), contractDateRaw=" 2025-02-30 ")
    changed = {**payload, "wonExclusions": [item]}
    assert quality_cells(changed, deal, "qMissingContractDate")["contract"] == "무효(2025-02-30)"
