"""The index is derived data: when it breaks, search still answers and a rebuild mends it."""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy.orm import Session

from directory.demo.loader import load_demo
from directory.extensions import db
from directory.indexing.engine import DirectorySearch
from directory.models import Service, ServiceStatus
from search import SearchQuery
from search.generations import GENERATION_PREFIX
from search.plug import open_backend
from search.vocabulary_file import VOCABULARY_FILE
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import HygieneCheckingClient


@pytest.fixture(params=["whoosh", "tantivy"])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """The demo site on each engine that keeps an index on disk."""
    config = config_for_tests(
        f"sqlite:///{tmp_path / 'signpost.db'}", tmp_path, search_backend=request.param
    )
    app = migrated_app(config)
    app.test_client_class = HygieneCheckingClient
    with app.app_context():
        load_demo(app.extensions["council"])
        app.extensions["search"].rebuild()
        yield app
        app.extensions["search"].close()


def _fresh_search(app: Flask) -> DirectorySearch:
    """What a newly started worker process sees."""
    config = app.extensions["signpost_config"]
    return DirectorySearch(
        open_backend(config),
        lambda: Session(db.engine),
        12,
        reader=app.extensions["query_reader"],
    )


def _index_dir(app: Flask) -> Path:
    return app.extensions["signpost_config"].search_index_dir


def _engine(app: Flask) -> str:
    return app.extensions["signpost_config"].search_backend


def _results_page_works(app: Flask) -> None:
    response = app.test_client().get("/find-support?q=stay+and+play")
    assert response.status_code == 200
    assert "Stay and Play" in response.get_data(as_text=True)


def test_healthy_index_matches_the_database(app: Flask) -> None:
    health = app.extensions["search"].health()
    assert health.backend == _engine(app)
    assert health.in_step
    assert health.indexed == health.expected > 250


def test_missing_index_still_answers_and_health_says_so(app: Flask) -> None:
    shutil.rmtree(_index_dir(app))
    search = _fresh_search(app)
    assert search.search(SearchQuery(text="stay and play")).total > 0
    health = search.health()
    assert health.backend == "memory"
    assert "no search index" in (health.problem or "")
    assert not health.in_step
    app.extensions["search"] = search
    _results_page_works(app)
    search.rebuild()
    assert search.health().backend == _engine(app)
    assert search.health().in_step


# Whoosh leaves the corrupt table-of-contents file open when it fails to read it.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_corrupt_index_still_answers_and_rebuild_restores_it(app: Flask) -> None:
    for path in _index_dir(app).glob(f"{GENERATION_PREFIX}*/*"):
        if path.name != VOCABULARY_FILE:
            path.write_bytes(b"not an index file" * 50)
    search = _fresh_search(app)
    assert search.search(SearchQuery(text="food bank")).total > 0
    assert search.health().backend == "memory"
    app.extensions["search"] = search
    _results_page_works(app)
    search.rebuild()
    health = search.health()
    assert health.backend == _engine(app) and health.in_step


def test_a_held_write_lock_never_blocks_readers(app: Flask) -> None:
    lock_path = _index_dir(app) / "write.lock"
    with lock_path.open("a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        _results_page_works(app)
        assert app.extensions["search"].search(SearchQuery(text="youth club")).total > 0
    assert app.extensions["search"].health().in_step


def test_an_edit_is_in_search_as_soon_as_it_is_committed(app: Flask) -> None:
    service = db.session.scalars(
        sa.select(Service).where(Service.name == "Dudley Community Pantry")
    ).one()
    service.name = "Dudley Community Larder and Pantry"
    db.session.commit()
    hits = app.extensions["search"].search(SearchQuery(text="larder", page_size=5)).hits
    assert service.id in [hit.id for hit in hits]

    service.status = ServiceStatus.DEFUNCT
    db.session.commit()
    assert service.id not in {
        hit.id for hit in app.extensions["search"].search(SearchQuery(text="larder")).hits
    }
    assert app.extensions["search"].health().in_step


def test_a_rolled_back_edit_changes_nothing_in_search(app: Flask) -> None:
    service = db.session.scalars(sa.select(Service).where(Service.name == "Safe and Sound")).one()
    service.name = "Completely Different Name"
    db.session.flush()
    db.session.rollback()
    hits = app.extensions["search"].search(SearchQuery(text="completely different")).hits
    assert service.id not in [hit.id for hit in hits]
    assert app.extensions["search"].health().in_step


def test_health_command_reports_drift_and_rebuild_fixes_it(app: Flask) -> None:
    runner = app.test_cli_runner()
    shutil.rmtree(_index_dir(app))
    app.extensions["search"].close()
    app.extensions["search"] = _fresh_search(app)
    result = runner.invoke(args=["search", "health"])
    assert result.exit_code == 1
    assert "Engine in use: memory" in result.output
    rebuilt = runner.invoke(args=["search", "rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "Indexed" in rebuilt.output
    healthy = runner.invoke(args=["search", "health"])
    assert healthy.exit_code == 0, healthy.output
    assert "The index matches the database." in healthy.output
