"""`python -m kpi_report` and `kpi_report.build` (23 §1, §11 item 4, Examples 1 and 9): stdout lines, the
default file name, exit codes 0/1/2/3 with one `error:` line, nothing written on a usage error, the file kept
when the mail fails, determinism with a fixed `now`, and the root shim."""
import email
import email.policy
import io
import os
import re
import subprocess
import sys
from datetime import datetime, timezone

import pytest

import kpi_report
from kpi_report import render
from kpi_report.__main__ import run
from kpi_report.render import csp_content
from tests.conftest import REPO
from tests.kpi_report.example import ROSTER, write_example
from tests.kpi_report.test_mail import TO, Inbox, check_message, free_port, server

NAME = "2025성과평가_개인KPI_검수용_2024vs2025_20260119.html"
EXAMPLE_1 = [
    "[build] Selected net% column: Net(%)",
    "[build] deals with netPercent != null: 9",
    "[build] dataGeneratedAt: 2026-01-18T18:04:12.345678Z (run_info)",
    "[build] teams: edu1, edu2",
    "[build] deals in file: 14, filtered out (outside roster): 2",
]
NOW = datetime(2026, 1, 19, 0, 10, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return write_example(tmp_path_factory.mktemp("cli"))


def cli(files, *extra, env=None, cwd=None, with_files=True):
    """run() in-process with the example's files; → (exit code, stdout, stderr)."""
    args = ["--db", str(files["db"]), "--roster", str(files["roster"]), "--existing-orgs", str(files["existing"])]
    out, err = io.StringIO(), io.StringIO()
    environ = {"TODAY": "2026-01-19", **(env or {})}
    previous = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        code = run((args if with_files else []) + list(extra), environ=environ, out=out, err=err)
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def test_example_1_stdout_and_default_name(files, tmp_path):
    code, out, err = cli(files, "--years", "2024,2025", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.splitlines() == EXAMPLE_1 + [f"✅ Report generated: {NAME}"]
    assert (tmp_path / NAME).is_file() and [p.name for p in tmp_path.iterdir()] == [NAME]


def test_years_default_from_base_year_and_today(files, tmp_path):
    code, out, _ = cli(files, cwd=tmp_path, env={"TODAY": "2026-01-19"})  # BASE_YEAR defaults to 2025
    assert code == 0 and out.splitlines()[-1] == f"✅ Report generated: {NAME}"
    code, out, _ = cli(files, cwd=tmp_path, env={"TODAY": "2026-01-19", "BASE_YEAR": "2024"})
    assert code == 0 and out.splitlines()[-1].endswith("2024성과평가_개인KPI_검수용_2023vs2024_20260119.html")


def test_widened_teams(files, tmp_path):
    code, out, _ = cli(files, "--teams", "edu1,edu2,public", "--out", str(tmp_path / "r.html"))
    assert code == 0
    assert out.splitlines()[3:5] == ["[build] teams: edu1, edu2, public",
                                     "[build] deals in file: 15, filtered out (outside roster): 1"]
    assert "Filtered out (outside roster): 1</span>" in (tmp_path / "r.html").read_text(encoding="utf-8")


def usage_cases(files, tmp_path):
    twice = tmp_path / "twice.toml"
    twice.write_text(ROSTER.replace('"온라인셀" = ["직원바"]', '"온라인셀" = ["직원바", "직원가B"]'), encoding="utf-8")
    text_db = tmp_path / "text.db"
    text_db.write_text("plain text, not SQLite " * 40)
    return [
        (["--years", "2024,20x5"], {}, "error: Invalid year value: 20x5"),
        (["--years", "2025"], {}, "error: At least two distinct years must be provided."),
        (["--email-to", "a b@c"], {}, "error: Invalid e-mail address: a b@c"),
        (["--dry-run"], {}, "error: --dry-run needs at least one --email-to"),
        (["--email-to", "a@b.c"], {"MAIL_FROM": "k@x.y"}, "error: SMTP_HOST is not set"),
        (["--email-to", "a@b.c", "--dry-run"], {}, "error: MAIL_FROM is not set"),
        (["--db", str(tmp_path / "none.db")], {}, f"error: DB file not found: {tmp_path / 'none.db'}"),
        (["--db", str(text_db)], {}, f"error: Not a SQLite database: {text_db}"),
        (["--existing-orgs", str(tmp_path / "no.txt")], {}, f"error: Existing orgs file not found: {tmp_path / 'no.txt'}"),
        (["--roster", str(twice)], {}, None),
        (["--teams", "edu1,edu3"], {}, "error: Unknown team key: edu3. Roster keys: edu1, edu2, public"),
        (["--teams", " , "], {}, "error: --teams needs at least one team key"),
        (["--bogus"], {}, "error: unrecognized arguments: --bogus"),
        ([], {"TODAY": "2026-13-01"}, "error: TODAY must be a date YYYY-MM-DD, got '2026-13-01'"),
        ([], {"BASE_YEAR": "25"}, "error: BASE_YEAR must be a year between 2000 and 2100, got '25'"),
    ]


def test_usage_errors_exit_2_with_one_line_and_write_nothing(files, tmp_path):
    out_dir = tmp_path / "out"
    for extra, env, message in usage_cases(files, tmp_path):
        code, out, err = cli(files, *extra, "--out", str(out_dir / "r.html"), env=env)
        assert code == 2 and out == "", (extra, err)
        assert len(err.splitlines()) == 1 and "Traceback" not in err, err
        if message is None:  # the shared roster loader's message names both places
            assert err.startswith("error: ") and "직원가" in err and "온라인셀" in err and "1파트" in err
        else:
            assert err.strip() == message
        assert not out_dir.exists()


def test_asset_with_a_closing_tag_exits_1(files, tmp_path, monkeypatch):
    bad = tmp_path / "kpi_report.js"
    bad.write_text('var x = "</script>";', encoding="utf-8")
    monkeypatch.setattr(render, "JS_PATH", bad)
    code, out, err = cli(files, "--out", str(tmp_path / "r.html"))
    assert (code, out) == (1, "")
    assert err == "error: Asset contains a closing tag: static/kpi_report.js\n"
    assert not (tmp_path / "r.html").exists()


def test_unexpected_error_is_one_line_exit_1(files, tmp_path, monkeypatch):
    def boom(payload):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr("kpi_report.builder.render_html", boom)
    code, _, err = cli(files, "--out", str(tmp_path / "r.html"))
    assert code == 1 and err == "error: ZeroDivisionError: division by zero\n"


def test_mail_failure_exits_3_and_keeps_the_file(files, tmp_path):
    env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(free_port()), "SMTP_STARTTLS": "0", "MAIL_FROM": "k@x.y"}
    code, out, err = cli(files, "--email-to", "a@b.c", "--out", str(tmp_path / "r.html"), env=env)
    assert code == 3
    assert out.splitlines()[-1] == f"✅ Report generated: {tmp_path / 'r.html'}"
    assert err.startswith("error: mail not sent: ConnectionRefusedError") and len(err.splitlines()) == 1
    assert (tmp_path / "r.html").stat().st_size > 10_000


def test_sent_through_smtp(files, tmp_path):
    inbox = Inbox()
    controller = server(inbox)
    try:
        env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(controller.port), "SMTP_STARTTLS": "0",
               "MAIL_FROM": "kpi@example.com"}
        code, out, _ = cli(files, "--email-to", TO[0], "--email-to", TO[1], "--out", str(tmp_path / NAME), env=env)
    finally:
        controller.stop()
    assert code == 0
    assert out.splitlines()[-1] == f"✉ Sent to 2 recipient(s): {TO[0]}, {TO[1]}"
    (msg,) = inbox.messages
    check_message(msg, tmp_path / NAME)


def test_example_9_dry_run(files, tmp_path):
    code, out, err = cli(files, "--email-to", TO[0], "--email-to", TO[1], "--dry-run", cwd=tmp_path,
                         env={"MAIL_FROM": "kpi@example.com"})
    eml = NAME.replace(".html", ".eml")
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [f"✅ Report generated: {NAME}", f"✉ Dry run: message written to {eml}"]
    check_message(email.message_from_bytes((tmp_path / eml).read_bytes(), policy=email.policy.default),
                  tmp_path / NAME)


def test_build_is_deterministic_and_replaces_whole(files, tmp_path):
    kwargs = dict(roster_path=files["roster"], existing_orgs_path=files["existing"], years=[2024, 2025], now=NOW)
    first = kpi_report.build(files["db"], out_path=tmp_path / "a.html", **kwargs)
    (tmp_path / "b.html").write_text("old content " * 100000)
    second = kpi_report.build(files["db"], out_path=tmp_path / "b.html", **kwargs)
    assert first.out_path.read_bytes() == second.out_path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]  # no temp file left
    assert first.payload["generatedAt"] == "2026-01-19T00:10:00+00:00"
    assert first.lines == EXAMPLE_1 + [f"✅ Report generated: {tmp_path / 'a.html'}"]


def test_the_file_is_self_contained_and_safe(files, tmp_path):
    result = kpi_report.build(files["db"], roster_path=files["roster"], existing_orgs_path=files["existing"],
                              years=[2024, 2025], now=NOW, out_path=tmp_path / "r.html")
    html = result.out_path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>\n<html lang=\"ko\">")
    assert '<meta charset="utf-8">' in html and 'name="viewport"' in html
    assert "http:" not in html and "https:" not in html
    assert "<link" not in html and "@import" not in html and "url(" not in html
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert len(scripts) == 1 and scripts[0] == (REPO / "static" / "kpi_report.js").read_text(encoding="utf-8")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp and csp.start() < html.index("<script")
    assert csp.group(1).replace("&#39;", "'") == csp_content(scripts[0])
    assert "unsafe-eval" not in csp.group(1) and "script-src 'unsafe-inline'" not in csp.group(1).replace("&#39;", "'")
    assert re.search(r"\son[a-z]+=", html) is None  # no inline event handlers
    assert re.search(r"""\s(?:src|href|action|xlink:href)=""", html) is None
    assert "<title>2025 성과평가용 개인 KPI 검수 리포트</title>" in html
    assert "<h1>2025 성과평가용 개인 KPI 검수 리포트</h1>" in html
    assert "조직 미지정 1건 · 금액 형식 오류 1건 · net% 형식 오류 1건 · 동명 합산 고객사 1곳 · Won 집계 제외 2건" in html
    assert "데이터 기준 2026-01-19 03:04 KST (스냅샷 수집 시각)" in html
    assert "이름이 같아 한 고객사로 합산: 알파 = ㈜알파 + 알파 주식회사" in html
    assert oct(result.out_path.stat().st_mode & 0o777) != oct(0o600)


@pytest.mark.parametrize("entry", [["-m", "kpi_report"], ["build_kpi_review_report.py"]])
def test_module_and_root_shim(files, tmp_path, entry):
    args = ["--db", str(files["db"]), "--roster", str(files["roster"]), "--existing-orgs", str(files["existing"]),
            "--out", str(tmp_path / "r.html"), "--years", "2024,2025"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "TODAY": "2026-01-19"}
    script = [str(REPO / entry[0])] if entry[0].endswith(".py") else entry
    done = subprocess.run([sys.executable, *script, *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == EXAMPLE_1 + [f"✅ Report generated: {tmp_path / 'r.html'}"]
    bad = subprocess.run([sys.executable, *script, "--db", str(tmp_path / "x.db")], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr == f"error: DB file not found: {tmp_path / 'x.db'}\n"


def test_build_default_name_uses_the_kst_date_of_now(files, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    late = datetime(2026, 1, 18, 15, 30, tzinfo=timezone.utc)  # 2026-01-19 00:30 KST
    result = kpi_report.build(files["db"], roster_path=files["roster"], existing_orgs_path=files["existing"],
                              years=[2024, 2025], now=late)
    assert result.out_path == tmp_path / NAME and result.out_path.is_file()
