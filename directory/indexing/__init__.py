"""Keeping the search index in step with the database, and choosing the engine."""

from __future__ import annotations

from flask import Flask, current_app
from sqlalchemy.orm import Session

from directory.extensions import db
from directory.indexing import hooks  # noqa: F401  (re-index after every commit)
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


def site_search() -> DirectorySearch:
    return current_app.extensions["search"]
