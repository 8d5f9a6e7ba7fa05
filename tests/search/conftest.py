"""Backends of each kind, built from documents, for the behaviour tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from search import MemoryBackend, SearchBackend, ServiceDocument, WhooshBackend
from tests.search.search_factories import Build, directory


@pytest.fixture(params=["memory", "whoosh"])
def build(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Build]:
    """Builds a backend of each kind from documents (Whoosh in a temporary directory)."""
    opened: list[WhooshBackend] = []

    def build(documents: Iterable[ServiceDocument]) -> SearchBackend:
        if request.param == "memory":
            return MemoryBackend(documents)
        backend = WhooshBackend.create(tmp_path / f"index-{len(opened)}", documents)
        opened.append(backend)
        return backend

    yield build
    for backend in opened:
        backend.close()


@pytest.fixture
def dudley(build: Build) -> SearchBackend:
    return build(directory())
