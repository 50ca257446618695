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
