"""``flask reviews remind``: providers are emailed once per listing per review date, with a
link to sign in and nothing personal; their confirmation counts as the review."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from datetime import date, timedelta

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.listings.reminders import send_reminders
from directory.models import ReviewReminder, Service
from tests.support.factories import create_service
from tests.support.staff import make_provider


def _body(message: str) -> tuple[str, str]:
    parsed = email.message_from_string(message, policy=email.policy.default)
    return parsed["Subject"], parsed.get_content()  # type: ignore[union-attr]


def test_providers_are_reminded_once_per_listing_per_review_date(
    make_app: Callable[..., Flask], smtp_server
) -> None:  # type: ignore[no-untyped-def]
    settings, mailbox = smtp_server
    app = make_app(smtp=settings)
    with app.app_context():
        due = create_service("Wordsley Toddler Time", organisation="Wordsley Families Trust")
        create_service(
            "Wordsley Dads",
            organisation="Wordsley Families Trust",
            assured_date=date.today(),
        )
        create_service("Halesowen Dads Group", organisation="Halesowen Dads")
        due_id, organisation = due.id, due.organization_id
    first = make_provider(app, organisation)
    second = make_provider(app, organisation)

    runner = app.test_cli_runner()
    result = runner.invoke(args=["reviews", "remind"])
    assert result.exit_code == 0, result.output
    assert "1 listings (2 emails sent" in result.output
    assert len(mailbox.messages) == 2
    recipients = {email.message_from_string(m)["To"] for m in mailbox.messages}
    assert recipients == {first.email, second.email}
    subject, body = _body(mailbox.messages[0])
    assert "Wordsley Toddler Time" in subject
    assert f"/manage/organisation/listings/{due_id}" in body
    assert "Pat Provider" not in body and first.email not in body

    again = runner.invoke(args=["reviews", "remind"])
    assert again.exit_code == 0 and "0 listings" in again.output
    assert len(mailbox.messages) == 2

    # Confirmed a year ago: a new review date, so one new reminder.
    with app.app_context():
        service = db.session.get(Service, due_id)
        service.assured_date = date.today() - timedelta(days=400)
        db.session.commit()
        report = send_reminders(date.today(), app.extensions["council"])
        assert report.listings == 1
        assert db.session.scalar(sa.select(sa.func.count(ReviewReminder.id))) == 2
    assert len(mailbox.messages) == 4


def test_no_reminder_without_email_set_up(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    result = app.test_cli_runner().invoke(args=["reviews", "remind"])
    assert result.exit_code != 0
    assert "Email is not set up" in result.output
