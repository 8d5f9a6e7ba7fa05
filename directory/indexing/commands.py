"""``flask search ...``: rebuild the index and check it matches the database."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError

from directory.alarm_report import alarm_figures, describe, describe_figures
from directory.indexing import site_search
from directory.indexing.engine import RebuildRefused
from directory.jobs.progress import command_line_progress
from directory.learning import learnt_model, training_cases
from directory.understanding import load_reader
from search import IndexUnavailable
from search.examples import TrainingDataError, split, unknown_codes

search_cli = AppGroup("search", help="The search index.")


@search_cli.command("rebuild")
@click.option(
    "--allow-empty", is_flag=True, help="Replace a non-empty index even if no listing is found."
)
def rebuild_command(allow_empty: bool) -> None:
    """Write the search index afresh from the database."""
    try:
        report = site_search().rebuild(allow_empty=allow_empty, progress=command_line_progress())
    except RebuildRefused as error:
        raise click.ClickException(str(error)) from None
    except (IndexUnavailable, OSError) as error:
        raise click.ClickException(f"Could not write the search index: {error}") from None
    except SQLAlchemyError as error:
        raise click.ClickException(f"Could not read the database: {_first_line(error)}") from None
    click.echo(f"Indexed {report.documents} services in {report.seconds:.1f}s.")


@search_cli.command("train")
@click.option("--force", is_flag=True, help="Build it afresh even if the cached one is current.")
def train_command(force: bool) -> None:
    """Build the learnt reader's model from the training data, if missing or stale (the
    site also builds it at start then)."""
    council = current_app.extensions["council"]
    safety = current_app.extensions["safety_lines"]
    try:
        cases = training_cases()
    except TrainingDataError as error:
        raise click.ClickException(str(error)) from None
    unknown = unknown_codes(cases, [t.code for t in council.terms("need")], safety.dangers)
    if unknown:
        click.echo(f"Learnt but never read here, unknown to this council: {'; '.join(unknown)}")
    built = learnt_model(rebuild=force)
    how = f"trained in {built.seconds:.1f}s" if built.trained else "up to date"
    where = built.path if built.kept else "not cached, as its files changed meanwhile"
    click.echo(
        f"Learnt reader: {built.model.examples} examples ({len(cases)} training sentences, "
        f"a quarter kept for validation), {how}: {where}"
    )
    click.echo(describe(built.model.alarm))
    bands = [
        (band, least)
        for band, least in (("1", built.model.danger_least), ("2", built.model.strip_least))
        if least <= 1
    ]
    if bands:
        readers = {
            language: load_reader(council, safety, language=language)
            for language in current_app.extensions["query_readers"]
        }
        for band, least in bands:
            figures = alarm_figures(readers, split(cases)[1], least)
            click.echo(describe_figures(figures, least, band))


@search_cli.command("health")
def health_command() -> None:
    """Say whether the index matches the database; exit 1 if it does not."""
    try:
        health = site_search().health()
    except SQLAlchemyError as error:
        raise click.ClickException(f"Could not read the database: {_first_line(error)}") from None
    click.echo(f"Engine in use: {health.backend}")
    if health.problem:
        click.echo(f"Problem: {health.problem}")
    click.echo(
        f"Indexed {health.indexed} of {health.expected} active services (for the public and "
        f"for practitioners only; audience and season are applied when searching); "
        f"{health.missing} missing, {health.unexpected} that should not be there, "
        f"{health.stale} out of date."
    )
    if not health.in_step:
        raise click.ClickException(
            "The index does not match the database: run flask search rebuild."
        )
    click.echo("The index matches the database.")


def _first_line(error: SQLAlchemyError) -> str:
    """The driver's own reason, without SQLAlchemy's statement and background link."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
