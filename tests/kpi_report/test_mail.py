"""Mail of 23 §12 against a real aiosmtpd server on 127.0.0.1 (plain, AUTH, STARTTLS with a throwaway
certificate made by Debian's openssl, a refused recipient) and the dry run."""
import email
import email.policy
import socket
import subprocess

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from kpi_report.mail import MailConfigError, MailError, compose, mail_settings, send, write_eml
from tests.kpi_report.example import write_example
from tests.kpi_report.test_payload import payload_for

HTML_NAME = "2025성과평가_개인KPI_검수용_2024vs2025_20260119.html"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    def __init__(self, refuse=()):
        self.messages, self.envelopes, self.refuse = [], [], set(refuse)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mail")
    payload, _ = payload_for(write_example(folder))
    html = folder / HTML_NAME
    html.write_bytes("<!doctype html><title>리포트</title>\n".encode("utf-8"))
    return payload, html


def server(handler, **kwargs):
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller


def check_message(msg, html):
    assert msg["From"] == "kpi@example.com" and msg["To"] == "eval1@example.com, eval2@example.com"
    assert msg["Subject"] == "[KPI 검수] 2025 성과평가용 개인 KPI 검수 리포트 (2024 vs 2025)"
    assert msg["Date"] and msg["Message-ID"]
    body = msg.get_body(("plain",)).get_content()
    assert "- 비교 연도: 2024 vs 2025\n- 데이터 기준: 2026-01-19 03:04 KST\n- 포함 딜: 14건 (명단 밖 담당자 딜 2건 제외)" in body
    assert body.startswith("안녕하세요.\n\n2025 성과평가용 개인 KPI 검수 리포트를 첨부합니다.")
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_content_type() == "text/html" and attachment.get_filename() == HTML_NAME
    assert attachment.get_payload(decode=True) == html.read_bytes()


ENV = {"SMTP_HOST": "127.0.0.1", "MAIL_FROM": "kpi@example.com", "SMTP_STARTTLS": "0"}
TO = ["eval1@example.com", "eval2@example.com"]


def test_plain_smtp(report):
    payload, html = report
    inbox = Inbox()
    controller = server(inbox)
    try:
        settings = mail_settings({**ENV, "SMTP_PORT": str(controller.port)}, dry_run=False)
        send(compose(html, payload, TO, settings.sender), settings)
    finally:
        controller.stop()
    (msg,) = inbox.messages
    assert inbox.envelopes[0].rcpt_tos == TO
    check_message(msg, html)


def test_auth_login(report):
    payload, html = report
    seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        seen.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret")
    inbox = Inbox()
    controller = server(inbox, authenticator=authenticator, auth_require_tls=False)
    try:
        env = {**ENV, "SMTP_PORT": str(controller.port), "SMTP_USER": "kpi", "SMTP_PASSWORD": "s3cret"}
        settings = mail_settings(env, dry_run=False)
        send(compose(html, payload, TO, settings.sender), settings)
    finally:
        controller.stop()
    assert seen[0] == (b"kpi", b"s3cret") and len(inbox.messages) == 1
    assert "s3cret" not in repr(settings)


def test_starttls_with_a_throwaway_certificate(report, tmp_path, monkeypatch):
    import ssl
    payload, html = report
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    controller = server(inbox, tls_context=context, require_starttls=True)
    try:
        env = {**ENV, "SMTP_PORT": str(controller.port), "SMTP_STARTTLS": "yes"}
        settings = mail_settings(env, dry_run=False)
        with pytest.raises(MailError):  # not trusted yet: the certificate is verified
            send(compose(html, payload, TO, settings.sender), settings)
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        send(compose(html, payload, TO, settings.sender), settings)
        plain = mail_settings({**env, "SMTP_STARTTLS": "0"}, dry_run=False)
        with pytest.raises(MailError):  # the server requires STARTTLS
            send(compose(html, payload, TO, plain.sender), plain)
    finally:
        controller.stop()
    (msg,) = inbox.messages
    check_message(msg, html)


def test_starttls_required_but_not_offered(report):
    payload, html = report
    controller = server(Inbox())
    try:
        settings = mail_settings({**ENV, "SMTP_PORT": str(controller.port), "SMTP_STARTTLS": "1"}, dry_run=False)
        with pytest.raises(MailError, match="STARTTLS"):
            send(compose(html, payload, TO, settings.sender), settings)
    finally:
        controller.stop()


def test_refused_recipient(report):
    payload, html = report
    inbox = Inbox(refuse={"eval2@example.com"})
    controller = server(inbox)
    try:
        settings = mail_settings({**ENV, "SMTP_PORT": str(controller.port)}, dry_run=False)
        with pytest.raises(MailError, match="eval2@example.com"):
            send(compose(html, payload, ["eval2@example.com"], settings.sender), settings)
        with pytest.raises(MailError, match="recipients refused: eval2@example.com"):
            send(compose(html, payload, TO, settings.sender), settings)
    finally:
        controller.stop()


def test_dry_run_writes_the_eml(report):
    payload, html = report
    settings = mail_settings({"MAIL_FROM": "kpi@example.com"}, dry_run=True)
    eml = write_eml(compose(html, payload, TO, settings.sender), html)
    assert eml.name == HTML_NAME.replace(".html", ".eml")
    check_message(email.message_from_bytes(eml.read_bytes(), policy=email.policy.default), html)


@pytest.mark.parametrize("env, message", [
    ({"MAIL_FROM": "a@b"}, "SMTP_HOST is not set"),
    ({"SMTP_HOST": "h"}, "MAIL_FROM is not set"),
    ({"SMTP_HOST": "h", "MAIL_FROM": "a@b", "SMTP_PORT": "x25"}, "Invalid SMTP_PORT: x25"),
    ({"SMTP_HOST": "h", "MAIL_FROM": "a@b", "SMTP_STARTTLS": "maybe"}, "Invalid SMTP_STARTTLS: maybe"),
    ({"SMTP_HOST": "h", "MAIL_FROM": "a@b", "SMTP_USER": "u"}, "SMTP_PASSWORD is not set"),
])
def test_settings_errors(env, message):
    with pytest.raises(MailConfigError) as info:
        mail_settings(env, dry_run=False)
    assert str(info.value) == message


def test_settings_defaults():
    assert mail_settings({"SMTP_HOST": "h", "MAIL_FROM": "a@b"}, dry_run=False).port == 587
    assert mail_settings({"SMTP_HOST": "h", "MAIL_FROM": "a@b", "SMTP_STARTTLS": "False"}, dry_run=False).port == 25
    assert mail_settings({"MAIL_FROM": "a@b"}, dry_run=True).host is None
