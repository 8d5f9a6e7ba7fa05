"""The reader cache: a loaded reader reads as a built one; a changed file or a damaged
cache is built afresh, never trusted; readers built again in a process after a file
changed read the change, and readers built while a file changed are stored under no key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import pytest

from bench.relevance import load_cases
from directory.config import DEFAULT_COUNCIL_FILE, PROJECT_ROOT
from directory.council import Council, load_council
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


def cached(key: str, build: Callable[[], Readers], cache: Path) -> Readers:
    """The readers cached under ``key``, the files unchanged while they were built."""
    readers, current = cached_readers(key, lambda: key, build, model, cache)
    assert current
    return readers


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
    cached("k", build, tmp_path)
    loaded = cached("k", build, tmp_path)
    assert calls == [1]
    assert loaded is not built and sorted(loaded) == sorted(built) == ["en", "pa", "pl", "ur"]
    assert loaded["en"].learnt is not None and loaded["en"].learnt.model is model()
    cases = load_cases(DEV_SET)
    assert len(cases) > 500
    for case in cases:
        for language in {case.language, "en"}:
            fresh, kept = built[language], loaded[language]
            glossed = fresh.gloss(case.query)
            assert kept.gloss(case.query) == glossed, (language, case.query)
            assert kept.read(glossed, {}, TODAY) == fresh.read(glossed, {}, TODAY), (
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
    cached(before, build, tmp_path / "cache")
    cached(after, build, tmp_path / "cache")
    cached(after, build, tmp_path / "cache")
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
    cached("k", build, tmp_path)
    (path,) = tmp_path.glob("readers-*.pickle")
    path.write_bytes(damage(path.read_bytes()))
    readers = cached("k", build, tmp_path)
    assert calls == [1, 1] and readers is built
    loaded = cached("k", build, tmp_path)  # the file was written afresh
    assert calls == [1, 1] and loaded is not built and sorted(loaded) == sorted(built)


def test_a_sound_file_holding_anything_but_readers_is_built_afresh(
    built: Readers, tmp_path: Path
) -> None:
    from directory.reader_cache import _store

    _store(tmp_path / "readers-k.pickle", {"en": "not a reader"})  # type: ignore[dict-item]
    build, calls = counting(built)
    assert cached("k", build, tmp_path) is built
    assert calls == [1]


def test_a_process_loads_the_readers_once_for_the_same_files_and_model() -> None:
    from directory import understanding

    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    taken = reader_key(DEFAULT_COUNCIL_FILE)
    first = understanding.phrasebook_readers(council, safety, DEFAULT_COUNCIL_FILE, taken)
    assert understanding.phrasebook_readers(council, safety, DEFAULT_COUNCIL_FILE, taken) is first
    assert first["en"].learnt is not None and first["en"].learnt.model is model()

    (key,) = understanding._IN_PROCESS
    understanding._IN_PROCESS[key] = (LearntModel.__new__(LearntModel), first)  # another model
    again = understanding.phrasebook_readers(council, safety, DEFAULT_COUNCIL_FILE, taken)
    assert again is not first and again["en"].learnt.model is model()  # type: ignore[union-attr]


WORD = "zorbleflax"
"""A made-up word, added to a lexicon of a copy of ``councils/``."""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _add_cue(councils: Path) -> None:
    """A cue pattern for domestic abuse (cues.toml)."""
    head = "[cues.domestic-abuse]\nen = [\n"
    _edit(councils / "safety" / "cues.toml", head, f'{head}"{WORD}",\n')


def _cued(readers: Readers) -> bool:
    return "domestic-abuse" in readers["en"].read(WORD, {}, TODAY).cues


def _add_partner(councils: Path) -> None:
    """A word for a partner (harm.toml), read with "hit me" as domestic abuse."""
    head = "[classes.partner]\nen = ["
    _edit(councils / "safety" / "harm.toml", head, f'{head}"{WORD}", ')


def _a_partner(readers: Readers) -> bool:
    harm = readers["en"].harm
    assert harm is not None
    return any(w.text == WORD for f in harm.read([WORD, "hit", "me"]) for w in f.words)


def _add_polish_word(councils: Path) -> None:
    """A Polish meaningless word: a real word for every language's reader."""
    head = "[meaningless]\nwords = [\n"
    _edit(councils / "phrasebooks" / "pl.toml", head, f'{head}"{WORD}", ')


def _a_real_word(readers: Readers) -> bool:
    return readers["en"].is_word(WORD)


EDITS = [(_add_cue, _cued), (_add_partner, _a_partner), (_add_polish_word, _a_real_word)]


@pytest.fixture
def councils(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ``councils/`` the readers are built from."""
    from directory import understanding

    copy = tmp_path / "councils"
    shutil.copytree(PROJECT_ROOT / "councils", copy)
    monkeypatch.setattr(understanding, "CUES_FILE", copy / "safety" / "cues.toml")
    monkeypatch.setattr(understanding, "HARM_FILE", copy / "safety" / "harm.toml")
    return copy


def building(councils: Path) -> Callable[[], Readers]:
    council = load_council(DEFAULT_COUNCIL_FILE)
    return partial(build_readers, council, load_safety_lines(council), councils / "phrasebooks")


@pytest.mark.parametrize(("edit", "read"), EDITS, ids=["cues", "harm", "real words"])
def test_readers_built_again_after_a_lexicon_changes_read_it_and_are_stored_so(
    councils: Path,
    tmp_path: Path,
    edit: Callable[[Path], None],
    read: Callable[[Readers], bool],
) -> None:
    key = partial(reader_key, DEFAULT_COUNCIL_FILE, councils)
    build, cache = building(councils), tmp_path / "cache"
    assert not read(cached(key(), build, cache))
    edit(councils)
    assert read(cached(key(), build, cache))
    assert read(cached(key(), lambda: pytest.fail("built again"), cache))  # as a start loads


def test_readers_built_while_a_lexicon_changes_are_stored_under_no_key(
    councils: Path, tmp_path: Path
) -> None:
    key = partial(reader_key, DEFAULT_COUNCIL_FILE, councils)
    build, cache = building(councils), tmp_path / "cache"

    def changing() -> Readers:
        readers = build()
        _add_cue(councils)  # as an editor saves the file while the readers are built
        return readers

    readers, current = cached_readers(key(), key, changing, model, cache)
    assert not current and sorted(readers) == ["en", "pa", "pl", "ur"]
    assert list(cache.glob("readers-*.pickle")) == []
    assert _cued(cached(key(), build, cache))  # the next start builds from the files as they are


def test_an_app_whose_council_file_changes_as_it_starts_stores_no_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import directory
    from directory import create_app, reader_cache, understanding
    from tests.support.apps import config_for_tests

    monkeypatch.setattr(understanding, "_IN_PROCESS", {})
    council_file = tmp_path / "council.toml"
    own = DEFAULT_COUNCIL_FILE.read_text(encoding="utf-8") + f"# {tmp_path}\n"  # its own key
    council_file.write_text(own, encoding="utf-8")
    read = directory.load_council

    def read_then_saved(path: Path) -> Council:
        council = read(path)
        _edit(path, 'service_name = "', 'service_name = "New ')  # an editor saves it now
        return council

    monkeypatch.setattr(directory, "load_council", read_then_saved)
    app = create_app(config_for_tests("sqlite://", tmp_path, council_file=council_file))
    assert sorted(app.extensions["query_readers"]) == ["en", "pa", "pl", "ur"]
    assert understanding._IN_PROCESS == {}
    keys = {app.extensions["reader_key"], reader_key(council_file)}
    assert len(keys) == 2
    stored = {path.name for path in reader_cache.CACHE.glob("readers-*.pickle")}
    assert stored.isdisjoint(f"readers-{key}.pickle" for key in keys)
