"""Form-memo cleaning and phone redaction (20 §4.3, §8.5)."""
import pytest

from webapp.form_memo import DROP, clean_form_memo, redact_phones

LONG = ("- 고객 이름 : 고객 가\n- 고객 이메일 : a@example.com\n- 고객 전화 : 010-0000-0000\n- 회사 이름 : 오메가전자\n"
        "- 회사 기업 규모 : 대기업\n- 교육 관련 궁금하신 점 : 팀장 대상 과정이\n필요합니다.\n- 고객 utm_source : google\n"
        "- 고객 마케팅 수신 동의 : 동의")


@pytest.mark.parametrize("text, expected", [
    ("- 고객 이름 : 가\n- 고객 전화 : 010-0000-0000\n", "- 고객 이름 : 가\n- 고객 전화 : [phone]\n"),
    ("- 고객 이름 : 가\n- 고객 이메일 : a@b.example.com\n- 고객 전화 : 010-1\n- 회사 이름 : c\n- 고객 담당 업무 : d\n"
     "- 고객 직급/직책 : e\n- 고객 utm_source : x", DROP),
    ("- 고객 전화 : 010-0000-0000\n- 고객 utm_source : naver\n- 고객 마케팅 수신 동의 : 동의합니다.",
     "- 고객 전화 : [phone]\n- 고객 utm_source : naver\n- 고객 마케팅 수신 동의 : 동의합니다."),
    ("- 고객 이름 : 가\n- 상담 내용 : 자료는\nhttps://example.com/a 참고\n- 고객 utm_source : naver",
     {"고객이름": "가", "상담내용": "자료는", "https": "//example.com/a 참고"}),
    ("- 고객 이름 : 첫째\n- 고객 이름 : 둘째\n- 예산 : (공백)\n- 인원 : -\n- 일정 : 3월.\n- 고객 utm_source : x",
     {"고객이름": "첫째", "일정": "3월"}),
    ("아무 메모. 단, 1차 유선 통화시 미팅이 필요하다고 판단되면 바로 미팅 요청 부탁", DROP),
    ("안녕하세요 :)\r\n\r\n- 고민 : 리더십\r\n- utm_source : x", {"question": "리더십", "utm_source": "x"}),
    ("• 고객 이름: 가\n고객 utm_source: y\n* 별표 : z", {"고객이름": "가", "*별표": "z"}),
    ("- 고객 이름 : 가\n- 교육 관련 궁금하신 점 : 010-0000-0000로 연락 주세요\n- 고객 utm_source : email",
     {"고객이름": "가", "question": "[phone]로 연락 주세요"}),
    (LONG, {"고객이름": "고객 가", "고객이메일": "a@example.com", "회사이름": "오메가전자", "question": "팀장 대상 과정이 필요합니다"}),
    ("", ""),
])
def test_examples(text, expected):
    assert clean_form_memo(text) == expected


@pytest.mark.parametrize("number", ["010-0000-0000", "01000000000", "02-000-0000", "031-0000-0000", "070-0000-0000",
                                    "+82 10-0000-0000", "010.0000.0000"])
def test_phones_redacted(number):
    assert redact_phones(f"전화 {number} 주세요") == "전화 [phone] 주세요"


@pytest.mark.parametrize("text", ["2025-01-02", "20250102", "0.30억"])
def test_not_phones(text):
    assert redact_phones(text) == text


def test_synthetic_m02_keeps_the_question_without_phones():
    from snapshot.synth.edge_memos import M02_FIELDS
    from snapshot.synth.memo_text import form_memo_lines
    cleaned = clean_form_memo("\n".join(form_memo_lines(M02_FIELDS, False)))
    assert cleaned["question"].startswith("신입사원 대상 생성형 AI 과정 견적 부탁드립니다")
    assert "010-0987-6543" not in str(cleaned) and "[phone]" in cleaned["question"]
