"""The job queue: Huey, on an SQLite file by default or on Redis (``JOB_QUEUE=redis``).

The web process only puts jobs on the queue; ``flask jobs worker`` runs them (see the
README's "Running it for real"). Huey's immediate mode would run a job inside the request
that asked for it, which is what this module exists to avoid, so it is never used.
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import Any

from flask import Flask
from huey import RedisHuey, SqliteHuey, crontab
from huey.api import Huey

from directory.config import Config
from directory.jobs.progress import live_key

log = logging.getLogger(__name__)
QUEUE_NAME = "signpost-jobs"


def make_huey(config: Config) -> Huey:
    if config.job_queue == "redis":
        # Named with the site's Redis prefix, so two sites can share one Redis.
        name = f"{config.rate_limit_prefix}-jobs"
        return RedisHuey(name, url=config.redis_url, results=False)
    config.job_queue_file.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(QUEUE_NAME, filename=str(config.job_queue_file), results=False)


class JobQueue:
    """One app's queue: ``enqueue`` a job by id; the worker runs it with the app's context.

    Huey is made on first use, so a site whose queue store cannot be opened (a full disk,
    Redis gone) still starts and serves; only the work that needs the queue says so.
    """

    def __init__(self, app: Flask, config: Config) -> None:
        self._app = app
        self._config = config

    @property
    def huey(self) -> Huey:
        return self._huey_and_task[0]

    @cached_property
    def _huey_and_task(self) -> tuple[Huey, Any]:
        huey = make_huey(self._config)
        app = self._app

        def run_job(job_id: str) -> None:
            from directory.jobs.running import run_queued

            with app.app_context():
                run_queued(job_id)

        def recover() -> None:
            from directory.jobs.records import recover_interrupted

            with app.app_context():
                recover_interrupted()

        run_task = huey.task(name="signpost.run_job")(run_job)
        huey.periodic_task(crontab(minute="*"), name="signpost.recover_jobs")(recover)
        return huey, run_task

    def enqueue(self, job_id: str) -> None:
        _huey, run_task = self._huey_and_task
        run_task(job_id)

    def put_live(self, job_id: str, counts: dict[str, Any]) -> None:
        self.huey.put(live_key(job_id), counts)

    def live(self, job_id: str) -> dict[str, Any] | None:
        """The latest counts the worker wrote for a running job, if the store answers."""
        try:
            return self.huey.get(live_key(job_id), peek=True)
        except Exception:  # the counts are a nicety: the table still has the state
            log.warning("Could not read a job's progress from the queue", exc_info=True)
            return None

    def forget(self, job_id: str) -> None:
        try:
            self.huey.delete(live_key(job_id))
        except Exception:
            log.warning("Could not remove a finished job's progress", exc_info=True)
