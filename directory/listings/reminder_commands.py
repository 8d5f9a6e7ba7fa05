"""``flask reviews remind``: email providers whose listings are due for their review."""

from __future__ import annotations

from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup

from directory.listings.reminders import MailNotSetUp, send_reminders

reviews_cli = AppGroup("reviews", help="Listing reviews.")


@reviews_cli.command("remind")
def remind_command() -> None:
    """Email each provider a link for every listing of theirs at its review date, once per
    listing per review date (safe to run as often as cron likes)."""
    try:
        report = send_reminders(date.today(), current_app.extensions["council"])
    except MailNotSetUp as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Reminded the providers of {report.listings} listings ({report.emails} emails sent"
        f", {report.failed} failed)."
    )
    if report.failed:
        raise SystemExit(1)
