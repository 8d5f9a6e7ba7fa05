"""Review reminders to providers: when a listing reaches its review date, the people of
its organisation are emailed a link (sign-in needed) to confirm it or propose changes.

Once per listing per review date, however often the command runs: a reminder is claimed
by inserting its row (unique on listing and date) before any email goes, so two runs at
once cannot both send, and a claim whose every email failed is let go for the next run.
The email names the listing and nothing about anyone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext
from sqlalchemy.exc import IntegrityError

from directory.accounts.mail import MailFailed, send_email
from directory.council import Council
from directory.extensions import db
from directory.models import ReviewReminder, Role, Service, ServiceStatus, User
from directory.models.proposals import NEVER_CHECKED
from directory.public_address import public_url
from directory.review import listing_due

REMINDED_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)


class MailNotSetUp(RuntimeError):
    """There is no SMTP server to send reminders through."""


@dataclass
class RemindReport:
    listings: int = 0
    emails: int = 0
    failed: int = 0


def _providers() -> dict[str, list[User]]:
    """Everyone who can sign in for an organisation, by organisation."""
    people = db.session.scalars(
        sa.select(User).where(
            User.role == Role.PROVIDER,
            User.organization_id.is_not(None),
            User.disabled.is_(False),
            User.password_hash.is_not(None),
        )
    )
    found: dict[str, list[User]] = {}
    for person in people:
        found.setdefault(person.organization_id or "", []).append(person)
    return found


def _claim(service_id: str, due: date) -> ReviewReminder | None:
    reminder = ReviewReminder(service_id=service_id, due=due, recipients=0)
    db.session.add(reminder)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return reminder


def send_reminders(today: date, council: Council) -> RemindReport:
    """Email the providers of every listing at or past its review date not yet reminded."""
    smtp = current_app.extensions["signpost_config"].smtp
    if smtp is None:
        raise MailNotSetUp("Email is not set up (SMTP_HOST), so no reminder can be sent.")
    providers = _providers()
    report = RemindReport()
    if not providers:
        return report
    services = db.session.scalars(
        sa.select(Service)
        .where(Service.organization_id.in_(list(providers)), Service.status.in_(REMINDED_STATUSES))
        .order_by(Service.name, Service.id)
    ).all()
    already = {
        (row.service_id, row.due)
        for row in db.session.execute(
            sa.select(ReviewReminder.service_id, ReviewReminder.due).where(
                ReviewReminder.service_id.in_([s.id for s in services])
            )
        )
    }
    for service in services:
        due = listing_due(service, council)
        if due is not None and due > today:
            continue
        key = due or NEVER_CHECKED
        if (service.id, key) in already:
            continue
        reminder = _claim(service.id, key)
        if reminder is None:
            continue
        sent = _send(service, providers[service.organization_id], smtp, council, report)
        if sent:
            reminder.recipients = sent
            report.listings += 1
        else:
            db.session.delete(reminder)
        db.session.commit()
    return report


def _send(
    service: Service, people: list[User], smtp, council: Council, report: RemindReport
) -> int:  # type: ignore[no-untyped-def]
    subject = gettext("Is %(name)s still right?", name=service.name)
    # The template alone, without the site's context processors: there is no request here.
    body = current_app.jinja_env.get_template("manage/email/review_reminder.txt").render(
        name=service.name,
        service_name=council.service_name,
        link=public_url("manage_provider.listing", service_id=service.id),
    )
    sent = 0
    for person in people:
        try:
            send_email(smtp, person.email, subject, body)
        except MailFailed:
            current_app.logger.exception("Could not send a review reminder")
            report.failed += 1
            continue
        sent += 1
        report.emails += 1
    return sent
