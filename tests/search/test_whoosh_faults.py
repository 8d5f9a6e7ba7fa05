"""The Whoosh backend's failure modes: missing, corrupt and locked indexes, and swaps."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from search import IndexLocked, IndexUnavailable, WhooshBackend
from search.generations import CURRENT, GENERATION_PREFIX, LOCK_FILE
from tests.search.search_factories import directory, ids, make_doc, query

HOLD_LOCK = """
import fcntl, sys, time
handle = open(sys.argv[1], "a")
fcntl.flock(handle, fcntl.LOCK_EX)
print("locked", flush=True)
if sys.argv[2] == "forever":
    sys.stdin.read()
else:
    time.sleep(float(sys.argv[2]))
"""


@contextmanager
def lock_held_elsewhere(index_dir: Path, hold: str = "forever") -> Iterator[None]:
    """Another process holding the write lock, until the block ends (or ``hold`` seconds)."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index_dir / LOCK_FILE), hold],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "locked"
        yield
    finally:
        child.stdin.close()
        child.wait(timeout=10)
        child.stdout.close()


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    WhooshBackend.create(tmp_path / "index", directory()).close()
    return tmp_path / "index"


def live_generation(index_dir: Path) -> Path:
    return index_dir / os.readlink(index_dir / CURRENT)


def generations(index_dir: Path) -> list[str]:
    return sorted(path.name for path in index_dir.glob(f"{GENERATION_PREFIX}*"))


def test_missing_directory_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable):
        WhooshBackend(tmp_path / "nowhere")


def test_directory_without_an_index_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable):
        WhooshBackend(tmp_path)


def test_dangling_current_link_is_unavailable(index_dir: Path) -> None:
    shutil.rmtree(live_generation(index_dir))
    with pytest.raises(IndexUnavailable):
        WhooshBackend(index_dir)


def _random_bytes(data: bytes) -> bytes:
    return random.Random(1).randbytes(len(data))


@pytest.mark.parametrize(
    ("suffix", "damage"),
    [
        (".seg", _random_bytes),
        (".seg", lambda data: b"\0" * len(data)),
        (".seg", lambda data: data[: len(data) // 2]),
        (".seg", lambda data: b"not a segment"),
        (".toc", lambda data: b"garbage" * 20),
        (".toc", lambda data: b""),
    ],
)
def test_corrupt_index_files_are_unavailable(index_dir: Path, suffix: str, damage) -> None:
    damaged = [path for path in live_generation(index_dir).iterdir() if path.suffix == suffix]
    assert damaged
    for path in damaged:
        path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(IndexUnavailable):
        WhooshBackend(index_dir)


def test_an_open_backend_reports_a_vanished_index(index_dir: Path) -> None:
    with WhooshBackend(index_dir) as backend:
        assert backend.healthy()
        shutil.rmtree(index_dir)
        assert not backend.healthy()
        with pytest.raises(IndexUnavailable):
            backend.search(query("food"))


def test_an_open_backend_reports_a_corrupt_new_generation(index_dir: Path) -> None:
    with WhooshBackend(index_dir) as backend:
        bad = index_dir / f"{GENERATION_PREFIX}bad"
        shutil.copytree(live_generation(index_dir), bad)
        for path in bad.glob("*.seg"):
            path.write_bytes(b"\0" * path.stat().st_size)
        (index_dir / CURRENT).unlink()
        (index_dir / CURRENT).symlink_to(bad.name)
        assert not backend.healthy()
        with pytest.raises(IndexUnavailable):
            backend.search(query("food"))


def test_a_corrupt_spelling_vocabulary_is_unavailable_only_for_corrections(
    index_dir: Path,
) -> None:
    (live_generation(index_dir) / "vocabulary.json").write_text("[not json", encoding="utf-8")
    with WhooshBackend(index_dir) as backend:
        assert backend.search(query("food")).total == 3
        with pytest.raises(IndexUnavailable):
            backend.search(query("behavour"))


def test_readers_search_while_another_process_holds_the_write_lock(index_dir: Path) -> None:
    with WhooshBackend(index_dir, lock_timeout=0.3) as backend, lock_held_elsewhere(index_dir):
        started = time.monotonic()
        assert ids(backend.search(query("antenatal"))) == ["bump-to-baby"]
        assert WhooshBackend(index_dir).count() == len(directory())
        assert time.monotonic() - started < 0.3


def test_writers_give_up_clearly_while_the_lock_is_held(index_dir: Path) -> None:
    with WhooshBackend(index_dir, lock_timeout=0.3) as backend, lock_held_elsewhere(index_dir):
        started = time.monotonic()
        with pytest.raises(IndexLocked, match="write lock"):
            backend.index([make_doc("new", "New listing")])
        assert time.monotonic() - started >= 0.3
        with pytest.raises(IndexLocked):
            backend.rebuild([make_doc("new", "New listing")])
        assert backend.count() == len(directory())
    assert issubclass(IndexLocked, IndexUnavailable)


def test_writers_wait_for_the_lock_to_be_released(index_dir: Path) -> None:
    with WhooshBackend(index_dir, lock_timeout=10) as backend:
        with lock_held_elsewhere(index_dir, hold="0.5"):
            started = time.monotonic()
            backend.index([make_doc("new", "New listing")])
            waited = time.monotonic() - started
        assert waited >= 0.3
        assert "new" in backend.document_ids()


def test_changes_by_another_writer_are_seen(index_dir: Path) -> None:
    with WhooshBackend(index_dir) as reader, WhooshBackend(index_dir) as writer:
        assert reader.search(query("trampoline")).total == 0
        writer.index([make_doc("new", "Trampoline club")])
        assert ids(reader.search(query("trampoline"))) == ["new"]
        writer.remove(["new"])
        assert reader.search(query("trampoline")).total == 0
        writer.rebuild([make_doc("only", "Only listing")])
        assert reader.document_ids() == {"only"}


def test_rebuild_swaps_generations_and_keeps_one_previous(index_dir: Path) -> None:
    first = generations(index_dir)
    with WhooshBackend(index_dir) as backend:
        for round_ in range(3):
            backend.rebuild([make_doc(f"round-{round_}", "Listing")])
        assert backend.document_ids() == {"round-2"}
    after = generations(index_dir)
    assert len(after) == 2
    assert not set(first) & set(after)
    assert os.readlink(index_dir / CURRENT) == after[-1]


def test_a_failed_rebuild_leaves_the_live_index_alone(index_dir: Path) -> None:
    before = generations(index_dir)

    def documents() -> Iterator:
        yield make_doc("half", "Half written")
        raise RuntimeError("the database went away")

    with WhooshBackend(index_dir) as backend:
        with pytest.raises(RuntimeError):
            backend.rebuild(documents())
        assert generations(index_dir) == before
        assert backend.count() == len(directory())
        assert "half" not in backend.document_ids()


def test_a_failed_update_writes_nothing(index_dir: Path) -> None:
    def documents() -> Iterator:
        yield make_doc("half", "Half written")
        raise RuntimeError("bad record")

    with WhooshBackend(index_dir) as backend:
        with pytest.raises(RuntimeError):
            backend.index(documents())
        assert "half" not in backend.document_ids()


def test_writing_to_a_missing_index_is_unavailable(index_dir: Path) -> None:
    backend = WhooshBackend(index_dir)
    backend.close()
    shutil.rmtree(index_dir)
    with pytest.raises(IndexUnavailable):
        backend.index([make_doc("new", "New")])


def test_document_ids_match_the_documents_indexed(index_dir: Path) -> None:
    with WhooshBackend(index_dir) as backend:
        assert backend.document_ids() == {doc.id for doc in directory()}
        assert backend.count() == len(directory())


@pytest.fixture
def small_segments(monkeypatch: pytest.MonkeyPatch) -> int:
    """Segments of three documents, so a handful of listings spans several."""
    monkeypatch.setattr("search.whoosh_backend.DOCUMENTS_PER_SEGMENT", 3)
    return 3


def _segment_count(index_dir: Path) -> int:
    from whoosh import index as whoosh_index

    with whoosh_index.open_dir(str(live_generation(index_dir))).reader() as reader:
        return len(reader.leaf_readers())


def test_a_large_update_commits_segment_by_segment_and_keeps_every_document(
    index_dir: Path, small_segments: int
) -> None:
    new = [make_doc(f"new-{n}", f"Listing {n}", description=f"word{n}") for n in range(8)]
    before = _segment_count(index_dir)
    with WhooshBackend(index_dir) as backend:
        backend.index(new)
        assert backend.document_ids() == {doc.id for doc in [*directory(), *new]}
        assert ids(backend.search(query("word7"))) == ["new-7"]
    assert _segment_count(index_dir) >= before + 8 // small_segments
    vocabulary = (live_generation(index_dir) / "vocabulary.json").read_text()
    assert "word7" in vocabulary


def test_a_large_rebuild_writes_every_document_in_segments(
    index_dir: Path, small_segments: int
) -> None:
    documents = [make_doc(f"listing-{n}", f"Listing {n}") for n in range(10)]
    with WhooshBackend(index_dir) as backend:
        backend.rebuild(documents)
        assert backend.document_ids() == {doc.id for doc in documents}
    assert _segment_count(index_dir) >= 10 // small_segments


def test_an_update_failing_part_way_keeps_whole_segments_and_frees_the_lock(
    index_dir: Path, small_segments: int
) -> None:
    def documents() -> Iterator:
        for n in range(5):
            yield make_doc(f"new-{n}", f"Listing {n}")
        raise RuntimeError("the database went away")

    with WhooshBackend(index_dir) as backend:
        with pytest.raises(RuntimeError):
            backend.index(documents())
        held = backend.document_ids()
        assert {"new-0", "new-1", "new-2"} <= held
        assert not {"new-3", "new-4"} & held
        backend.index([make_doc("later", "Later")])
        assert "later" in backend.document_ids()
