"""Keeping the search index in step with the database, and choosing the engine."""

from __future__ import annotations

from flask import Flask, current_app
from sqlalchemy.orm import Session

from directory.extensions import db
from directory.indexing import changes, follower, hooks  # noqa: F401  (listeners on commit)
from directory.indexing.engine import DirectorySearch
from search.plug import open_backend


def install(app: Flask) -> None:
    config = app.extensions["signpost_config"]
    app.extensions["search"] = DirectorySearch(
        plug=open_backend(config),
        session_factory=lambda: Session(db.engine),
        default_review_months=app.extensions["council"].staff.review_interval_months,
        reader=app.extensions["query_reader"],
    )
    follower.install(
        app,
        config.search_follow_ms,
        config.search_index_dir,
        on_disk=config.search_backend != "memory",
    )


def site_search() -> DirectorySearch:
    return current_app.extensions["search"]
