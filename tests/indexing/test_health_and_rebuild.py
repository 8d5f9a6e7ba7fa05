"""The health check compares what each document says; a rebuild refuses to empty the index."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from directory import create_app
from directory.config import PROJECT_ROOT
from directory.extensions import db
from directory.models import Service
from tests.support.apps import config_for_tests, migrated_app
from tests.support.factories import create_service


def test_health_notices_a_service_whose_index_text_is_out_of_date(empty_app: Flask) -> None:
    runner = empty_app.test_cli_runner()
    with empty_app.app_context():
        create_service("Netherton Toy Library")
        assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
        # A change the index never heard of, as a failed re-index would leave it.
        db.session.execute(sa.update(Service).values(name="Netherton Toy and Book Library"))
        db.session.commit()
    result = runner.invoke(args=["search", "health"])
    assert result.exit_code == 1
    assert "0 missing, 0 that should not be there, 1 out of date." in result.output
    runner.invoke(args=["search", "rebuild"])
    assert runner.invoke(args=["search", "health"]).exit_code == 0


def test_a_rebuild_will_not_empty_a_filled_index_unless_told(empty_app: Flask) -> None:
    runner = empty_app.test_cli_runner()
    with empty_app.app_context():
        create_service("Netherton Toy Library")
        runner.invoke(args=["search", "rebuild"])
        db.session.execute(sa.update(Service).values(status="inactive"))
        db.session.commit()
    refused = runner.invoke(args=["search", "rebuild"])
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        "Error: The database has no listings to index but the index holds 1; "
        "check DATABASE_URL, or rebuild with --allow-empty."
    )
    with empty_app.app_context():
        assert empty_app.extensions["search"].health().indexed == 1
    assert runner.invoke(args=["search", "rebuild", "--allow-empty"]).exit_code == 0
    assert runner.invoke(args=["search", "health"]).exit_code == 0


def test_an_unreachable_database_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    app = create_app(config_for_tests("postgresql+psycopg://nobody@127.0.0.1:9/none", tmp_path))
    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Could not read the database: ")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_an_index_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index folder should be")
    config = config_for_tests(
        f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path, search_index_dir=blocker / "index"
    )
    result = migrated_app(config).test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Could not write the search index: ")
    assert len(result.output.strip().splitlines()) == 1


def test_a_disk_that_fills_mid_rebuild_is_one_line(tmp_path: Path) -> None:
    """The command runs in a process that may write only 16 KB to any file, as a disk that
    fills part way through the new index; it says so in one line and exits 1."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    app = migrated_app(config_for_tests(url, tmp_path))
    with app.app_context():
        for number in range(40):
            words = " ".join(f"rhyme{number}x{word}" for word in range(300))
            create_service(f"Stay and Play {number}", description=words)
        db.engine.dispose()

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    result = subprocess.run(
        [sys.executable, "-m", "flask", "search", "rebuild"],
        cwd=PROJECT_ROOT,
        env={
            **os.environ,
            "FLASK_APP": "wsgi.py",
            "DATABASE_URL": url,
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "JOB_QUEUE_FILE": str(tmp_path / "jobs.sqlite3"),
            "SECRET_KEY": "test-secret-key",
        },
        preexec_fn=small_disk,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith("Error: Could not write the search index: "), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
