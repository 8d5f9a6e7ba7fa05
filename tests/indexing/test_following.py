"""Two app nodes on one database, each with its own index: an edit saved through one is
found by a search on the other within two seconds, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from directory.extensions import db
from directory.indexing.changes import KEPT_FOR, latest_change, prune_changes
from directory.indexing.follower import CURSOR_FILE, FolderCursor, IndexFollower
from directory.models import Role, SearchChange, Service
from directory.models.mixins import utc_now
from search import SearchQuery
from tests.conftest import SEARCHABLE_DEMO
from tests.support.apps import config_for_tests, migrated_app
from tests.support.client import page_text
from tests.support.databases import database_backends, fresh_database
from tests.support.forms import form_values
from tests.support.staff import make_staff, sign_in
from tests.support.templates import INDEX

VISIBLE_WITHIN = 2.0
LISTING = "dudley-fc-halesowen"


@pytest.fixture(params=database_backends())
def two_nodes(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Flask, Flask]]:
    """Two apps on one database (the searchable demo), each with an index folder of its own
    and following the change log every half second, as two machines would."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    with fresh_database(request.param, first, like=SEARCHABLE_DEMO) as url:
        shutil.copytree(first / INDEX, second / INDEX, symlinks=True)
        apps = [
            migrated_app(config_for_tests(url, folder, search_follow_ms=500))
            for folder in (first, second)
        ]
        yield apps[0], apps[1]
        for app in apps:
            app.extensions["search_follower"].stop()
            with app.app_context():
                app.extensions["search"].close()
                db.engine.dispose()


def _listing_id(app: Flask) -> str:
    with app.app_context():
        return db.session.scalars(sa.select(Service.id).where(Service.external_id == LISTING)).one()


def _found(app: Flask, word: str) -> set[str]:
    with app.app_context():
        hits = app.extensions["search"].search(SearchQuery(text=word, loosen=False)).hits
        return {hit.id for hit in hits}


def _edit_description(app: Flask, editor: FlaskClient, service_id: str, words: str) -> None:
    """Save the listing's "About" part through the editor's own form."""
    url = f"/manage/listings/{service_id}/edit/about"
    values = MultiDict(form_values(page_text(editor.get(url))))
    values["description"] = f"{values['description']} {words}"
    values.setlist("action", ["save"])
    response = editor.post(url, data=values)
    assert response.status_code == 302, page_text(response)[:2000]


def _seconds_until_found(client: FlaskClient, word: str, name: str) -> float:
    """Search the node's results page until it lists ``name``; how long that took."""
    started = time.monotonic()
    while time.monotonic() - started < VISIBLE_WITHIN * 3:
        if name in page_text(client.get(f"/find-support?q={word}")):
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"{name} never appeared in a search for {word!r}")


def test_an_edit_on_one_node_is_found_on_the_other_within_two_seconds(two_nodes) -> None:  # type: ignore[no-untyped-def]
    first, second = two_nodes
    service_id = _listing_id(first)
    editor = first.test_client()
    sign_in(first, editor, make_staff(first, Role.EDITOR))
    reader = second.test_client()
    reader.get("/privacy")  # the second node's follower starts with its first request
    cursor = second.extensions["signpost_config"].search_index_dir / CURSOR_FILE
    deadline = time.monotonic() + 30
    while not cursor.exists():  # it has caught up with the demo data's load
        assert time.monotonic() < deadline, "the follower never caught up"
        time.sleep(0.1)
    with first.app_context():
        name = db.session.get(Service, service_id).name

    for round_ in range(3):
        word = f"quokkaword{round_}x"
        assert service_id not in _found(second, word)
        _edit_description(first, editor, service_id, word)
        assert service_id in _found(first, word), "the editing node's own index at once"
        seconds = _seconds_until_found(reader, word, name)
        print(f"round {round_}: found on the other node after {seconds:.2f}s")
        assert seconds < VISIBLE_WITHIN


def test_without_following_the_other_node_never_sees_the_edit(two_nodes) -> None:  # type: ignore[no-untyped-def]
    """The control: the second node serves no request, so nothing follows for it."""
    first, second = two_nodes
    service_id = _listing_id(first)
    editor = first.test_client()
    sign_in(first, editor, make_staff(first, Role.EDITOR))
    _edit_description(first, editor, service_id, "wombatword")
    time.sleep(VISIBLE_WITHIN)
    assert service_id in _found(first, "wombatword")
    assert service_id not in _found(second, "wombatword")
    second.extensions["search_follower"].follow_once()
    assert service_id in _found(second, "wombatword")
    assert (Path(second.extensions["signpost_config"].search_index_dir) / CURSOR_FILE).exists()


def _change_rows(app: Flask) -> list[tuple[int, str]]:
    with app.app_context():
        return [
            tuple(row)
            for row in db.session.execute(
                sa.select(SearchChange.id, SearchChange.service_id).order_by(SearchChange.id)
            )
        ]  # type: ignore[misc]


@settings(max_examples=12, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=1, max_size=6))
def test_change_rows_are_written_only_by_commits_and_name_each_listing(
    empty_search_pair, edits
) -> None:  # type: ignore[no-untyped-def]
    """Whatever mix of committed and rolled-back edits, each commit adds exactly one row per
    listing it touched, in commit order, and a rollback adds none."""
    app, ids = empty_search_pair
    before = _change_rows(app)
    expected: list[str] = []
    for index, commit in edits:
        with app.app_context():
            service = db.session.get(Service, ids[index])
            service.summary = f"{service.summary[:200]} {time.monotonic_ns()}"
            if commit:
                db.session.commit()
                expected.append(ids[index])
            else:
                db.session.rollback()
    after = _change_rows(app)[len(before) :]
    assert [service_id for _id, service_id in after] == expected
    assert [row_id for row_id, _ in after] == sorted(row_id for row_id, _ in after)


@pytest.fixture(scope="module", params=database_backends())
def empty_search_pair(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Flask, list[str]]]:
    """The demo directory and five of its listings' ids."""
    folder = tmp_path_factory.mktemp(f"changes-{request.param}")
    with fresh_database(request.param, folder, like=SEARCHABLE_DEMO) as url:
        app = migrated_app(config_for_tests(url, folder))
        with app.app_context():
            ids = list(db.session.scalars(sa.select(Service.id).order_by(Service.id).limit(5)))
        yield app, ids
        with app.app_context():
            app.extensions["search"].close()
            db.engine.dispose()


def test_pruning_keeps_the_newest_change(empty_search_pair) -> None:  # type: ignore[no-untyped-def]
    app, ids = empty_search_pair
    with app.app_context():
        service = db.session.get(Service, ids[0])
        service.summary = f"{service.summary[:200]} pruned"
        db.session.commit()
        with Session(db.engine) as session:
            newest = latest_change(session)
            prune_changes(session, now=utc_now() + KEPT_FOR + timedelta(minutes=1))
            remaining = list(session.scalars(sa.select(SearchChange.id)))
        assert remaining == [newest]


@pytest.mark.postgres
def test_on_postgresql_a_writer_waits_for_an_earlier_one_to_commit(empty_search_pair) -> None:  # type: ignore[no-untyped-def]
    """The lock that keeps ids in commit order: a commit that touches listings waits while
    another transaction holds it, so no follower can see id N+1 before id N."""
    app, ids = empty_search_pair
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite has one writer at a time")
        from directory.indexing.changes import ADVISORY_LOCK

        holder = db.engine.connect()
        holder.begin()
        holder.execute(sa.select(sa.func.pg_advisory_xact_lock(ADVISORY_LOCK)))
        done = threading.Event()

        def commit_an_edit() -> None:
            with app.app_context():
                service = db.session.get(Service, ids[1])
                service.summary = f"{service.summary[:200]} waited"
                db.session.commit()
                done.set()

        writer = threading.Thread(target=commit_an_edit)
        writer.start()
        assert not done.wait(0.5), "the commit went ahead while the lock was held"
        holder.rollback()
        holder.close()
        assert done.wait(5)
        writer.join()


@pytest.mark.parametrize("why", ["restored database", "not followed for a day"])
def test_a_node_that_cannot_trust_its_cursor_rebuilds_its_index(
    empty_search_pair, tmp_path: Path, why: str
) -> None:  # type: ignore[no-untyped-def]
    """A cursor past the newest change (a restored backup) or older than the kept changes
    (rows it missed may be pruned): the index is rebuilt and the cursor set to the newest."""
    app, _ids = empty_search_pair
    store = FolderCursor(tmp_path)
    with app.app_context(), Session(db.engine) as session:
        newest = latest_change(session)
    if why == "restored database":
        store.save(newest + 1000)
    else:
        stale = time.time() - KEPT_FOR.total_seconds() - 60
        store.path.write_text(json.dumps({"change": newest, "at": stale}))
    index_dir = app.extensions["signpost_config"].search_index_dir
    before = os.readlink(index_dir / "current")
    assert IndexFollower(app, 0.5, store).follow_once() == 0
    assert os.readlink(index_dir / "current") != before, "a new generation was written"
    saved = store.load()
    assert saved is not None and saved.change == newest
    assert time.time() - saved.at < 60
