"""Values loaded per listing, kept while neither the index nor the listings have changed.

Every write to a listing re-indexes it, but the index can lag the database: an import
re-indexes after its last commit, a re-index refused a writer is retried by the follower,
and another node takes the change from the change log a second or so later. So values are
kept for a key of both (``kept_generation``): the index's generation and the database's
newest listing change (``search_change``, one indexed row read a page). ``GenerationKept``
keeps one process's values by listing id (at most ``most``, the least recently asked
dropped first), empties itself when the key changes, and loads only the ids it has not
seen. Whether a listing may be shown today is left to its callers, on every page.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Generic, TypeVar

import sqlalchemy as sa

from directory.extensions import db
from directory.models import SearchChange

Value = TypeVar("Value")


class GenerationKept(Generic[Value]):
    """One process's values by listing id for one index generation at a time."""

    def __init__(self, most: int) -> None:
        self._most = most
        self._lock = threading.Lock()
        self._generation: Hashable | None = None
        self._kept: OrderedDict[str, Value] = OrderedDict()

    def __len__(self) -> int:
        """How many listings' values are kept."""
        return len(self._kept)

    def get(
        self,
        ids: Sequence[str],
        generation: Hashable,
        load: Callable[[list[str]], dict[str, Value]],
    ) -> dict[str, Value]:
        """The value of each of ``ids`` there is (``load`` gives those not kept)."""
        wanted = list(dict.fromkeys(ids))
        with self._lock:
            if generation != self._generation:
                self._kept.clear()
                self._generation = generation
            found = {i: self._kept[i] for i in wanted if i in self._kept}
            for service_id in found:
                self._kept.move_to_end(service_id)
        missing = [i for i in wanted if i not in found]
        if missing:
            loaded = load(missing)
            found.update(loaded)
            with self._lock:
                if generation == self._generation:
                    self._kept.update(loaded)
                    while len(self._kept) > self._most:
                        self._kept.popitem(last=False)
        return found


def kept_generation(index_generation: Hashable) -> tuple[Hashable, int]:
    """The key kept values hold for: the index's generation and the newest committed change
    to any listing. Read before loading, so a value is never older than its key: a listing
    withdrawn or closed to families in a commit the index has not taken yet is read afresh
    on the next page, as the database says."""
    newest = db.session.scalar(sa.select(sa.func.max(SearchChange.id)))
    return index_generation, newest or 0


def in_window(
    active: bool, visible_from: date | None, visible_to: date | None, today: date
) -> bool:
    """Active and inside its seasonal window: ``in_season_for_practitioners`` in Python."""
    return (
        active
        and (visible_from is None or visible_from <= today)
        and (visible_to is None or today <= visible_to)
    )
