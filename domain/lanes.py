"""StatePath lanes of an upper org: HRD or BU (21_statepath.md §1.2).

Blank or `미입력` is BU. Otherwise the upper-cased text is HRD when any keyword (upper-cased) occurs in it
as a plain substring — accidental hits such as `인사이트랩` are accepted, as the spec says.
"""
from __future__ import annotations

from domain.text import UNSET, is_blank

HRD, BU = "HRD", "BU"
HRD_KEYWORDS = ("HRD", "HR", "인사", "피플", "경영지원", "CHO", "PEOPLE", "TALENT", "인재", "교육", "육성", "러닝",
                "LEARNING", "L&D", "아카데미", "연수", "인력개발", "인력지원", "기업문화", "경영관리", "경력개발", "사업지원",
                "Human", "성장지원", "인재개발", "조직문화")
_UPPER_KEYWORDS = tuple(k.upper() for k in HRD_KEYWORDS)


def infer_lane(upper_org: str | None) -> str:
    if is_blank(upper_org) or upper_org.strip() == UNSET:
        return BU
    text = upper_org.upper()
    return HRD if any(k in text for k in _UPPER_KEYWORDS) else BU
