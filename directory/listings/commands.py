"""``flask listings ...``: import files, list batches, roll one back, export the directory."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from directory.exports.listings import public_services
from directory.exports.oruk_json import oruk_page
from directory.exports.template_csv import write_template_csv
from directory.extensions import db
from directory.jobs.progress import command_line_progress
from directory.jobs.records import create_job
from directory.jobs.running import run_now
from directory.listings.importing import ImportOptions, import_listings
from directory.listings.mappings import MappingError, read_mapping_file, saved_mapping
from directory.listings.report import WriteReport
from directory.listings.rollback import RollbackRefused, plan_rollback
from directory.listings.writer import DEFAULT_WITHDRAW_SHARE
from directory.models import ImportBatch
from directory.models.requests import REQUEST_BATCH_KIND
from importers.problems import in_english
from importers.template import COLUMN_NAMES, COLUMNS

listings_cli = AppGroup("listings", help="Import, roll back and export listings.")
ACTOR = "flask listings"


@listings_cli.command("import")
@click.argument("file")
@click.option("--source", required=True, help="Who the listings come from, e.g. fis-spreadsheet.")
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON of their column names to the template's; remembered for the source.",
)
@click.option("--sheet", help="The sheet of an .xlsx file to read (default: the first).")
@click.option("--apply", "apply_", is_flag=True, help="Write the changes (without it: dry run).")
@click.option(
    "--full-feed",
    is_flag=True,
    help="The file is everything the source lists: withdraw what it leaves out.",
)
@click.option(
    "--allow-mass-withdrawal",
    is_flag=True,
    help=f"Withdraw even more than {DEFAULT_WITHDRAW_SHARE:.0%} of the source's listings.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
def import_command(
    file: str,
    source: str,
    mapping: Path | None,
    sheet: str | None,
    apply_: bool,
    full_feed: bool,
    allow_mass_withdrawal: bool,
    as_json: bool,
) -> None:
    """Check FILE (CSV, XLSX or ORUK JSON, or an ORUK API's /services address) and show
    what would change; --apply writes it."""
    with in_english():
        try:
            columns = read_mapping_file(mapping) if mapping else saved_mapping(source)
        except MappingError as error:
            _fail_early(str(error), as_json)
            return
        if apply_:
            params = {
                "file": file if "://" in file else str(Path(file).resolve()),
                "source": source,
                "full_feed": full_feed,
                "allow_mass_withdrawal": allow_mass_withdrawal,
                "columns": columns,
                "sheet": sheet,
            }
            run = _as_job("import", params)
        else:
            run = import_listings(
                file if file.startswith(("http://", "https://")) else Path(file),
                ImportOptions(
                    source=source,
                    actor=ACTOR,
                    full_feed=full_feed,
                    allow_mass_withdrawal=allow_mass_withdrawal,
                    columns=columns,
                    sheet=sheet,
                ),
                current_app.extensions["council"],
                progress=command_line_progress(),
            )
        if run.report is None:
            _fail_early(str(run.refused), as_json)
            return
        if as_json:
            click.echo(json.dumps(run.report.as_json(), indent=2, default=str))
        else:
            _print_report(file, run.report, run.rows)
    if not run.report.ok:
        raise SystemExit(1)


def _fail_early(message: str, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"errors": [{"where": "File", "what": message}]}))
        raise SystemExit(1)
    raise click.ClickException(message)


def _print_report(file: str, report: WriteReport, rows: int) -> None:
    name = file if "://" in file else Path(file).name
    if report.applied:
        click.echo(f"Imported {name} for {report.source!r} as batch {report.batch}:")
    elif report.ok and not (report.created or report.changed or report.withdrawn):
        click.echo(f"{name} for {report.source!r}: nothing to change.")
    else:
        click.echo(f"Dry run of {name} for {report.source!r} (nothing written):")
    counts = report.counts()
    click.echo(f"  {'rows read':<12}{rows:>7}")
    for label in (
        "created",
        "changed",
        "unchanged",
        "withdrawn",
        "conflicts",
        "errors",
        "warnings",
    ):
        click.echo(f"  {label:<12}{counts[label]:>7}")
    _section("Errors (nothing can be written until they are fixed)", map(str, report.errors))
    if report.refused:
        _section("Refused", [report.refused])
    _section("Warnings", map(str, report.warnings))
    _section(
        "Changed",
        (
            f"{change.key} {change.name}: "
            + "; ".join(
                f"{name} {_short(old)} -> {_short(new)}"
                for name, (old, new) in change.fields.items()
            )
            for change in report.changed
        ),
    )
    _section("Created", (f"{change.key} {change.name}" for change in report.created))
    _section("Withdrawn", (f"{change.key} {change.name}" for change in report.withdrawn))
    _section(
        "Conflicts (an editor changed these here; their version is kept)",
        (
            f"{c.key} {c.name}: {c.field} kept {_short(c.kept)}, the file says {_short(c.incoming)}"
            for c in report.conflicts
        ),
    )
    _section(
        "Likely duplicates of listings from other sources (not merged)",
        (
            f"{d.key} {d.name} ~ {d.other_source}/{d.other_key} {d.other_name}: {d.reason}"
            for d in report.duplicates
        ),
    )
    _section(
        "Terms not in the council file (map them to the council's own terms)",
        (f"{scheme}: {', '.join(codes)}" for scheme, codes in report.unknown_terms.items()),
    )
    if report.ok and not report.applied and (report.created or report.changed or report.withdrawn):
        click.echo("Run again with --apply to write these changes.")


def _section(title: str, lines: Any) -> None:
    lines = list(lines)
    if lines:
        click.echo(f"{title}:")
        for line in lines:
            click.echo(f"  {line}")


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@listings_cli.command("batches")
@click.option("--limit", default=20, show_default=True, help="How many of the latest to list.")
def batches_command(limit: int) -> None:
    """List applied batches, newest first, with their counts."""
    batches = db.session.scalars(
        sa.select(ImportBatch)
        .where(ImportBatch.kind != REQUEST_BATCH_KIND)
        .order_by(ImportBatch.created_at.desc())
        .limit(limit)
    ).all()
    if not batches:
        click.echo("No batches yet.")
    for batch in batches:
        counts = ", ".join(f"{name} {count}" for name, count in batch.counts.items() if count)
        state = f" (rolled back by {batch.rolled_back_by_id})" if batch.rolled_back_by_id else ""
        click.echo(
            f"{batch.id}  {batch.created_at:%Y-%m-%d %H:%M}  {batch.kind:<8} {batch.source}  "
            f"{counts or 'no changes'}{state}"
        )


def _as_job(kind: str, params: dict[str, Any]) -> Any:
    """Run the work as a job in this process (recorded like the worker's), with a bar."""
    try:
        return run_now(create_job(kind, ACTOR, params), command_line_progress())
    except RollbackRefused as error:
        raise click.ClickException(str(error)) from None


@listings_cli.command("rollback")
@click.argument("batch")
@click.option("--yes", is_flag=True, help="Do not ask, even when it removes many listings.")
def rollback_command(batch: str, yes: bool) -> None:
    """Put every listing BATCH touched back as it was before it (a rollback is a batch of
    its own, so rolling it back puts BATCH back)."""
    plan = plan_rollback(batch)
    with in_english():
        if plan is None:
            raise click.ClickException(f"There is no batch {batch}.")
        if plan.refusal:
            raise click.ClickException(plan.refusal)
        click.echo(
            f"Rolling back batch {batch}: {plan.removed} listings removed, "
            f"{plan.changed_back} changed back, {plan.relisted} withdrawn listed again, "
            f"{plan.recreated} put back, {plan.other_records} organisations and venues."
        )
        if plan.large and not yes:
            click.confirm(f"This removes {plan.removed} listings. Go ahead?", abort=True)
        result = _as_job("rollback", {"batch": batch})
    click.echo(
        f"Rolled back batch {result.batch} as batch {result.rolled_back}: "
        f"{result.restored} restored, {result.deleted} removed, {result.recreated} put back."
    )


@listings_cli.command("export")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["csv", "oruk"]),
    default="csv",
    show_default=True,
    help="The import template as CSV, or Open Referral UK JSON.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of printing.",
)
def export_command(format_: str, output: Path | None) -> None:
    """Write every listing families can see today."""
    services = public_services(date.today())
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if format_ == "csv":
            count = write_template_csv(services, handle, for_public=True)
        else:
            page = oruk_page(services, current_app.extensions["council"])
            json.dump(page, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
            count = page["total_items"]
    finally:
        if output:
            handle.close()
    if output:
        click.echo(f"Wrote {count} services to {output}.")


@listings_cli.command("template")
@click.option("--example", is_flag=True, help="Add an example row under the column names.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of printing.",
)
def template_command(example: bool, output: Path | None) -> None:
    """Print the blank CSV import template (or one with an example row)."""
    rows = [list(COLUMN_NAMES)]
    if example:
        rows.append([column.example for column in COLUMNS])
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    finally:
        if output:
            handle.close()
