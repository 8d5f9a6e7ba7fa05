"""Long work (imports, rollbacks, index rebuilds) as jobs on a queue that a worker runs,
with their state and progress in the job table."""

from __future__ import annotations

from flask import Flask


def install(app: Flask) -> None:
    from directory.jobs.queue import JobQueue

    app.extensions["jobs"] = JobQueue(app, app.extensions["signpost_config"])
