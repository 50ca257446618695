"""Pieces of the report file (23 §6): the safe JSON data block, the hash-based CSP, the asset check and the
atomic write. The template that puts them together comes with the page (issue 7, next slice)."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from pathlib import Path

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
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
