"""Step 10: messy values — other spellings of the same meaning in ≈ 0.5 % of eligible cells (11 §8.5).

Dates keep their KST date, owners their names, blanks stay blank, online formats stay online, so no total
changes. Edge-case records are never touched.
"""
from __future__ import annotations

from datetime import timedelta

from domain.dates import kst_date
from snapshot.synth import vocab
from snapshot.synth.model import Ctx
from snapshot.synth.rng import chance, choice

RATE = 0.005
EMPTY_TEXT_COLUMNS = {
    "organization": ("주소", "웹 주소", "업종 세부", "전화"),
    "people": ("전화", "이메일", "직급/직책", "담당 업무", "소속 상위 조직"),
    "deal": ("교육 주제", "기획시트 링크", "상담 문의 내용", "업로드 제안서명"),
}


def respell_date(r, raw: str) -> str:
    """Another accepted spelling of the same KST date."""
    day = kst_date(raw)
    y, m, d = day.year, day.month, day.day
    forms = [f"{day.isoformat()}", f"{y}.{m:02d}.{d:02d}", f"{y}/{m:02d}/{d:02d}", f"{y}{m:02d}{d:02d}",
             f"{day.isoformat()} {choice(r, ('09:30:00', '14:00:00', '18:45:10'))}",
             f"{day.isoformat()}T10:00:00+09:00", (day - timedelta(days=1)).isoformat() + "T15:00:00Z"]
    if m < 10 or d < 10:
        forms += [f"{y}.{m}.{d}", f"{y}/{m}/{d}", f"{y}-{m}-{d}"]
    return choice(r, forms)


def _owner(r, value):
    if not isinstance(value, dict) or not value.get("name"):
        return value
    return [value] if chance(r, 0.5) else value["name"]


def apply_messy(ctx: Ctx, tables: dict[str, list[dict]], edge_ids: set[str]) -> None:
    r = ctx.rng("messy")
    for table in ("organization", "people", "deal"):
        for rec in tables[table]:
            if rec["id"] in edge_ids:
                continue
            if rec.get("담당자") is not None and chance(r, RATE):
                rec["담당자"] = _owner(r, rec["담당자"])
            for column in EMPTY_TEXT_COLUMNS[table]:
                if rec[column] is None and chance(r, RATE):
                    rec[column] = ""
            if table != "deal":
                continue
            for column in ("계약 체결일", "수주 예정일"):
                if rec[column] is not None and chance(r, RATE):
                    rec[column] = respell_date(r, rec[column])
            labels = rec["성사 가능성"]
            if isinstance(labels, list) and len(labels) == 1 and chance(r, RATE):
                rec["성사 가능성"] = labels[0]
            if rec["과정포맷"] in vocab.SPACED_ONLINE and chance(r, 0.01):
                rec["과정포맷"] = vocab.SPACED_ONLINE[rec["과정포맷"]]
