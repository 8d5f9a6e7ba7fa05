"""``flask requests purge``: delete the personal detail of requests for support closed
longer ago than the council's retention (run daily, from cron or a scheduler)."""

from __future__ import annotations

from datetime import UTC, datetime

import click
from flask import current_app
from flask.cli import AppGroup

from directory import support_requests

requests_cli = AppGroup("requests", help="Requests for support.")


@requests_cli.command("purge")
def purge_command() -> None:
    """Delete what is personal about requests closed request_retention_days ago or more."""
    days = current_app.extensions["council"].staff.request_retention_days
    purged = support_requests.purge(datetime.now(UTC), days)
    click.echo(
        f"Deleted the personal detail of {purged} requests for support closed {days} days "
        "ago or more."
    )
