"""E-mailing the report (23 §12): settings from the environment, the message, SMTP with STARTTLS, dry run.

The password is never logged or put in an error message."""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from kpi_report.numbers import kst_minutes

_TRUE, _FALSE = {"1", "true", "yes"}, {"0", "false", "no"}


class MailConfigError(ValueError):
    """A mail setting is missing or invalid (23 §1 row 5): exit 2 before anything is built."""


class MailError(RuntimeError):
    """The message could not be sent (23 §1 row 14): exit 3, the HTML stays."""


@dataclass(frozen=True)
class MailSettings:
    sender: str
    host: str | None
    port: int
    starttls: bool
    user: str | None = None
    password: str | None = field(default=None, repr=False)


def mail_settings(environ: dict, *, dry_run: bool) -> MailSettings:
    """Read and check SMTP_* and MAIL_FROM; a dry run needs only MAIL_FROM (and valid optional values)."""
    raw_tls = (environ.get("SMTP_STARTTLS") or "1").strip()
    if raw_tls.lower() not in _TRUE | _FALSE:
        raise MailConfigError(f"Invalid SMTP_STARTTLS: {raw_tls}")
    starttls = raw_tls.lower() in _TRUE
    host = (environ.get("SMTP_HOST") or "").strip() or None
    if host is None and not dry_run:
        raise MailConfigError("SMTP_HOST is not set")
    raw_port = (environ.get("SMTP_PORT") or "").strip()
    if raw_port:
        if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
            raise MailConfigError(f"Invalid SMTP_PORT: {raw_port}")
        port = int(raw_port)
    else:
        port = 587 if starttls else 25
    user = (environ.get("SMTP_USER") or "").strip() or None
    password = environ.get("SMTP_PASSWORD") or None
    if user is not None and password is None:
        raise MailConfigError("SMTP_PASSWORD is not set")
    sender = (environ.get("MAIL_FROM") or "").strip()
    if not sender:
        raise MailConfigError("MAIL_FROM is not set")
    return MailSettings(sender=sender, host=host, port=port, starttls=starttls, user=user, password=password)


def data_time_text(payload: dict) -> str:
    """`2026-01-19 03:04 KST`, plus ` (DB 파일 수정 시각)` when the time is the file's mtime."""
    text = kst_minutes(payload["dataGeneratedAt"]) + " KST"
    return text + (" (DB 파일 수정 시각)" if payload["meta"]["dataGeneratedAtSource"] == "file_mtime" else "")


def body_text(payload: dict) -> str:
    y1, y2 = payload["compareYears"]
    meta = payload["meta"]
    return "\n".join([
        "안녕하세요.",
        "",
        f"{payload['title']}를 첨부합니다.",
        f"- 비교 연도: {y1} vs {y2}",
        f"- 데이터 기준: {data_time_text(payload)}",
        f"- 포함 딜: {meta['dealCountAfterOrgMapFilter']}건 (명단 밖 담당자 딜 {meta['filteredByOrgMapCount']}건 제외)",
        "",
        "첨부한 HTML 파일을 내려받아 Chrome 또는 Edge에서 여세요. 인터넷 연결 없이 열립니다.",
        "딜 제외와 사유는 파일을 연 브라우저에만 저장되며 다른 사람에게 전달되지 않습니다.",
    ])


def compose(html_path: Path, payload: dict, recipients: list[str], sender: str) -> EmailMessage:
    """The message: headers, the plain-text body and the HTML file attached under its own name."""
    y1, y2 = payload["compareYears"]
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg["Subject"] = f"[KPI 검수] {payload['title']} ({y1} vs {y2})"
    msg.set_content(body_text(payload), charset="utf-8")
    msg.add_attachment(Path(html_path).read_bytes(), maintype="text", subtype="html",
                       filename=Path(html_path).name, params={"charset": "utf-8"})
    return msg


def write_eml(msg: EmailMessage, html_path: Path) -> Path:
    """The dry run: the complete message next to the HTML, suffix `.eml`."""
    target = Path(html_path).with_suffix(".eml")
    target.write_bytes(bytes(msg))
    return target


def send(msg: EmailMessage, settings: MailSettings) -> None:
    """SMTP → STARTTLS (required when on) → login when a user is set → send. Any failure is a MailError."""
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
            if settings.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.user is not None:
                smtp.login(settings.user, settings.password)
            refused = smtp.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError(f"recipients refused: {', '.join(sorted(exc.recipients))}") from None
    except smtplib.SMTPNotSupportedError:
        raise MailError("the server does not offer STARTTLS (set SMTP_STARTTLS=0 to send without it)") from None
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(f"authentication failed ({exc.smtp_code})") from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        raise MailError(f"{type(exc).__name__}: {exc}") from None
    if refused:
        raise MailError(f"recipients refused: {', '.join(sorted(refused))}")
