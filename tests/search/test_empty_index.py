"""An empty index (every listing withdrawn or rolled back) finds nothing; it never fails."""

from __future__ import annotations

from tests.search.search_factories import Build, ids, query


def test_searching_an_empty_index_finds_nothing(build: Build) -> None:
    backend = build([])
    for words in ("food", "toy library", "my partner hits me", ""):
        assert ids(backend.search(query(words))) == []
