"""The report file (23 §6): the template `templates/kpi_report.html` (Jinja2, autoescape) with its CSS and
`static/kpi_report.js` inlined, the safe JSON data block, the hash-based CSP, the asset check and the atomic
write. Assets are found relative to the code, never to the current directory."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from kpi_report.metrics import CHARTS, SEGMENTS
from kpi_report.numbers import kst_minutes

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = "kpi_report.html"
CSS_PATH = REPO / "templates" / "kpi_report.css"
JS_PATH = REPO / "static" / "kpi_report.js"

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TABLE = str.maketrans(_ESCAPES)


class AssetError(RuntimeError):
    """An inlined asset would close its own element: a programming error (23 §1 row 13, exit 1)."""


def embed_json(payload: dict) -> str:
    """The payload for `<script type="application/json">`: compact JSON in which no `<`, `>`, `&`, U+2028 or
    U+2029 survives literally, so no name can close the element or open a comment; JSON.parse restores them."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).translate(_TABLE)


def script_hash(script: str) -> str:
    """`sha256-<base64>` of the exact inline script text, as CSP compares it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def csp_content(script: str) -> str:
    return (f"default-src 'none'; script-src '{script_hash(script)}'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def check_assets(js_text: str, css_text: str, js_name: str = "static/kpi_report.js",
                 css_name: str = "templates/kpi_report.html <style>") -> None:
    if "</script" in js_text.lower():
        raise AssetError(f"Asset contains a closing tag: {js_name}")
    if "</style" in css_text.lower():
        raise AssetError(f"Asset contains a closing tag: {css_name}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Temp file in the same folder, fsync, rename over the target; missing folders are created. On any
    failure the temp file is removed and an existing target is left whole."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the report is an ordinary shareable file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


SEGMENT_LABELS = {"all": "전체", "online": "온라인", "offline": "비온라인"}
NOTES = (
    "체결률 분모는 전체 딜, 금액/공헌이익률은 Won+체결연도 기준입니다.",
    "월별입과 제외: 온라인 포맷 딜 중 (온라인)최초 입과 여부가 false인 딜을 뺀 값입니다.",
    "기고객은 기고객 목록 파일 기준이며 두 연도에 같은 목록을 적용합니다. 계약 체결일 또는 금액(형식 오류 포함)이 없는 "
    "Won 딜은 어느 연도의 금액·공헌이익률·고객사 수·리텐션에도 들어가지 않고 (품질) 행에 표시됩니다. 조직 미지정 딜은 담당자의 "
    "리드·체결률·금액·공헌이익률에는 들어가지만 신규/기고객 구분, 고객사 수, 리텐션·업셀에는 들어가지 않습니다.",
    "리텐션/업셀은 현재 선택한 담당자 범위 안에서 계산합니다.",
)


def _rows(y2: int) -> list[dict]:
    """Tab 1 rows (23 §8.1): key, label, `↳` prefix, sub-note, quality flag (its non-zero cells are links)."""
    def row(key, label, arrow=False, note=None, quality=False):
        return {"key": key, "label": label, "arrow": arrow, "note": note, "quality": quality}
    return [
        row("leads", "리드 수"),
        row("winRate", "체결률"),
        row("winRateMonthly", "체결률(월별입과 제외)", arrow=True),
        row("newWinRate", "신규 체결률"),
        row("newWinRateMonthly", "신규 체결률(월별입과 제외)", arrow=True),
        row("existingWinRate", "기고객 체결률"),
        row("existingWinRateMonthly", "기고객 체결률(월별입과 제외)", arrow=True),
        row("wonAmount", "총 체결액"),
        row("cmRate", "공헌이익률"),
        row("newCustomers", "신규 고객사 수"),
        row("existingCustomers", "기고객 고객사 수"),
        row("retention", f"리텐션율 ({y2})"),
        row("upsell", f"업셀링율 ({y2})"),
        row("qMissingContractDate", "(품질) 계약 체결일 없음/오류 Won 딜 수", note="leadYear 기준", quality=True),
        row("qMissingAmount", "(품질) 금액 없음/오류 Won 딜 수", note="체결연도 기준", quality=True),
        row("qMissingOrg", "(품질) 조직 없음 Won 딜 수", note="체결연도 기준 · 금액 포함, 고객사 제외", quality=True),
        row("qMissingNet", "(품질) net% 누락 Won 딜 수(비온라인)", quality=True),
    ]


def info_line(payload: dict) -> str:
    source = ("(스냅샷 수집 시각)" if payload["meta"]["dataGeneratedAtSource"] == "run_info"
              else "(DB 파일 수정 시각 — run_info 없음)")
    return (f"생성 {kst_minutes(payload['generatedAt'])} KST · 데이터 기준 "
            f"{kst_minutes(payload['dataGeneratedAt'])} KST {source}")


def quality_line(meta: dict) -> str:
    return (f"조직 미지정 {meta['dealsWithoutOrgCount']}건 · 금액 형식 오류 {meta['amountInvalidCount']}건 · "
            f"net% 형식 오류 {meta['netInvalidCount']}건 · 동명 합산 고객사 {len(meta['mergedOrgKeys'])}곳 · "
            f"Won 집계 제외 {meta['wonExcludedCount']}건")


def merged_text(meta: dict) -> str | None:
    entries = [f"{m['key']} = {' + '.join(m['names'])}" for m in meta["mergedOrgKeys"]]
    return "이름이 같아 한 고객사로 합산: " + "; ".join(entries) if entries else None


def render_html(payload: dict) -> str:
    """The complete file. Raises AssetError if an inlined asset would close its own element."""
    script = JS_PATH.read_text(encoding="utf-8")
    css = CSS_PATH.read_text(encoding="utf-8")
    check_assets(script, css, css_name="templates/kpi_report.css")
    env = Environment(loader=FileSystemLoader(REPO / "templates"), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    y1, y2 = payload["compareYears"]
    columns = [{"key": str(y1), "label": str(y1)}, {"key": str(y2), "label": str(y2)},
               {"key": "delta", "label": f"Δ ({y2}-{y1})"}]
    return env.get_template(TEMPLATE).render(
        payload=payload, meta=payload["meta"], y1=y1, y2=y2, csp=csp_content(script), css=Markup(css),
        script=Markup(script), data=Markup(embed_json(payload)), info_line=info_line(payload),
        quality_line=quality_line(payload["meta"]), merged_text=merged_text(payload["meta"]), notes=NOTES,
        rows=_rows(y2), columns=columns, charts=CHARTS,
        segments=[{"key": k, "label": SEGMENT_LABELS[k]} for k in SEGMENTS])
