"""``flask jobs ...``: run the job worker, and list jobs."""

from __future__ import annotations

import logging

import click
from flask import current_app
from flask.cli import AppGroup

from directory.jobs.records import job_status, recent_jobs, recover_interrupted

jobs_cli = AppGroup("jobs", help="Imports, rollbacks and index rebuilds run in the background.")


@jobs_cli.command("worker")
@click.option("--workers", default=1, show_default=True, help="Jobs run at the same time.")
def worker_command(workers: int) -> None:
    """Run queued jobs until stopped (Ctrl-C or SIGINT finishes the job in hand first)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    for job_id in recover_interrupted():
        click.echo(f"Job {job_id} had stopped with its worker: recovered.")
    huey = current_app.extensions["jobs"].huey
    huey.create_consumer(workers=workers, worker_type="thread").run()


@jobs_cli.command("list")
@click.option("--limit", default=20, show_default=True, help="How many of the latest to list.")
def list_command(limit: int) -> None:
    """List the latest jobs with their state and progress."""
    jobs = recent_jobs(limit)
    if not jobs:
        click.echo("No jobs yet.")
    for job in jobs:
        status = job_status(job)
        line = (
            f"{job.id}  {job.created_at:%Y-%m-%d %H:%M}  {job.kind:<8} {status.state:<8} "
            f"{status.phase} {status.done}/{status.total}"
        )
        click.echo(line + (f"  {status.error}" if status.error else ""))
