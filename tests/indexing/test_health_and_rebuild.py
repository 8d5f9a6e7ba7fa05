"""The health check compares what each document says; a rebuild refuses to empty the index."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from directory import create_app
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
