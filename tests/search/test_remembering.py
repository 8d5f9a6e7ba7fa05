"""What an index snapshot remembers of the queries it reads, and for how long."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from search import WhooshBackend
from search.remembering import LastUsed
from search.understanding import QueryReader
from tests.search.search_factories import directory, make_doc, query
from tests.search.test_understanding import reader

READER: QueryReader = reader()


def test_the_least_recently_used_answer_is_forgotten_first() -> None:
    remembered: LastUsed[str] = LastUsed(2)
    remembered.get("a", lambda: "A")
    remembered.get("b", lambda: "B")
    remembered.get("a", lambda: "never worked out")  # "a" used again: "b" is now oldest
    remembered.get("c", lambda: "C")

    assert len(remembered) == 2
    assert remembered.get("a", lambda: "again") == "A"
    assert remembered.get("b", lambda: "B again") == "B again"


def test_answers_can_be_weighed() -> None:
    remembered: LastUsed[list[int]] = LastUsed(5, len)
    remembered.get("three", lambda: [1, 2, 3])
    remembered.get("two", lambda: [1, 2])
    remembered.get("four", lambda: [1, 2, 3, 4])  # 9 held: the oldest go until 5 or less

    assert len(remembered) == 1
    assert remembered.get("four", lambda: []) == [1, 2, 3, 4]


def test_a_reading_is_remembered_by_words_and_day_until_the_index_changes(
    tmp_path: Path,
) -> None:
    with WhooshBackend.create(tmp_path / "index", directory()) as backend:
        asked = query("my partner hits me", reader=READER)
        first = backend.search(asked).reading
        again = backend.search(replace(asked, text="  my partner   hits me ", page=1)).reading
        tomorrow = backend.search(replace(asked, today=asked.today + timedelta(days=1))).reading

        assert first is not None and "domestic-abuse" in first.dangers
        assert again is first
        assert tomorrow == first and tomorrow is not first

        backend.index([make_doc("new-listing", "A new listing")])
        changed = backend.search(asked).reading

        assert changed == first and changed is not first
