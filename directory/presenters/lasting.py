"""What a result card says that lasts: kept beside the listing it was drawn from.

A card's words (where, how, cost, ages, the out-of-date notice, what practitioners see)
depend on the listing, the page's council and language, and the day, never on the search:
the same listing on the next page of results, or for the next family, says the same. The
listings a results page shows are kept per index generation (``directory.queries.cards``),
so those words are kept with the listing object itself, in a weak mapping: a listing
reloaded after a change is a new object with nothing kept, and the words go when the
listing is dropped. When it is next open depends on the moment as well, so it is kept
with the moment it was worked out at and the first moment it may change
(``lasting_between``), and worked out again outside them. The distance depends on the
search and is worked out on every page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import TypeVar
from weakref import WeakKeyDictionary

from directory.models.card import CardListing

T = TypeVar("T")

Kept = dict[tuple[int, Hashable], tuple[object, object]]
"""(id of the council, key) -> (the council, what was made)."""

_kept: WeakKeyDictionary[CardListing, Kept] = WeakKeyDictionary()
_kept_between: WeakKeyDictionary[
    CardListing, dict[tuple[int, Hashable], tuple[object, object, datetime, datetime]]
] = WeakKeyDictionary()
"""As ``_kept``, with the moments between which what was made holds."""
_lock = threading.Lock()


def lasting(service: CardListing, council: object, key: Hashable, make: Callable[[], T]) -> T:
    """``make()`` for ``service`` and ``council``, worked out once per ``key``, which must
    name everything else the answer depends on (language, day).

    The council is told apart by identity: each language has a council of its own
    (``directory.council_language``), and the same code may be drawn with either.
    """
    with _lock:
        held = _kept.get(service)
        found = held.get((id(council), key)) if held is not None else None
    if found is not None and found[0] is council:
        return found[1]  # type: ignore[return-value]
    made = make()
    with _lock:
        _kept.setdefault(service, {})[(id(council), key)] = (council, made)
    return made


def lasting_between(
    service: CardListing,
    council: object,
    key: Hashable,
    now: datetime,
    make: Callable[[], T],
    changes_at: Callable[[], datetime],
) -> T:
    """``make()`` for ``service`` and ``council`` at ``now``, kept for any moment from the
    one it was made at until ``changes_at()`` (the first moment it may differ), per
    ``key``, which must name everything else it depends on (language)."""
    with _lock:
        held = _kept_between.get(service)
        found = held.get((id(council), key)) if held is not None else None
    if found is not None and found[0] is council and found[2] <= now < found[3]:
        return found[1]  # type: ignore[return-value]
    made = make()
    with _lock:
        _kept_between.setdefault(service, {})[(id(council), key)] = (
            council,
            made,
            now,
            changes_at(),
        )
    return made
