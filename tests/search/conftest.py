"""Backends of each kind, built from documents, for the behaviour tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from search import MemoryBackend, SearchBackend, ServiceDocument, TantivyBackend, WhooshBackend
from search.understanding import QueryReader
from tests.search.readers import rules_reader
from tests.search.search_factories import Build, directory

ON_DISK = {"whoosh": WhooshBackend, "tantivy": TantivyBackend}


@pytest.fixture(params=["memory", "whoosh", "tantivy"])
def build(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Build]:
    """Builds a backend of each kind from documents (on-disk ones in a temporary
    directory): the contract every backend keeps."""
    opened: list[WhooshBackend | TantivyBackend] = []

    def build(documents: Iterable[ServiceDocument]) -> SearchBackend:
        if request.param == "memory":
            return MemoryBackend(documents)
        kind = ON_DISK[request.param]
        backend = kind.create(tmp_path / f"index-{len(opened)}", documents)
        opened.append(backend)
        return backend

    yield build
    for backend in opened:
        backend.close()


@pytest.fixture
def dudley(build: Build) -> SearchBackend:
    return build(directory())


@pytest.fixture(scope="module")
def rules() -> QueryReader:
    """The English reader without the learnt reader: what the lexicons alone read."""
    return rules_reader("en")
