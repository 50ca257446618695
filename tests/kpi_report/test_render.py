"""Safe embedding, CSP hash, asset check and atomic write of 23 §6 / §1."""
import base64
import hashlib
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_report.render import AssetError, check_assets, csp_content, embed_json, script_hash, write_atomic

NASTY = ["</script><script>alert(1)</script>", "<!--", "-->", "<img src=x onerror=alert(1)>", "a\u2028b\u2029c",
         "\"quoted\" 'single'", "&amp; &lt;", "㈜알파 </SCRIPT >"]


def test_embedded_json_has_no_markup_and_round_trips():
    payload = {"deals": [{"id": str(i), "orgName": name, "dealName": name} for i, name in enumerate(NASTY)]}
    text = embed_json(payload)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == payload


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                    max_leaves=20))
def test_any_payload_round_trips(value):
    text = embed_json({"v": value})
    assert json.loads(text) == {"v": value} and "<" not in text and "\u2028" not in text


def test_csp_hash_is_over_the_exact_script():
    script = "window.x = 1;\n"
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert script_hash(script) == f"sha256-{digest}"
    content = csp_content(script)
    assert content.startswith("default-src 'none'; script-src 'sha256-")
    assert "'unsafe-inline'" not in content.split("script-src", 1)[1].split(";", 1)[0]
    assert "unsafe-eval" not in content and "form-action 'none'" in content


def test_assets_with_closing_tags_are_refused():
    check_assets("var a = '<\\/script>';", "body { color: red }")
    with pytest.raises(AssetError, match="^Asset contains a closing tag: static/kpi_report.js$"):
        check_assets("x = '</Script>'", "")
    with pytest.raises(AssetError, match="closing tag"):
        check_assets("", "</style>")


def test_the_shipped_script_passes_the_check():
    from tests.conftest import REPO
    check_assets((REPO / "static" / "kpi_report.js").read_text(encoding="utf-8"), "")


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path):
    target = tmp_path / "new" / "dir" / "report.html"
    write_atomic(target, b"first")
    write_atomic(target, "둘째".encode())
    assert target.read_bytes() == "둘째".encode() and os.listdir(target.parent) == ["report.html"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path):
    target = tmp_path / "report.html"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomic(target, object())  # not bytes: fails while writing the temp file
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["report.html"]
