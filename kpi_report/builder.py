"""`kpi_report.build`: options checked in the order of 23 §1, then payload → HTML → atomic write → mail.

Returns a BuildResult with the stdout lines; raises UsageError (exit 2), AssetError (exit 1) or, once the file
is written, MailNotSent (exit 3; its `.result` lets the CLI still print what was built and where)."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from domain.dates import today_kst
from kpi_report import mail
from kpi_report.inputs import DEFAULT_TEAMS, UsageError, build_lines, check_mail_options, default_out_name, prepare
from kpi_report.render import render_html, write_atomic

STEPS = ("reading the snapshot", "rendering the page", "writing the file", "sending the mail")


@dataclass
class BuildResult:
    out_path: Path
    payload: dict
    lines: list[str] = field(default_factory=list)
    eml_path: Path | None = None
    sent_to: list[str] = field(default_factory=list)


class MailNotSent(RuntimeError):
    """The file was written but the mail failed (23 §1 row 14)."""

    def __init__(self, reason: str, result: BuildResult):
        super().__init__(f"mail not sent: {reason}")
        self.result = result


def build(db_path: str | Path, *, roster_path: str | Path, existing_orgs_path: str | Path, years: Sequence[int],
          teams: Sequence[str] = DEFAULT_TEAMS, out_path: str | Path | None = None, now: datetime | None = None,
          email_to: Sequence[str] = (), dry_run: bool = False, environ: dict | None = None,
          step: Callable[[str], None] = lambda name: None) -> BuildResult:
    """Build the report; with the same inputs and `now` the file is byte-identical. `step` is told each stage's
    name (the CLI's progress display)."""
    years = sorted(set(years))
    if len(years) < 2:
        raise UsageError("At least two distinct years must be provided.")
    check_mail_options(list(email_to), dry_run)
    settings = None
    if email_to:
        try:
            settings = mail.mail_settings(os.environ if environ is None else environ, dry_run=dry_run)
        except mail.MailConfigError as exc:
            raise UsageError(str(exc)) from None
    now = now or datetime.now(timezone.utc)
    step(STEPS[0])
    payload, facts = prepare(db_path, roster_path=roster_path, existing_orgs_path=existing_orgs_path, years=years,
                             teams=tuple(teams), now=now)
    step(STEPS[1])
    html = render_html(payload)
    step(STEPS[2])
    target = Path(out_path) if out_path else Path.cwd() / default_out_name(years, today_kst(now=now))
    write_atomic(target, html.encode("utf-8"))
    result = BuildResult(out_path=target, payload=payload, lines=build_lines(payload, facts))
    result.lines.append(f"✅ Report generated: {target}")
    if email_to:
        step(STEPS[3])
        msg = mail.compose(target, payload, list(email_to), settings.sender)
        if dry_run:
            result.eml_path = mail.write_eml(msg, target)
            result.lines.append(f"✉ Dry run: message written to {result.eml_path}")
        else:
            try:
                mail.send(msg, settings)
            except mail.MailError as exc:
                raise MailNotSent(str(exc), result) from None
            result.sent_to = list(email_to)
            result.lines.append(f"✉ Sent to {len(email_to)} recipient(s): {', '.join(email_to)}")
    return result
