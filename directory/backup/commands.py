"""``flask backup ...``: back the database up to a file, check a file, restore one."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from directory.backup.archive import BackupError, Manifest, extract
from directory.backup.operations import create_backup, default_name, engine_of, restore_backup
from directory.extensions import db

backup_cli = AppGroup("backup", help="Back up the database, and restore a backup.")


@backup_cli.command("create")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--without-postcodes",
    is_flag=True,
    help="Leave out the postcode tables' rows (reload them with flask postcodes load).",
)
def create_command(path: Path | None, without_postcodes: bool) -> None:
    """Write a backup of the whole database to PATH (a new file, readable by you only).

    PATH may be a folder; by default the file goes in instance/backups/.
    """
    try:
        target = _target(path)
        outcome = create_backup(target, postcodes=not without_postcodes)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    for warning in outcome.warnings:
        click.echo(warning, err=True)
    manifest = outcome.manifest
    click.echo(
        f"Wrote a backup of the {manifest.engine_name} database (schema {manifest.revision}"
        f"{'' if manifest.postcodes else ', without postcodes'}) to {target} "
        f"({_size(target.stat().st_size)}, mode {target.stat().st_mode & 0o777:o})."
    )


@backup_cli.command("check")
@click.argument("path", type=click.Path(path_type=Path))
def check_command(path: Path) -> None:
    """Say what the backup file PATH holds; exit 1 if it is not a usable backup."""
    try:
        with tempfile.TemporaryDirectory(prefix="signpost-check-") as work:
            manifest, _ = extract(path, Path(work))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(_described(manifest))
    click.echo("Its checksum matches: the file is whole.")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--replace", is_flag=True, help="Overwrite a database that already holds data.")
def restore_command(path: Path, yes: bool, replace: bool) -> None:
    """Restore the backup file PATH into the database DATABASE_URL points to.

    Then bring its schema up to date and rebuild the search index.
    """
    where = db.engine.url.render_as_string(hide_password=True)

    def confirm(manifest: Manifest, occupied: list[str]) -> None:
        click.echo(_described(manifest))
        if yes:
            return
        change = "replace everything in" if occupied else "fill"
        click.confirm(f"Restore it and {change} the database {where}?", abort=True)

    try:
        outcome = restore_backup(
            path, replace=replace, confirm=confirm, warn=lambda text: click.echo(text, err=True)
        )
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored {path} into {where}.")
    if outcome.migrated_to:
        click.echo(
            f"Brought the schema up from {outcome.manifest.revision} to {outcome.migrated_to}."
        )
    click.echo(f"Rebuilt the search index: {outcome.indexed} services.")
    if not outcome.manifest.postcodes:
        click.echo(
            "This backup has no postcodes: load them with flask postcodes load (add --source "
            "codepo_gb.zip if the site used the council's own download)."
        )
    click.echo("Staff sessions are not kept in backups: everyone signs in again.")


def _target(path: Path | None) -> Path:
    engine = engine_of(db.engine.url)
    name = default_name(engine, datetime.now(UTC))
    if path is None:
        folder = Path(current_app.instance_path) / "backups"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder / name
    if path.is_dir():
        return path / name
    return path


def _described(manifest: Manifest) -> str:
    postcodes = "with postcodes" if manifest.postcodes else "without postcodes"
    tool = f"pg_dump {manifest.tool_version}" if manifest.engine == "postgresql" else "SQLite"
    return (
        f"A backup of a {manifest.engine_name} database taken {manifest.created_at} by "
        f"Signpost {manifest.app_version} ({tool}), schema {manifest.revision}, {postcodes}."
    )


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024:
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size:.1f} GB"
