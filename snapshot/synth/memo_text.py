"""Memo text and HTML: web-form memos, routing memos, sales notes (11_data_model.md §7)."""
from __future__ import annotations

import html
import random

from snapshot.synth import vocab
from snapshot.synth.rng import chance, choice, lognormal, randint

ROUTING_SENTENCE = "단, 1차 유선 통화시 미팅이 필요하다고 판단되면 바로 미팅 요청"


def div_html(lines: list[str]) -> str:
    """System memos: one `<div>` per line inside a `<div>`, `<div>&nbsp;</div>` for a blank line."""
    inner = "".join("<div>&nbsp;</div>" if not line else f"<div>{html.escape(line, quote=False)}</div>"
                    for line in lines)
    return f"<div>{inner}</div>"


def form_memo_lines(fields: list[tuple[str, str | None]], header: bool) -> list[str]:
    lines = ["[웹폼 제출 내용]"] if header else []
    lines += [f"- {label} : {value if value not in (None, '') else '(공백)'}" for label, value in fields]
    return lines


def routing_lines(crm_team: str, utm_source: str | None, utm_medium: str | None) -> list[str]:
    return [f"[배정 안내] 본 문의는 {crm_team} 담당으로 배정되었습니다. {ROUTING_SENTENCE} 부탁드립니다.",
            f"- 고객 utm_source : {utm_source or '(공백)'}", f"- 고객 utm_medium : {utm_medium or '(공백)'}"]


_FAMILIES = (
    ("예산 확보 여부 확인 필요", "내년 예산 편성 전 예산 규모 공유 요청", "예산 확보 완료되어 견적 재요청"),
    ("결재 라인 품의 진행 중", "품의서 상신 예정이라 회신 대기", "결재 지연으로 일정 미정"),
    ("의사결정권자 팀장 보고 후 회신 예정", "의사결정 구조 확인 필요", "담당자 변경으로 인수인계 중"),
    ("타사 경쟁사 비교 견적 진행 중", "경쟁사 대비 커리큘럼 차별점 문의", "타사 교육 만족도 낮아 재검토"),
    ("회신 없음, 다음 주 재연락", "부재중으로 메일 남김", "두 차례 연락했으나 회신 없음"),
    ("견적 단가 조정 요청", "할인 가능 여부 문의", "인원 기준 단가 재산정"),
    ("교육 일정 및 차수 조율", "상반기 교육 일정 확정 필요", "차수별 인원 배정 논의"),
    ("올해는 보류, 내년 검토", "우선순위 밀려 보류", "하반기 재논의 예정"),
    ("니즈 파악 후 커리큘럼 초안 전달", "직무별 니즈 정리 요청", "커리큘럼 맞춤 구성 희망"),
)
_OPENERS = ("[ 콜드콜 로그 ]1. 통화 결과- ", "[ 미팅 사후 로그 ]", "[기업 니즈]", "[f.up 필요 사항]", "[고객사 확인사항]",
            "📌 ", "▶ ", "□ ", "■ ", "※ ", "", "", "", "")


def _sentence(r: random.Random) -> str:
    family = choice(r, _FAMILIES)
    text = choice(r, family)
    roll = r.random()
    if roll < 0.08:
        text += f" #{choice(r, vocab.TOPICS).replace(' ', '')}"
    elif roll < 0.14:
        text = "- " + text
    elif roll < 0.18:
        text += " -> " + choice(r, choice(r, _FAMILIES))
    return text


def sales_note(r: random.Random, org_short: str) -> tuple[str, str]:
    """(text, htmlBody) of a note written in the editor: one line of text, paragraphs/lists/tables in HTML."""
    target = min(5800, max(6, int(lognormal(r, 73, 1.75))))
    opener = choice(r, _OPENERS)
    blocks: list[str] = []
    length = len(opener)
    while length < target:
        sentence = _sentence(r)
        if chance(r, 0.15):
            sentence = f"{org_short} {choice(r, vocab.COURSES)} 관련 {sentence}"
        blocks.append(sentence)
        length += len(sentence) + 1
    if opener.startswith("[ 콜드콜"):
        blocks.insert(min(1, len(blocks)), "2. 다음 액션- " + _sentence(r))
    phone = chance(r, 0.02)
    if phone:
        blocks.append(f"담당자 연락처 010-0{randint(r, 0, 999):03d}-{randint(r, 0, 9999):04d}")
    text = opener + " ".join(blocks)
    if chance(r, 0.05):
        text = text.replace(" ", "\xa0", 1)
    roll = r.random()
    if roll < 0.01:
        text = text.replace(" ", "<br>", 1)
    elif roll < 0.02:
        text = text.replace(" ", "\r\n" if chance(r, 0.5) else "\r", 1)
    return text, _note_html(r, opener, blocks)


def _note_html(r: random.Random, opener: str, blocks: list[str]) -> str:
    esc = [html.escape(b, quote=False) for b in blocks]
    parts = [f"<p><strong>{html.escape(opener.strip(), quote=False)}</strong></p>"] if opener.strip() else []
    if len(esc) >= 3 and chance(r, 0.5):
        parts.append(f"<p>{esc[0]}</p>")
        nested = chance(r, 0.01)
        items = "".join(f"<li><p>{b}</p></li>" for b in esc[1:])
        parts.append(f"<ul>{items}<li><ul><li><p>{esc[-1]}</p></li></ul></li></ul>" if nested else f"<ul>{items}</ul>")
    else:
        parts += [f"<p>{b}</p>" if not chance(r, 0.1) else f"<p><em>{b}</em><br></p>" for b in esc]
    roll = r.random()
    if roll < 0.05:
        parts.append('<table><tbody><tr><th colspan="2">구분</th></tr><tr><td>일정</td><td rowspan="1">'
                     f"{choice(r, ('1차수', '2차수', '3월', '하반기'))}</td></tr></tbody></table>")
    elif roll < 0.08:
        parts.append('<p><a href="https://docs.example.com/proposal">제안서 링크</a></p>')
    elif roll < 0.09:
        parts.append('<p><span style="color: rgb(255, 0, 0)">중요</span> <font color="blue">확인</font></p>')
    return "".join(parts)
