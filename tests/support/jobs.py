"""The real job queue in tests: Huey's own consumer, run in threads of the test process.

Huey's consumer sets signal handlers when it starts; pytest owns the signals, so the
consumer here leaves them alone. Everything else (the SQLite queue file, dequeuing,
running the task in a worker thread with the app's context) is Huey's.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from flask.testing import FlaskClient
from huey.consumer import Consumer


class _Consumer(Consumer):
    def _set_signal_handlers(self) -> None:
        return None


@contextmanager
def job_worker(app: Flask) -> Iterator[Consumer]:
    """Run ``app``'s queued jobs in a background thread until the block ends."""
    huey = app.extensions["jobs"].huey
    consumer = _Consumer(
        huey,
        workers=1,
        worker_type="thread",
        periodic=False,
        initial_delay=0.05,
        max_delay=0.2,
        check_worker_health=False,
    )
    consumer.start()
    try:
        yield consumer
    finally:
        consumer.stop(graceful=True)


def wait_for_job(client: FlaskClient, job_page: str, timeout: float = 120) -> dict:
    """Poll a job's JSON status (as the page's script does) until it finishes."""
    deadline = time.monotonic() + timeout
    while True:
        status = client.get(f"{job_page}/status").get_json()
        if status["finished"] or time.monotonic() > deadline:
            return status
        time.sleep(0.1)
