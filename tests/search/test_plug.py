"""The plug: SEARCH_BACKEND chooses the engine, and only search/ names one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from search import IndexUnavailable, MemoryBackend, TantivyBackend, WhooshBackend
from search.plug import ENGINES, UnknownBackend, open_backend
from tests.search.search_factories import directory, ids, query

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Settings:
    search_backend: str
    search_index_dir: Path


@pytest.mark.parametrize(
    ("engine", "kind"), [("whoosh", WhooshBackend), ("tantivy", TantivyBackend)]
)
def test_an_engine_on_disk_is_written_then_opened(tmp_path: Path, engine: str, kind: type) -> None:
    plug = open_backend(Settings(engine, tmp_path / "index"))
    assert plug.on_disk
    with pytest.raises(IndexUnavailable):
        plug.open()
    plug.create(directory())
    backend = plug.open()
    assert isinstance(backend, kind)
    assert ids(backend.search(query("antenatal"))) == ["bump-to-baby"]
    backend.close()


def test_memory_keeps_nothing_on_disk(tmp_path: Path) -> None:
    plug = open_backend(Settings("memory", tmp_path / "index"))
    assert not plug.on_disk
    assert isinstance(plug.stand_in(directory()), MemoryBackend)
    with pytest.raises(UnknownBackend, match="no index on disk"):
        plug.open()
    assert not (tmp_path / "index").exists()


@pytest.mark.parametrize("name", ["elastic", "", "Whoosh"])
def test_an_unknown_engine_is_refused_by_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnknownBackend, match=f"one of {', '.join(ENGINES)}, not {name!r}"):
        open_backend(Settings(name, tmp_path))


def test_nothing_under_directory_names_an_engine() -> None:
    for path in (ROOT / "directory").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        for engine in ("whoosh", "tantivy"):
            assert engine not in text, f"{path.relative_to(ROOT)} names {engine}"
