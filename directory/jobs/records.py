"""The job table: creating jobs, moving them from queued to done or failed, and reading
how far they have got (the table, with the worker's live counts while one runs)."""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext

from directory.extensions import db, rows_changed
from directory.models import Job
from directory.models.mixins import utc_now

STALE_AFTER_SECONDS = 600
"""A running job whose worker has said nothing for this long is taken to have stopped:
every phase reports at least every few hundred rows."""
RESUMABLE_PHASE = "indexing"
"""A job stopped while indexing has written (and committed) its changes already: running
it again re-indexes them. One stopped earlier changed nothing (its transaction was open)."""

STOPPED = lazy_gettext(
    "The job stopped before it finished (its worker was stopped or restarted). Nothing was "
    "changed: try again."
)


@dataclass(frozen=True)
class JobStatus:
    id: str
    kind: str
    state: str
    phase: str
    done: int
    total: int
    error: str
    result: dict[str, Any]

    @property
    def finished(self) -> bool:
        return self.state in {"done", "failed"}


def create_job(kind: str, actor: str, params: dict[str, Any]) -> Job:
    job = Job(kind=kind, actor=actor, params=params, state="queued", phase="queued")
    db.session.add(job)
    db.session.commit()
    return job


def submit(kind: str, actor: str, params: dict[str, Any]) -> Job:
    """Create a job and put it on the queue; a queue that cannot be reached fails it."""
    job = create_job(kind, actor, params)
    try:
        current_app.extensions["jobs"].enqueue(job.id)
    except Exception as error:
        current_app.logger.exception("Could not put job %s on the queue", job.id)
        fail(
            job.id, str(lazy_gettext("The job queue could not be reached: %(error)s", error=error))
        )
    return job


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def begin(job_id: str) -> Job | None:
    """Mark a queued job as running in this process; None if it is not queued (another
    worker has it, or it was already finished)."""
    claimed = rows_changed(
        db.session.execute(
            sa.update(Job)
            .where(Job.id == job_id, Job.state == "queued")
            .values(state="running", started_at=utc_now(), worker=this_worker(), error="")
        )
    )
    db.session.commit()
    return db.session.get(Job, job_id) if claimed else None


def record_phase(
    job_id: str, phase: str, done: int, total: int, result: dict[str, Any] | None = None
) -> None:
    values: dict[str, Any] = {"phase": phase, "done": done, "total": total}
    if result is not None:
        values["result"] = result
    db.session.execute(sa.update(Job).where(Job.id == job_id).values(**values))
    db.session.commit()


def finish(job_id: str, result: dict[str, Any]) -> None:
    job = db.session.get_one(Job, job_id)
    job.state, job.phase, job.result, job.finished_at = "done", "finished", result, utc_now()
    job.done = job.total
    db.session.commit()
    current_app.extensions["jobs"].forget(job_id)


def fail(job_id: str, message: str, result: dict[str, Any] | None = None) -> None:
    db.session.rollback()
    job = db.session.get_one(Job, job_id)
    job.state, job.error, job.finished_at = "failed", message, utc_now()
    if result is not None:
        job.result = result
    db.session.commit()
    current_app.extensions["jobs"].forget(job_id)


def job_status(job: Job) -> JobStatus:
    """The job as the table has it, with the worker's latest counts while it runs."""
    phase, done, total = job.phase, job.done, job.total
    if job.state == "running":
        live = current_app.extensions["jobs"].live(job.id)
        if live:
            phase, done, total = live["phase"], live["done"], live["total"]
    return JobStatus(
        job.id, job.kind, job.state, phase, done, total, job.error, dict(job.result or {})
    )


def recent_jobs(limit: int = 50) -> list[Job]:
    return list(db.session.scalars(sa.select(Job).order_by(Job.created_at.desc()).limit(limit)))


def recover_interrupted() -> list[str]:
    """Jobs left "running" by a worker that has gone: those stopped while indexing are
    queued again (indexing again is safe); the rest are failed, having changed nothing.

    Run when a worker starts and every minute by the worker; a job is claimed with a
    conditional update, so two workers never recover the same job twice.
    """
    recovered = []
    running = db.session.scalars(sa.select(Job).where(Job.state == "running")).all()
    for job in running:
        if not _gone(job):
            continue
        claim = sa.update(Job).where(
            Job.id == job.id, Job.state == "running", Job.worker == job.worker
        )
        written = job.kind == "rebuild" or bool(job.result.get("batch"))
        if job.phase == RESUMABLE_PHASE and written:
            changed = rows_changed(db.session.execute(claim.values(state="queued", worker="")))
            db.session.commit()
            if changed:
                current_app.extensions["jobs"].enqueue(job.id)
        else:
            changed = rows_changed(
                db.session.execute(
                    claim.values(state="failed", error=str(STOPPED), finished_at=utc_now())
                )
            )
            db.session.commit()
        if changed:
            recovered.append(job.id)
    return recovered


def _gone(job: Job) -> bool:
    host, _, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        if int(pid) != os.getpid():
            return False
    live = current_app.extensions["jobs"].live(job.id)
    started = job.started_at
    if started is not None and started.tzinfo is None:  # SQLite keeps no time zone
        started = started.replace(tzinfo=UTC)
    heard = live["at"] if live else (started.timestamp() if started else 0.0)
    return time.time() - heard > STALE_AFTER_SECONDS
