"""A small, bounded, thread-safe memory of recent answers, the least recently used
forgotten first: what an index snapshot remembers of the queries it has read."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Answer = TypeVar("Answer")


class LastUsed(Generic[Answer]):
    """Up to ``size`` answers by key; :meth:`get` works one out only when it is not held."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._held: OrderedDict[Hashable, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, work_out: Callable[[], Answer]) -> Answer:
        with self._lock:
            if key in self._held:
                self._held.move_to_end(key)
                return self._held[key]
        answer = work_out()  # outside the lock: two threads may both work one out
        with self._lock:
            self._held[key] = answer
            self._held.move_to_end(key)
            while len(self._held) > self._size:
                self._held.popitem(last=False)
        return answer

    def clear(self) -> None:
        with self._lock:
            self._held.clear()

    def __len__(self) -> int:
        return len(self._held)
