"""``flask insights purge``: delete search records older than the council's retention."""

from __future__ import annotations

from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup

from directory import insights

insights_cli = AppGroup("insights", help="Search insights.")


@insights_cli.command("purge")
def purge_command() -> None:
    """Delete search records older than the council's insights_retention_months (run daily)."""
    months = current_app.extensions["council"].staff.insights_retention_months
    deleted = insights.purge(date.today(), months)
    click.echo(f"Deleted {deleted} search records older than {months} months.")
