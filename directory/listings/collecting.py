"""Fewer garbage-collector passes while a large import builds and indexes its rows."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_OBJECTS = 20_000
"""Objects allocated between two passes over the youngest generation (Python's default: 700)."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often until the block ends, then as before.

    An import allocates millions of short-lived objects (ORM rows, search index postings) while
    holding many long-lived ones, and at Python's default thresholds the collector's passes
    over the old generation cost a fifth of an apply. Garbage is still collected, in larger
    and rarer passes, so memory stays bounded by the chunk, not the file.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_OBJECTS), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
