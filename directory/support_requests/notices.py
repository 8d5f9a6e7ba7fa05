"""Emails about requests for support: that there is a request or an update, and a link to
sign in. Never the family's detail, the service's name or the reason: only the link."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale, gettext

from directory.accounts.mail import MailFailed, send_email
from directory.extensions import db
from directory.models import Role, User
from directory.models.requests import SupportRequest
from directory.public_address import public_url

log = logging.getLogger(__name__)


def organisation_users(found: SupportRequest) -> list[str]:
    """The addresses of the receiving organisation's providers who may sign in."""
    return list(
        db.session.scalars(
            sa.select(User.email).where(
                User.organization_id == found.organization_id,
                User.role == Role.PROVIDER,
                User.disabled.is_(False),
                User.password_hash.is_not(None),
            )
        )
    )


def tell_organisation(found: SupportRequest) -> None:
    """A new request, or an answer to the organisation's question."""
    link = public_url("manage_requests.request_page", request_id=found.id)
    for address in organisation_users(found):
        _send(address, link)


def tell_practitioner(found: SupportRequest) -> None:
    """The organisation decided or asked a question."""
    practitioner = db.session.get(User, found.practitioner_id)
    if practitioner is None or not practitioner.is_active:
        return
    _send(practitioner.email, public_url("practitioner_requests.sent_request", request_id=found.id))


def _send(address: str, link: str) -> None:
    config = current_app.extensions["signpost_config"]
    if config.smtp is None:
        return
    council = current_app.extensions["council"]
    with force_locale("en"):
        subject = gettext("%(service)s: a request for support", service=council.service_name)
        body = gettext(
            "There is a new request for support, or an update to one, in %(service)s.\n\n"
            "Sign in to see it:\n%(link)s\n\n"
            "For the family's privacy this email says nothing more.\n",
            service=council.service_name,
            link=link,
        )
    try:
        send_email(config.smtp, address, subject, body)
    except MailFailed:
        log.error("Could not send an email about a request for support")
