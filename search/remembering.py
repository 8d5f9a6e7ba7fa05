"""A small, bounded, thread-safe memory of recent answers, the least recently used
forgotten first: what an index snapshot remembers of the queries it has read."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Answer = TypeVar("Answer")


class LastUsed(Generic[Answer]):
    """Answers by key, up to ``size`` of them (or, with ``weigh``, up to answers weighing
    ``size`` in all: a listing count, say); :meth:`get` works one out only when it is not
    held."""

    def __init__(self, size: int, weigh: Callable[[Answer], int] | None = None) -> None:
        self._size = size
        self._weigh = weigh or (lambda answer: 1)
        self._weight = 0
        self._held: OrderedDict[Hashable, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, work_out: Callable[[], Answer]) -> Answer:
        with self._lock:
            if key in self._held:
                self._held.move_to_end(key)
                return self._held[key]
        answer = work_out()  # outside the lock: two threads may both work one out
        with self._lock:
            if key not in self._held:
                self._held[key] = answer
                self._weight += self._weigh(answer)
            while self._weight > self._size and len(self._held) > 1:
                self._weight -= self._weigh(self._held.popitem(last=False)[1])
        return answer

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
            self._weight = 0

    def __len__(self) -> int:
        return len(self._held)
