"""Index writes batched for tests that save many listings and read no search result between.

Every commit re-indexes the services it touched (``directory/indexing/hooks.py``): on
Whoosh a writer opened, a segment written and merged, a quarter of each save in a loop over
the demo directory. Batched, the commits only note the services, and on leaving the real
index brings them all up to date at once and must then match the database, so a save that
touched a listing without noting it for the index still fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask


@contextmanager
def index_writes_batched(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """Within: what commits would re-index is collected (and yielded). After: indexed at
    once, and the index's health must be in step."""
    search = app.extensions["search"]
    update = search.update
    touched: set[str] = set()
    with monkeypatch.context() as patch:
        patch.setattr(
            search, "update", lambda service_ids, *args, **kwargs: touched.update(service_ids)
        )
        yield touched
    with app.app_context():
        update(touched)
        health = search.health()
    assert health.in_step, health
