"""Form-memo cleaning with phone redaction (20_org_tables §4.3), for the won-groups JSON only.

Web-form memos are `- label : value` lines; the cleaner keeps the informative fields as a dict, drops the
routing notice and low-value memos, and always redacts phone numbers.
"""
from __future__ import annotations

import re

PHONE = re.compile(r"(?<!\d)(?:\+82[ -]?|0)(?:1[016789]|2|[3-6][1-5]|70)[ .-]?\d{3,4}[ .-]?\d{4}(?!\d)")
ROUTING = "단, 1차 유선 통화시 미팅이 필요하다고 판단되면 바로 미팅 요청"
DROPPED_KEYS = frozenset({"고객전화", "회사기업규모", "회사업종", "방문경로", "개인정보수집동의", "고객마케팅수신동의",
                          "SkyHive'sPrivacyPolicy", "ATD'sPrivacyNotice", "개인정보제3자제공동의", "고객utm_source",
                          "고객utm_medium", "고객utm_campaign", "고객utm_content"})
LOW_VALUE = frozenset({"고객이름", "고객이메일", "회사이름", "고객담당업무", "고객직급/직책"})
_LINE = re.compile(r"^[-•]?\s*([^:]+):\s*(.*)$")
DROP = object()


def redact_phones(text: str) -> str:
    return PHONE.sub("[phone]", text)


def _logical_lines(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if ":" in line or not lines:
            lines.append(line)
        else:
            lines[-1] = f"{lines[-1]} {line}"
    return lines


def clean_form_memo(text: str | None):
    """DROP, a dict (cleanText), or the text to keep (phone-redacted)."""
    if not text:
        return text or ""
    text = text.replace("\r\n", "\n").replace("\n\n", "\n").replace(":)", "")
    if ROUTING in text:
        return DROP
    if "utm_source" not in text and "고객 마케팅 수신 동의" not in text:
        return redact_phones(text)
    fields: dict[str, str] = {}
    for line in _logical_lines(text):
        match = _LINE.match(line.strip())
        if not match:
            continue
        key, value = match.group(1).strip(), match.group(2).strip().strip(".")
        if value in ("", "(공백)", "-"):
            continue
        norm = key.replace(" ", "")
        if norm in DROPPED_KEYS:
            continue
        out_key = "question" if ("궁금" in norm or "고민" in norm) else norm
        fields.setdefault(out_key, redact_phones(value))
    if not fields:
        return redact_phones(text)
    if set(fields) == LOW_VALUE:
        return DROP
    return fields
