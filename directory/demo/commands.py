import click
from flask import current_app
from flask.cli import AppGroup

from directory.demo.loader import DemoLoadError, directory_is_empty, load_demo

demo_cli = AppGroup("demo", help="The demonstration directory.")


@demo_cli.command("load")
@click.option(
    "--if-empty",
    is_flag=True,
    help="Only load when the directory has no listings at all (for first start-up).",
)
def load_command(if_empty: bool) -> None:
    """Load Dudley's demonstration listings, replacing any loaded before."""
    if if_empty and not directory_is_empty():
        click.echo("The directory already has listings, so the demo data was not loaded.")
        return
    council = current_app.extensions["council"]
    try:
        report = load_demo(council)
    except DemoLoadError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Loaded the demo directory for {council.name} in {report.seconds:.2f} s:")
    for label, count in (
        ("services", report.services),
        ("of which samples", report.samples),
        ("organisations", report.organisations),
        ("locations", report.locations),
        ("dated sessions", report.sessions),
        ("taxonomy terms", report.taxonomy_terms),
    ):
        click.echo(f"  {label:<18}{count:>5}")
