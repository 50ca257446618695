"""`python -m kpi_report` (23 §1): build the KPI review report, optionally e-mail it.

Exit codes: 0 success; 2 a usage or configuration error (nothing written); 1 an internal error; 3 the file was
written but the mail was not sent. Every error is one `error: <message>` line on stderr, never a traceback."""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from tqdm import tqdm

from domain.dates import base_year, parse_base_year_setting, parse_today_setting, today_kst
from kpi_report.builder import STEPS, MailNotSent, build
from kpi_report.inputs import DEFAULT_TEAMS, UsageError, default_out_name, parse_teams, parse_years
from kpi_report.render import AssetError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse would print the usage first)
        raise UsageError(message)


def _today_and_base_year(environ) -> tuple[date, int]:
    """Today in KST (`TODAY` honoured: it dates the default file name) and BASE_YEAR (default: today's year − 1,
    as on the dashboard). A bad value is a usage error naming the setting."""
    try:
        today = today_kst(parse_today_setting(environ.get("TODAY")))
        return today, base_year(today, parse_base_year_setting(environ.get("BASE_YEAR")))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parser(environ) -> argparse.ArgumentParser:
    p = _Parser(prog="python -m kpi_report", description="Build the KPI review report (one HTML file).")
    p.add_argument("--db", default=environ.get("DB_PATH") or "salesmap_latest.db")
    p.add_argument("--out", default=None, help="default: <Y2>성과평가_개인KPI_검수용_<years>_<YYYYMMDD>.html here")
    p.add_argument("--roster", default=environ.get("ROSTER_PATH") or "config/roster.toml")
    p.add_argument("--teams", default=",".join(DEFAULT_TEAMS))
    p.add_argument("--existing-orgs", default=environ.get("EXISTING_ORGS_PATH") or "config/existing_orgs.txt")
    p.add_argument("--years", default=None, help="default: BASE_YEAR-1,BASE_YEAR")
    p.add_argument("--email-to", action="append", default=[], metavar="ADDR")
    p.add_argument("--dry-run", action="store_true")
    return p


def run(argv: list[str], environ=None, out=sys.stdout, err=sys.stderr) -> int:
    environ = os.environ if environ is None else environ
    try:
        args = parser(environ).parse_args(argv)
        today, default_year = _today_and_base_year(environ)
        years = parse_years(args.years if args.years is not None else f"{default_year - 1},{default_year}")
        out_path = args.out or default_out_name(years, today)
        # One tick per stage begun; shown only on a terminal (cron and tests see the stdout lines alone).
        with tqdm(total=len(STEPS) if args.email_to else len(STEPS) - 1, desc="kpi_report", unit="stage", file=err,
                  disable=not getattr(err, "isatty", lambda: False)(), leave=False) as bar:
            def step(name):
                bar.set_postfix_str(name)
                bar.update(1)

            result = build(args.db, roster_path=args.roster, existing_orgs_path=args.existing_orgs, years=years,
                           teams=parse_teams(args.teams), out_path=out_path, email_to=args.email_to,
                           dry_run=args.dry_run, environ=environ, step=step)
    except UsageError as exc:
        print(f"error: {exc}", file=err)
        return 2
    except MailNotSent as exc:
        print("\n".join(exc.result.lines), file=out)
        print(f"error: {exc}", file=err)
        return 3
    except AssetError as exc:
        print(f"error: {exc}", file=err)
        return 1
    except Exception as exc:  # noqa: BLE001 — one line, no traceback (23 §1)
        print(f"error: {type(exc).__name__}: {exc}", file=err)
        return 1
    print("\n".join(result.lines), file=out)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
