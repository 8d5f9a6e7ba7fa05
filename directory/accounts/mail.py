"""Sending staff emails (invitations, password resets) through the council's SMTP server."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from directory.config import SmtpSettings

TIMEOUT_SECONDS = 10


class MailFailed(RuntimeError):
    """The SMTP server could not be reached or refused the message."""


def send_email(settings: SmtpSettings, to: str, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    try:
        if settings.security == "tls":
            server: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                timeout=TIMEOUT_SECONDS,
                context=ssl.create_default_context(),
            )
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        with server:
            if settings.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if settings.username:
                server.login(settings.username, settings.password)
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MailFailed(f"Could not send email through {settings.host}: {error}") from error
