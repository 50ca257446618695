"""The memo sanitiser and text normalisation (20 §4.1–4.2, §8.6; 11 §8.8 M01)."""
from webapp.memo_render import memo_body, normalise_text, preview, sanitize_html

EXAMPLE_IN = ('<div onclick="x()"><p style="color:red">안녕<script>alert(1)</script></p><span>내용</span>'
              '<a href="javascript:alert(1)">나쁜링크</a><a href=" https://ex.com/a ">좋은링크</a>'
              '<table border="1"><tr><td colspan="2" width="3">A</td><td rowspan="x">B</td></tr></table>'
              '<img src=x><!-- c --><style>p{}</style><a href="example.com/x">상대</a>'
              '<a href="mailto:a@example.com">메일</a><a href="data:text/html,x">데이터</a></div>')
EXAMPLE_OUT = ('<div><p>안녕</p>내용<a target="_blank" rel="noopener noreferrer">나쁜링크</a>'
               '<a href="https://ex.com/a" target="_blank" rel="noopener noreferrer">좋은링크</a>'
               '<div class="memo-table-scroll"><table><tbody><tr><td colspan="2">A</td><td>B</td></tr></tbody></table></div>'
               '<a href="example.com/x" target="_blank" rel="noopener noreferrer">상대</a>'
               '<a href="mailto:a@example.com" target="_blank" rel="noopener noreferrer">메일</a>'
               '<a target="_blank" rel="noopener noreferrer">데이터</a></div>')


def test_worked_example():
    assert sanitize_html(EXAMPLE_IN) == EXAMPLE_OUT


def test_m01_is_neutralised():
    from snapshot.synth.edge_memos import M01_HTML
    out = sanitize_html(M01_HTML)
    for bad in ("<script", "onclick", "onerror", "onmouseover", "javascript:", "<img", "<iframe", "style="):
        assert bad not in out
    assert '<a href="https://docs.example.com/curriculum" target="_blank" rel="noopener noreferrer">최종안</a>' in out
    assert 'rowspan' not in out and 'colspan="2"' in out


def test_text_normalisation():
    assert normalise_text("줄1<br>줄2\r\n줄3\r줄4") == "줄1\n줄2\n줄3\n줄4"
    assert normalise_text("a<BR/>\r\nb") == "a\n\nb"
    assert normalise_text("1차 통화 완료<br>예산 확인 필요\r\n다음 주 재연락\r견적 요청 예정").split("\n") == [
        "1차 통화 완료", "예산 확인 필요", "다음 주 재연락", "견적 요청 예정"]


def test_body_and_preview():
    assert memo_body("x", "<p>견적서 <strong>v2</strong></p>") == {"html": "<p>견적서 <strong>v2</strong></p>", "text": ""}
    assert memo_body("a<br>b", None) == {"html": "", "text": "a\nb"}
    assert memo_body(None, " ") == {"html": "", "text": ""}
    assert memo_body("평문", "<iframe src=x></iframe>") == {"html": "", "text": ""}  # HTML wins, even when empty
    assert preview("", "<p>견적서 <strong>v2</strong> 전달 완료</p>", 120) == "견적서 v2 전달 완료"
    assert preview("가" * 130, None, 120) == "가" * 120 + "…"
