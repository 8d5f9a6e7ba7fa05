"""The document the directory hands to the search index: a flat, engine-neutral listing."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, fields
from datetime import date

DELIVERY_MODES = frozenset({"in_person", "phone", "online", "outreach"})
MIN_AGE = -1  # pre-birth: antenatal and pregnancy services
MAX_AGE = 25  # SEND services run to 25
SLOT_PATTERN = re.compile(r"(MO|TU|WE|TH|FR|SA|SU)([01]\d|2[0-3])")
AUDIENCES = frozenset({"public", "practitioners"})

_CODE_FIELDS = (
    "category_codes",
    "need_codes",
    "text_needs",
    "text_phrases",
    "level_codes",
    "localities",
    "languages",
)


@dataclass(frozen=True, slots=True)
class ServiceDocument:
    """One service as the index sees it.

    Codes become exact keyword terms, so they may not contain whitespace; validation here
    makes a bad record fail where it is built rather than as a silently unmatched filter.
    """

    id: str
    name: str
    organisation: str = ""
    description: str = ""
    kind: str = ""
    category_codes: tuple[str, ...] = ()
    category_labels: tuple[str, ...] = ()
    need_codes: tuple[str, ...] = ()
    need_labels: tuple[str, ...] = ()
    text_needs: tuple[str, ...] = ()
    """Needs the listing's own words are about, most first (:mod:`search.inference`). For
    a listing with no ``need_codes`` they are its inferred needs."""
    text_phrases: tuple[str, ...] = ()
    """The need phrases its own words use, as stemmed keys ("debt~advic")."""
    level_codes: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()
    borough_wide: bool = False
    delivery: tuple[str, ...] = ()
    points: tuple[tuple[float, float], ...] = ()
    ages: tuple[int, ...] = ()
    free: bool = False
    """Free to some families; funded childcare hours do not count (``funded_hours``)."""
    funded_hours: bool = False
    languages: tuple[str, ...] = ()
    open_slots: tuple[str, ...] = ()
    session_dates: tuple[str, ...] = ()
    assured_date: str | None = None
    review_due: str | None = None
    """When the listing should next be checked (ISO date). Past it, or never checked (no
    ``assured_date``), the listing is overdue and ranks lower."""
    keywords: tuple[str, ...] = ()
    audience: str = "public"
    """``public``, or ``practitioners`` for a listing only practitioners may see."""
    visible_from: str | None = None
    visible_to: str | None = None
    """The seasonal window (ISO dates, either end open): searches apply it on their day."""

    @property
    def inferred_needs(self) -> tuple[str, ...]:
        """Needs search reads from the text because none are set (imports, mostly)."""
        return () if self.need_codes else self.text_needs

    def __post_init__(self) -> None:
        if not self.id or _has_space(self.id):
            raise ValueError(f"document id {self.id!r} must be non-empty without spaces")
        for name in _CODE_FIELDS:
            bad = [code for code in getattr(self, name) if not code or _has_space(code)]
            if bad:
                raise ValueError(f"{self.id}: {name} has codes with spaces or blanks: {bad}")
        if _has_space(self.kind):
            raise ValueError(f"{self.id}: kind {self.kind!r} contains spaces")
        if not DELIVERY_MODES.issuperset(self.delivery):
            raise ValueError(f"{self.id}: unknown delivery modes {self.delivery}")
        if any(not MIN_AGE <= age <= MAX_AGE for age in self.ages):
            raise ValueError(f"{self.id}: ages must lie in {MIN_AGE}..{MAX_AGE}")
        if any(not (math.isfinite(e) and math.isfinite(n)) for e, n in self.points):
            raise ValueError(f"{self.id}: points must be finite eastings/northings")
        if any(not SLOT_PATTERN.fullmatch(slot) for slot in self.open_slots):
            raise ValueError(f"{self.id}: open slots look like 'MO09', got {self.open_slots}")
        if self.audience not in AUDIENCES:
            raise ValueError(f"{self.id}: audience must be one of {sorted(AUDIENCES)}")
        window = [self.assured_date, self.review_due, self.visible_from, self.visible_to]
        for iso in (*self.session_dates, *filter(None, window)):
            date.fromisoformat(iso)


def fingerprint(doc: ServiceDocument) -> str:
    """A short digest of everything the document says, so a health check can tell an index
    that holds old text for a service from one that is up to date."""
    # The fields hold only strings, numbers and tuples of them, so this is what
    # ``dataclasses.astuple`` gives, without its deep copy of every value.
    values = tuple(getattr(doc, name) for name in _FIELD_NAMES)
    return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()[:20]


_FIELD_NAMES = tuple(field.name for field in fields(ServiceDocument))


_SPACE = re.compile(r"\s")
"""A character ``str.isspace`` calls whitespace (the same test, in C: most of a document's
checks went on a Python loop over every character)."""


def _has_space(value: str) -> bool:
    return _SPACE.search(value) is not None
