"""The reader cache: a loaded reader reads as a built one; a changed file or a damaged
cache is built afresh, never trusted."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from bench.relevance import load_cases
from directory.config import DEFAULT_COUNCIL_FILE, PROJECT_ROOT
from directory.council import load_council
from directory.learning import learnt_model
from directory.reader_cache import Readers, cached_readers, reader_key
from directory.safety import load_safety_lines
from directory.understanding import build_readers
from search.learnt import LearntModel

DEV_SET = PROJECT_ROOT / "tests" / "fixtures" / "relevance" / "families.toml"
TODAY = date(2026, 11, 23)


def model() -> LearntModel:
    return learnt_model().model


@pytest.fixture(scope="module")
def built() -> Readers:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return build_readers(council, load_safety_lines(council))


def counting(readers: Readers) -> tuple[Callable[[], Readers], list[int]]:
    """A build that returns ``readers`` and counts its calls."""
    calls: list[int] = []

    def build() -> Readers:
        calls.append(1)
        return readers

    return build, calls


def test_a_cached_reader_reads_every_dev_query_as_a_built_one(
    built: Readers, tmp_path: Path
) -> None:
    build, calls = counting(built)
    cached_readers("k", build, model, tmp_path)
    loaded = cached_readers("k", build, model, tmp_path)
    assert calls == [1]
    assert loaded is not built and sorted(loaded) == sorted(built) == ["en", "pa", "pl", "ur"]
    assert loaded["en"].learnt is not None and loaded["en"].learnt.model is model()
    cases = load_cases(DEV_SET)
    assert len(cases) > 500
    for case in cases:
        for language in {case.language, "en"}:
            fresh, cached = built[language], loaded[language]
            glossed = fresh.gloss(case.query)
            assert cached.gloss(case.query) == glossed, (language, case.query)
            assert cached.read(glossed, {}, TODAY) == fresh.read(glossed, {}, TODAY), (
                language,
                case.query,
            )


def test_editing_a_phrasebook_changes_the_key_and_builds_afresh(
    built: Readers, tmp_path: Path
) -> None:
    councils = tmp_path / "councils"
    shutil.copytree(PROJECT_ROOT / "councils", councils)
    before = reader_key(DEFAULT_COUNCIL_FILE, councils)
    assert reader_key(DEFAULT_COUNCIL_FILE, councils) == before
    book = councils / "phrasebooks" / "pl.toml"
    book.write_text(book.read_text(encoding="utf-8") + "\n# a new line\n", encoding="utf-8")
    after = reader_key(DEFAULT_COUNCIL_FILE, councils)
    assert after != before
    council = tmp_path / "council.toml"
    council.write_text(DEFAULT_COUNCIL_FILE.read_text(encoding="utf-8") + "\n# own\n")
    assert reader_key(council, councils) != after

    build, calls = counting(built)
    cached_readers(before, build, model, tmp_path / "cache")
    cached_readers(after, build, model, tmp_path / "cache")
    cached_readers(after, build, model, tmp_path / "cache")
    assert calls == [1, 1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-10] + bytes(b ^ 0xFF for b in data[-10:]),  # altered
        lambda data: b"",  # empty
        lambda data: data[:32] + b"not a pickle",  # a digest that does not match
    ],
)
def test_a_damaged_cache_file_is_built_afresh_and_replaced(
    built: Readers, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    build, calls = counting(built)
    cached_readers("k", build, model, tmp_path)
    (path,) = tmp_path.glob("readers-*.pickle")
    path.write_bytes(damage(path.read_bytes()))
    readers = cached_readers("k", build, model, tmp_path)
    assert calls == [1, 1] and readers is built
    loaded = cached_readers("k", build, model, tmp_path)  # the file was written afresh
    assert calls == [1, 1] and loaded is not built and sorted(loaded) == sorted(built)


def test_a_sound_file_holding_anything_but_readers_is_built_afresh(
    built: Readers, tmp_path: Path
) -> None:
    from directory.reader_cache import _store

    _store(tmp_path / "readers-k.pickle", {"en": "not a reader"})  # type: ignore[dict-item]
    build, calls = counting(built)
    assert cached_readers("k", build, model, tmp_path) is built
    assert calls == [1]


def test_a_process_loads_the_readers_once_for_the_same_files_and_model() -> None:
    from directory import understanding

    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    first = understanding.phrasebook_readers(council, safety, DEFAULT_COUNCIL_FILE)
    assert understanding.phrasebook_readers(council, safety, DEFAULT_COUNCIL_FILE) is first
    assert first["en"].learnt is not None and first["en"].learnt.model is model()

    (key,) = understanding._IN_PROCESS
    understanding._IN_PROCESS[key] = (LearntModel.__new__(LearntModel), first)  # another model
    again = understanding.phrasebook_readers(council, safety, DEFAULT_COUNCIL_FILE)
    assert again is not first and again["en"].learnt.model is model()  # type: ignore[union-attr]
