"""Lane inference (21 §1.2, 11 §5.7) and the KPI report's integer rounding (23 §10, Example 8)."""
import pytest

from domain.lanes import BU, HRD, infer_lane
from domain.money import rdiv


@pytest.mark.parametrize("text, lane", [
    ("CHRO실", HRD), ("HRD센터", HRD), ("인재개발원", HRD), ("경영지원실", HRD), ("human capital팀", HRD),
    ("인사이트랩", HRD), ("DX사업부", BU), ("영업본부", BU), ("-", BU), ("–", BU), ("—", BU), ("미입력", BU), (None, BU),
    (" 인재개발팀 ", HRD),
])
def test_lane_examples(text, lane):
    assert infer_lane(text) == lane


def tenths_text(t: int, unit: str = "%", signed: bool = False) -> str:
    sign = "-" if t < 0 else ("+" if signed and t > 0 else "")
    return f"{sign}{abs(t) // 10}.{abs(t) % 10}{unit}"


def test_kpi_rounding_examples():
    assert tenths_text(rdiv(1000 * 1, 16)) == "6.3%"
    assert tenths_text(rdiv(1000 * 2, 3)) == "66.7%"
    assert tenths_text(rdiv(1000 * (4 + 1 + 4 + 2), 4 * 4)) == "68.8%"  # mean of (1, 0.25, 1, 0.5)
    assert tenths_text(rdiv(1000 * (1 * 6 - 1 * 3), 3 * 6), "pp", True) == "+16.7pp"  # 1/6 → 1/3
    assert tenths_text(rdiv(1000 * (0 * 16 - 1 * 1), 1 * 16), "pp", True) == "-6.3pp"
    assert tenths_text(rdiv(1000 * (0 * 10000 - 1 * 1), 1 * 10000), "pp", True) == "0.0pp"
