"""Running one job: an import, a rollback or an index rebuild, then the re-indexing of
what it changed, recording its state in the job table as it goes.

The worker runs queued jobs (:func:`run_queued`); the command line runs its own job in
its own process (:func:`run_now`), so both leave the same record. A job is done only when
what it changed is searchable. A job that fails leaves nothing half-done: its writes are
in one transaction, rolled back on any error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext

from directory.extensions import db
from directory.indexing.engine import RebuildRefused
from directory.indexing.hooks import reindex_deferred
from directory.jobs.progress import Both, LiveProgress, Progress
from directory.jobs.records import begin, fail, finish, record_phase
from directory.listings.importing import ImportOptions, ImportRun, import_listings
from directory.listings.rollback import RollbackRefused, rollback_batch
from directory.listings.uploads import run_upload
from directory.models import AuditEntry, ImportUpload, Job, ServiceAtLocation
from importers.problems import in_english

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What a job's work gave: its native result (for the command line), what to keep in
    the job's row, and why it failed (None if it did not)."""

    value: Any
    result: dict[str, Any]
    failure: str | None = None


class JobFailed(RuntimeError):
    """The job could not be started here: it is not queued (another process has it)."""


def run_queued(job_id: str) -> None:
    """Run a job the worker took from the queue (a job already taken is left alone)."""
    job = begin(job_id)
    if job is None:
        log.info("Job %s is not queued any more; skipped", job_id)
        return
    try:
        _run(job, LiveProgress(current_app.extensions["jobs"], job.id))
    except Exception:  # recorded in the job's row and logged by _run
        return


def run_now(job: Job, progress: Progress) -> Any:
    """Run a job in this process (the command line), also telling ``progress``. An error
    is recorded in the job's row and raised as it was, for the command to explain."""
    started = begin(job.id)
    if started is None:
        raise JobFailed(f"Job {job.id} is not queued.")
    live = LiveProgress(current_app.extensions["jobs"], job.id)
    return _run(started, Both(live, progress))


def _run(job: Job, progress: Progress) -> Any:
    job_id, kind, params, actor = job.id, job.kind, dict(job.params), job.actor
    written = dict(job.result or {})
    try:
        outcome = _WORK[kind](job_id, params, actor, written, progress)
    except Exception as error:
        log.exception("Job %s (%s) failed", job_id, kind)
        try:
            fail(job_id, _reason(error))
        except Exception:  # a database that refuses this too: the log has the job's error
            log.exception("Could not record that job %s failed", job_id)
        raise
    if outcome.failure is not None:
        fail(job_id, outcome.failure, outcome.result)
    else:
        finish(job_id, outcome.result)
    return outcome.value


def _reason(error: Exception) -> str:
    if isinstance(error, RollbackRefused | RebuildRefused):
        return str(error)
    return str(
        lazy_gettext(
            "The job failed, so nothing was changed: %(error)s",
            error=str(error).strip().splitlines()[0] if str(error).strip() else type(error),
        )
    )


def _import(
    job_id: str, params: dict[str, Any], actor: str, written: dict[str, Any], progress: Progress
) -> Outcome:
    if written.get("batch"):  # written before its worker stopped: index it again
        _index(job_id, _batch_services(written["batch"]), written, progress)
        return Outcome(None, written)
    with reindex_deferred(db.session()) as touched:
        run = _read_and_write(params, actor, progress)
    report = run.report
    if report is None:
        return Outcome(run, {}, str(run.refused))
    with in_english():
        summary = {"counts": report.counts(), "rows": run.rows}
    if not report.ok:
        return Outcome(run, summary, _not_written(report))
    if not report.applied:
        return Outcome(run, {**summary, "nothing_to_change": True})
    result = {**summary, "batch": report.batch}
    _index(job_id, touched, result, progress)
    return Outcome(run, result)


def _read_and_write(params: dict[str, Any], actor: str, progress: Progress) -> ImportRun:
    council = current_app.extensions["council"]
    if "upload" in params:
        upload = db.session.get(ImportUpload, params["upload"])
        if upload is None:
            return ImportRun(
                0,
                None,
                lazy_gettext(
                    "The uploaded file is no longer kept (files are kept for a day): upload "
                    "it again."
                ),
            )
        return run_upload(
            upload,
            council,
            apply=True,
            actor=actor,
            allow_mass_withdrawal=params.get("allow_mass_withdrawal", False),
            progress=progress,
        )
    origin = params["file"]
    return import_listings(
        origin if origin.startswith(("http://", "https://")) else Path(origin),
        ImportOptions(
            source=params["source"],
            actor=actor,
            apply=True,
            full_feed=params.get("full_feed", False),
            allow_mass_withdrawal=params.get("allow_mass_withdrawal", False),
            columns=params.get("columns", {}),
            sheet=params.get("sheet"),
        ),
        council,
        progress=progress,
    )


def _not_written(report: Any) -> str:
    if report.refused:
        return str(report.refused)
    return str(
        lazy_gettext(
            "The file has %(errors)s errors, so nothing was imported. Check the file again to "
            "see them.",
            errors=len(report.errors),
        )
    )


def _rollback(
    job_id: str, params: dict[str, Any], actor: str, written: dict[str, Any], progress: Progress
) -> Outcome:
    if written.get("batch"):
        _index(job_id, _batch_services(written["batch"]), written, progress)
        return Outcome(None, written)
    with reindex_deferred(db.session()) as touched:
        report = rollback_batch(params["batch"], actor, progress)
    result = {
        "batch": report.rolled_back,
        "rolls_back": report.batch,
        "counts": {
            "restored": report.restored,
            "deleted": report.deleted,
            "recreated": report.recreated,
        },
    }
    _index(job_id, touched, result, progress)
    return Outcome(report, result)


def _rebuild(
    job_id: str, params: dict[str, Any], actor: str, written: dict[str, Any], progress: Progress
) -> Outcome:
    record_phase(job_id, "indexing", 0, 0)
    report = current_app.extensions["search"].rebuild(
        allow_empty=params.get("allow_empty", False), progress=progress
    )
    return Outcome(report, {"documents": report.documents, "seconds": round(report.seconds, 1)})


def _index(job_id: str, service_ids: set[str], result: dict[str, Any], progress: Progress) -> None:
    """Re-index what the job changed (committed already), noting that in the job's row
    first, so a worker stopped now is known to have written and is run again to index."""
    record_phase(job_id, "indexing", 0, len(service_ids), result)
    current_app.extensions["search"].update(service_ids, progress=progress)


def _batch_services(batch_id: str) -> set[str]:
    """The services a batch touched: its own audit rows' and those at its venues."""
    entries = sa.select(AuditEntry.entity_id).where(AuditEntry.batch_id == batch_id)
    services = set(db.session.scalars(entries.where(AuditEntry.entity == "service")))
    at_venues = sa.select(ServiceAtLocation.service_id).where(
        ServiceAtLocation.location_id.in_(entries.where(AuditEntry.entity == "venue"))
    )
    services.update(db.session.scalars(at_venues))
    return services


_WORK: dict[str, Callable[[str, dict[str, Any], str, dict[str, Any], Progress], Outcome]] = {
    "import": _import,
    "rollback": _rollback,
    "rebuild": _rebuild,
}
