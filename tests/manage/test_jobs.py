"""Long work as background jobs: imports and rollbacks from the browser go on the real
job queue (Huey on an SQLite file) and a real consumer runs them, while the page shows
how far they have got; a worker killed mid-import leaves nothing written and the job
failed; rollbacks need confirming, twice when they remove many listings, and can be undone.
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import IO

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from directory.config import PROJECT_ROOT
from directory.extensions import db
from directory.jobs.records import STOPPED, recover_interrupted, submit
from directory.listings.uploads import stage_upload
from directory.models import ImportBatch, Job, Service
from tests.listings.helpers import dataset, listing, write
from tests.manage.test_listings import _editor, listing_app  # noqa: F401
from tests.support.apps import FIXTURES
from tests.support.client import page_text
from tests.support.html import visible_text
from tests.support.jobs import job_worker, wait_for_job
from tests.support.staff import token_in

SOURCE = "fis-spreadsheet"


def _rows(count: int) -> bytes:
    """A template CSV of ``count`` listings, each at its own venue on a real DY postcode."""
    with (FIXTURES / "imports" / "fis_listings.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        first = next(reader)
        columns = reader.fieldnames or []
    out = io.StringIO()
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for number in range(count):
        writer.writerow(
            {
                **first,
                "service_id": f"big-{number}",
                "name": f"Toy library {number}",
                "venue_name": f"Hall {number}",
            }
        )
    return out.getvalue().encode()


def _count(model: type) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model)) or 0


def _submit_import(app: Flask, rows: int, actor: str = "editor@example.org") -> str:
    with app.app_context():
        app.extensions["search"].rebuild(allow_empty=True)
        upload = stage_upload(io.BytesIO(_rows(rows)), "big.csv", SOURCE, False, actor)
        return submit("import", actor, {"upload": upload}).id


def test_an_import_runs_on_the_queue_and_its_progress_is_shown(
    listing_app: Flask,  # noqa: F811
) -> None:
    editor = _editor(listing_app)
    job_id = _submit_import(listing_app, 600)
    page = f"/manage/jobs/{job_id}"
    waiting = page_text(editor.get(page))
    assert "Waiting for the job worker to start it." in visible_text(waiting)
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in waiting
    assert 'role="status" aria-live="polite"' in waiting and "<progress" in waiting
    assert f'href="{page}">Refresh</a>' in waiting
    seen = []
    with job_worker(listing_app):
        while not (status := editor.get(f"{page}/status").get_json())["finished"]:
            seen.append(status)
            time.sleep(0.02)
    assert status["state"] == "done"
    running = [s for s in seen if s["state"] == "running" and s["total"]]
    assert running, "the worker's counts never showed while it ran"
    for before, after in pairwise(running):
        assert 0 <= after["done"] <= after["total"]
        if before["phase"] == after["phase"]:
            assert after["done"] >= before["done"]
    assert any(s["phase"] == "writing" and s["total"] == 600 for s in running)
    assert any(re.fullmatch(r"[\d,]+ of 600 rows", s["counted"]) for s in running)
    done = page_text(editor.get(page))
    assert "http-equiv" not in done and "Families see the changes now." in visible_text(done)
    with listing_app.app_context():
        job = db.session.get_one(Job, job_id)
        assert (job.state, job.phase, job.done, job.total) == ("done", "finished", 600, 600)
        assert _count(Service) == 600
        assert listing_app.extensions["search"].health().in_step


def _worker_process(app: Flask, output: IO[str]) -> subprocess.Popen:
    config = app.extensions["signpost_config"]
    env = {
        **os.environ,
        "FLASK_APP": "wsgi.py",
        "DATABASE_URL": config.database_url,
        "SEARCH_INDEX_DIR": str(config.search_index_dir),
        "JOB_QUEUE_FILE": str(config.job_queue_file),
        "SECRET_KEY": "test-secret-key",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "jobs", "worker"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )


def _kill_mid_import(app: Flask, job_id: str, worker: subprocess.Popen, log: Path) -> None:
    """Kill the worker (SIGKILL: no clean-up) once it has written some rows."""
    try:
        deadline = time.monotonic() + 120
        with app.app_context():
            while True:
                live = app.extensions["jobs"].live(job_id) or {}
                if live.get("phase") == "writing" and live.get("done", 0) > 0:
                    break
                assert time.monotonic() < deadline, log.read_text()
                assert worker.poll() is None, log.read_text()
                time.sleep(0.05)
    finally:
        worker.kill()
        worker.wait(timeout=30)


def test_a_worker_killed_mid_import_leaves_nothing_written_and_the_job_failed(
    listing_app: Flask,  # noqa: F811
    tmp_path: Path,
) -> None:
    editor = _editor(listing_app)
    job_id = _submit_import(listing_app, 3000)
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        _kill_mid_import(listing_app, job_id, _worker_process(listing_app, output), log)
    with listing_app.app_context():
        assert db.session.get_one(Job, job_id).state == "running"
        assert recover_interrupted() == [job_id]
        db.session.expire_all()
        job = db.session.get_one(Job, job_id)
        assert (job.state, job.error) == ("failed", str(STOPPED))
        assert _count(Service) == 0 and _count(ImportBatch) == 0
    page = page_text(editor.get(f"/manage/jobs/{job_id}"))
    assert "The job did not finish" in visible_text(page) and "Try again" in visible_text(page)
    response = editor.post(f"/manage/jobs/{job_id}/retry", data={"csrf_token": token_in(page)})
    again = response.headers["Location"]
    assert again != f"/manage/jobs/{job_id}"
    with job_worker(listing_app):
        assert wait_for_job(editor, again)["state"] == "done"
    with listing_app.app_context():
        assert _count(Service) == 3000 and _count(ImportBatch) == 1


def test_a_job_that_fails_says_why_and_changes_nothing(listing_app: Flask) -> None:  # noqa: F811
    editor = _editor(listing_app)
    with listing_app.app_context():
        job_id = submit("import", "editor@example.org", {"upload": "gone"}).id
    with job_worker(listing_app):
        status = wait_for_job(editor, f"/manage/jobs/{job_id}")
    assert status["state"] == "failed"
    text = visible_text(page_text(editor.get(f"/manage/jobs/{job_id}")))
    assert "The uploaded file is no longer kept" in text and "Try again" in text
    with listing_app.app_context():
        assert _count(Service) == 0 and _count(ImportBatch) == 0


def _batch(app: Flask, services: int, earlier: int = 0) -> str:
    with app.app_context():
        app.extensions["search"].rebuild(allow_empty=True)
        if earlier:
            write(dataset(*(listing(f"old-{n}", name=f"Old {n}") for n in range(earlier))))
        report = write(dataset(*(listing(f"new-{n}", name=f"New {n}") for n in range(services))))
        assert report.batch
        return report.batch


def _rollback(editor: FlaskClient, batch: str, **fields: str):  # type: ignore[no-untyped-def]
    page = f"/manage/imports/batches/{batch}/rollback"
    token = token_in(page_text(editor.get(page)))
    return editor.post(page, data={"csrf_token": token, **fields})


def test_a_rollback_says_what_it_will_change_and_needs_confirming(
    listing_app: Flask,  # noqa: F811
) -> None:
    batch = _batch(listing_app, services=1, earlier=9)
    editor = _editor(listing_app)
    batch_page = page_text(editor.get(f"/manage/imports/batches/{batch}"))
    assert f'href="/manage/imports/batches/{batch}/rollback"' in batch_page
    confirm = visible_text(page_text(editor.get(f"/manage/imports/batches/{batch}/rollback")))
    assert "Listings removed 1" in confirm and "I understand" not in confirm
    unconfirmed = _rollback(editor, batch)
    assert unconfirmed.status_code == 200
    assert "Press Roll back to confirm the rollback" in visible_text(page_text(unconfirmed))
    with listing_app.app_context():
        assert _count(Job) == 0
        assert db.session.get_one(ImportBatch, batch).rolled_back_by_id is None
    response = _rollback(editor, batch, confirmed="yes")
    assert response.status_code == 302 and response.headers["Location"].startswith("/manage/jobs/")
    with job_worker(listing_app):
        assert wait_for_job(editor, response.headers["Location"])["state"] == "done"
    with listing_app.app_context():
        assert _count(Service) == 9


def test_a_rollback_removing_many_listings_needs_a_second_confirmation(
    listing_app: Flask,  # noqa: F811
) -> None:
    batch = _batch(listing_app, services=3, earlier=2)  # 3 of 5: more than a fifth
    editor = _editor(listing_app)
    confirm = visible_text(page_text(editor.get(f"/manage/imports/batches/{batch}/rollback")))
    assert "This removes 3 listings of the 5 in the directory." in confirm
    assert "I understand this removes 3 listings" in confirm
    once = _rollback(editor, batch, confirmed="yes")
    assert once.status_code == 200
    assert "Tick the box to confirm you understand this removes 3 listings" in visible_text(
        page_text(once)
    )
    with listing_app.app_context():
        assert _count(Job) == 0 and _count(Service) == 5
    twice = _rollback(editor, batch, confirmed="yes", understood="yes")
    job_page = twice.headers["Location"]
    with job_worker(listing_app):
        assert wait_for_job(editor, job_page)["state"] == "done"
        undo_batch = re.search(
            r'href="/manage/imports/batches/([0-9a-f-]+)"', page_text(editor.get(job_page))
        ).group(1)
        assert undo_batch != batch
        with listing_app.app_context():
            assert _count(Service) == 2
        # The rollback is a batch of its own: undoing it puts the three listings back.
        undo_page = page_text(editor.get(f"/manage/imports/batches/{undo_batch}"))
        assert "Undo this rollback" in visible_text(undo_page)
        confirm = visible_text(
            page_text(editor.get(f"/manage/imports/batches/{undo_batch}/rollback"))
        )
        assert "Listings put back 3" in confirm
        response = _rollback(editor, undo_batch, confirmed="yes")
        assert wait_for_job(editor, response.headers["Location"])["state"] == "done"
    with listing_app.app_context():
        assert _count(Service) == 5
        assert listing_app.extensions["search"].health().in_step


def test_the_command_line_import_is_recorded_as_a_job(
    listing_app: Flask,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(_rows(20))
    result = listing_app.test_cli_runner().invoke(
        args=["listings", "import", str(path), "--source", SOURCE, "--apply"]
    )
    assert result.exit_code == 0, result.output
    with listing_app.app_context():
        job = db.session.scalars(sa.select(Job)).one()
        assert (job.kind, job.state, job.done, job.total) == ("import", "done", 20, 20)
        assert job.result["batch"] in result.output
    listed = listing_app.test_cli_runner().invoke(args=["jobs", "list"])
    assert f"{job.id}" in listed.output and "import   done" in listed.output


def test_a_job_stopped_while_indexing_is_run_again_to_finish_the_indexing(
    listing_app: Flask,  # noqa: F811
) -> None:
    """Its changes were committed before its worker died: recovery queues it again, and
    the worker indexes the batch's listings instead of importing anything twice."""
    from directory.indexing.hooks import reindex_deferred

    gone = subprocess.Popen(["true"])  # a worker process that has ended
    gone.wait()
    editor = _editor(listing_app)
    with listing_app.app_context():
        listing_app.extensions["search"].rebuild(allow_empty=True)
        with reindex_deferred(db.session):
            batch = write(dataset(*(listing(f"k-{n}", name=f"Group {n}") for n in range(5))))
        assert listing_app.extensions["search"].health().missing == 5
        job = Job(
            kind="import",
            actor="editor@example.org",
            state="running",
            phase="indexing",
            params={"upload": "long gone"},
            result={"batch": batch.batch},
            worker=f"{socket.gethostname()}:{gone.pid}",
        )
        db.session.add(job)
        db.session.commit()
        job_id = job.id
        assert recover_interrupted() == [job_id]
    with job_worker(listing_app):
        assert wait_for_job(editor, f"/manage/jobs/{job_id}")["state"] == "done"
    with listing_app.app_context():
        assert _count(Service) == 5 and _count(ImportBatch) == 1
        assert listing_app.extensions["search"].health().in_step


def test_jobs_run_the_same_on_a_redis_queue(tmp_path: Path) -> None:
    """``JOB_QUEUE=redis``: the queue and the live counts are in Redis (a real server)."""
    from tests.support.apps import config_for_tests, migrated_app
    from tests.support.databases import fresh_database
    from tests.support.redis import forget, fresh_prefix, redis_url

    prefix = fresh_prefix()
    with fresh_database("sqlite", tmp_path) as url:
        config = config_for_tests(
            url, tmp_path, job_queue="redis", redis_url=redis_url(), rate_limit_prefix=prefix
        )
        app = migrated_app(config)
        try:
            with app.app_context():
                job_id = submit("rebuild", "admin@example.org", {"allow_empty": True}).id
                assert app.extensions["jobs"].huey.pending_count() == 1
            with job_worker(app):
                deadline = time.monotonic() + 60
                with app.app_context():
                    while db.session.get_one(Job, job_id).state != "done":
                        assert time.monotonic() < deadline
                        time.sleep(0.1)
                        db.session.expire_all()
        finally:
            forget(prefix)
            with app.app_context():
                db.engine.dispose()
