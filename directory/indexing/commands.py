"""``flask search ...``: rebuild the index and check it matches the database."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from directory.indexing import site_search
from search import IndexUnavailable

search_cli = AppGroup("search", help="The search index.")


@search_cli.command("rebuild")
def rebuild_command() -> None:
    """Write the search index afresh from the database."""
    try:
        report = site_search().rebuild()
    except IndexUnavailable as error:
        raise click.ClickException(f"Could not write the search index: {error}") from None
    click.echo(f"Indexed {report.documents} services in {report.seconds:.1f}s.")


@search_cli.command("health")
def health_command() -> None:
    """Say whether the index matches the database; exit 1 if it does not."""
    health = site_search().health()
    click.echo(f"Engine in use: {health.backend}")
    if health.problem:
        click.echo(f"Problem: {health.problem}")
    click.echo(
        f"Indexed {health.indexed} of {health.expected} visible services; "
        f"{health.missing} missing, {health.unexpected} that should not be there."
    )
    if not health.in_step:
        raise click.ClickException(
            "The index does not match the database: run flask search rebuild."
        )
    click.echo("The index matches the database.")
