"""Settings: one table of (name, default, parser, help); the only reader of os.environ in webapp/.

`load_config(app, overrides)`: defaults → environment → overrides (tests) → validation. A bad value stops
start-up with one readable line naming the variable (ConfigError). Every key is documented in
docs/configuration.md (a test checks it). `python -m webapp.config` validates the environment and exits 2
with that line, which start scripts run before gunicorn.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any, Callable

from domain.business_days import parse_holidays_setting
from domain.dates import parse_base_year_setting, parse_today_setting


class ConfigError(ValueError):
    """A setting has a bad value; the message is one line naming the variable."""


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(str(text).strip())
        except ValueError:
            raise ValueError(f"must be an integer between {low} and {high}, got {text!r}") from None
        if not low <= value <= high:
            raise ValueError(f"must be an integer between {low} and {high}, got {text!r}")
        return value
    return parse


def _text(text: str) -> str:
    return str(text)


def _auth_mode(text: str) -> str:
    value = str(text).strip()
    if value not in ("password", "proxy", "none"):
        raise ValueError(f"must be password, proxy or none, got {text!r}")
    return value


def _strip_prefix(parser):
    def parse(text):
        try:
            return parser(text)
        except ValueError as exc:  # the domain parsers name the variable themselves
            message = str(exc)
            for name in ("TODAY ", "BASE_YEAR ", "HOLIDAYS "):
                message = message.removeprefix(name)
            raise ValueError(message) from None
    return parse


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    parse: Callable[[str], Any]
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("DB_PATH", "salesmap_latest.db", _text, "The snapshot SQLite file (may be a symlink); read-only."),
    Setting("PORT", 8000, _int_range(1, 65535), "Port gunicorn binds to (start.sh, make run)."),
    Setting("TZ", "Asia/Seoul", _text, "Process time zone (seed default); code always uses Asia/Seoul explicitly."),
    Setting("TODAY", None, _strip_prefix(parse_today_setting),
            "Override today's date (YYYY-MM-DD, Asia/Seoul) for demos, tests and replays; empty = the clock."),
    Setting("BASE_YEAR", None, _strip_prefix(parse_base_year_setting),
            "The year the dashboard ranks by (2000–2100); empty = today's year − 1."),
    Setting("HOLIDAYS", "KR", _strip_prefix(parse_holidays_setting),
            "Public holidays for business days: KR (Korean public holidays) or none."),
    Setting("ROSTER_PATH", "config/roster.toml", _text, "The sales roster (TOML): teams → parts → members."),
    Setting("RUN_HISTORY_PATH", "logs/run_history.jsonl", _text,
            "The crawler's run history (JSON Lines) shown on /snapshot."),
    Setting("AUTH_MODE", "password", _auth_mode,
            "password | proxy | none. Until authentication is built only none (loopback demo) starts."),
    Setting("SECRET_KEY", None, _text, "Session signing key; required unless AUTH_MODE=none."),
    Setting("SQL_TIME_LIMIT_MS", 2000, _int_range(10, 600_000),
            "Per-query time limit in milliseconds; a slower query answers 503 instead of holding a worker."),
    Setting("CACHE_REDIS_URL", None, _text, "redis://… to share the data cache between processes; empty = per process."),
    Setting("CACHE_TIMEOUT_SEC", 3600, _int_range(1, 7 * 86400),
            "How long computed data stays cached (entries are keyed by the snapshot identity)."),
    Setting("CRM_BASE_URL", None, _text, "Optional Salesmap workspace URL; names link to the CRM when set."),
)
BY_NAME = {s.name: s for s in SETTINGS}


def _parse(setting: Setting, raw: Any) -> Any:
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return setting.default
    if not isinstance(raw, str):
        return raw  # overrides from tests may pass typed values
    try:
        return setting.parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{setting.name} {exc}") from None


def read_settings(environ: dict | None = None, overrides: dict | None = None) -> dict[str, Any]:
    """Defaults → environment → overrides, parsed and validated."""
    environ = os.environ if environ is None else environ
    overrides = overrides or {}
    values = {}
    for setting in SETTINGS:
        raw = overrides[setting.name] if setting.name in overrides else environ.get(setting.name)
        values[setting.name] = _parse(setting, raw)
    _validate(values)
    extra = {k: v for k, v in overrides.items() if k not in BY_NAME}
    return {**values, **extra}


def _validate(values: dict) -> None:
    if values["AUTH_MODE"] != "none":
        raise ConfigError(f"AUTH_MODE={values['AUTH_MODE']} is not available yet (authentication is not built); "
                          "set AUTH_MODE=none to serve without login on a trusted loopback")


def load_config(app, overrides: dict | None = None) -> None:
    app.config.update(read_settings(overrides=overrides))


def main() -> int:
    try:
        read_settings()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
