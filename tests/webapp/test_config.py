"""Settings: defaults, parsing, one-line errors naming the variable, documentation (30_style.md §4.7)."""
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO
from webapp.config import SETTINGS, ConfigError, read_settings


def test_defaults_with_auth_none():
    values = read_settings(environ={"AUTH_MODE": "none"})
    assert values["DB_PATH"] == "salesmap_latest.db" and values["PORT"] == 8000
    assert values["RUN_HISTORY_PATH"] == "logs/run_history.jsonl" and values["HOLIDAYS"] == "KR"
    assert values["TODAY"] is None and values["BASE_YEAR"] is None and values["SQL_TIME_LIMIT_MS"] == 2000


def test_environment_is_parsed():
    values = read_settings(environ={"AUTH_MODE": "none", "PORT": "9001", "TODAY": "2026-02-02", "BASE_YEAR": "2024",
                                    "HOLIDAYS": "none", "SQL_TIME_LIMIT_MS": "500"})
    assert (values["PORT"], str(values["TODAY"]), values["BASE_YEAR"], values["HOLIDAYS"]) == (
        9001, "2026-02-02", 2024, "none")


@pytest.mark.parametrize("name, value, words", [
    ("PORT", "abc", "PORT must be an integer between 1 and 65535"),
    ("PORT", "70000", "PORT must be an integer"),
    ("TODAY", "2026-13-01", "TODAY must be a date YYYY-MM-DD"),
    ("BASE_YEAR", "1999", "BASE_YEAR must be a year between 2000 and 2100"),
    ("HOLIDAYS", "US", "HOLIDAYS must be 'KR' or 'none'"),
    ("SQL_TIME_LIMIT_MS", "0", "SQL_TIME_LIMIT_MS must be an integer between 10"),
    ("AUTH_MODE", "sometimes", "AUTH_MODE must be password, proxy or none"),
])
def test_bad_values_name_the_variable(name, value, words):
    with pytest.raises(ConfigError) as err:
        read_settings(environ={"AUTH_MODE": "none", name: value})
    assert str(err.value).startswith(words) and "\n" not in str(err.value)


def test_only_auth_none_starts_until_authentication_exists():
    for mode in ("password", "proxy"):
        with pytest.raises(ConfigError, match=f"AUTH_MODE={mode} is not available yet"):
            read_settings(environ={"AUTH_MODE": mode})
    with pytest.raises(ConfigError, match="AUTH_MODE=password"):
        read_settings(environ={})  # the default is password


def _run(args, env):
    return subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=60,
                          env={"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO), **env})


def test_config_check_command_exits_2_with_one_line():
    bad = _run(["-m", "webapp.config"], {"AUTH_MODE": "none", "PORT": "x"})
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "PORT" in bad.stderr
    assert _run(["-m", "webapp.config"], {"AUTH_MODE": "none"}).returncode == 0


def test_wsgi_stops_with_one_line():
    result = _run(["-c", "import wsgi"], {"AUTH_MODE": "password"})
    assert result.returncode == 4
    assert result.stderr.strip().splitlines() == [
        "configuration error: AUTH_MODE=password is not available yet (authentication is not built); "
        "set AUTH_MODE=none to serve without login on a trusted loopback"]


def test_every_setting_is_documented():
    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert missing == []
    assert all(s.help for s in SETTINGS)
