"""Values loaded per listing, kept while the search index's generation is unchanged.

Every write to a listing re-indexes it, so while the index's generation is the same, what
was loaded for a listing is too. ``GenerationKept`` keeps one process's values by listing
id (at most ``most``, the least recently asked dropped first), empties itself when the
generation changes, and loads only the ids it has not seen. Whether a listing may be shown
today is left to its callers, on every page.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Generic, TypeVar

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


def in_window(
    active: bool, visible_from: date | None, visible_to: date | None, today: date
) -> bool:
    """Active and inside its seasonal window: ``in_season_for_practitioners`` in Python."""
    return (
        active
        and (visible_from is None or visible_from <= today)
        and (visible_to is None or today <= visible_to)
    )
