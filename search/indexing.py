"""How a :class:`ServiceDocument` is split into what an index stores.

Both backends call these functions, so a document has the same text, keyword terms and
spelling words whichever engine holds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from search.analysis import words
from search.audience import first_sentence, inferred_audience
from search.documents import ServiceDocument
from search.geo import point_cells
from search.query import DAYS

# Field weights: a word in the name counts most, then taxonomy labels, then the rest.
TEXT_FIELDS: dict[str, float] = {
    "name": 3.0,
    "taxonomy": 2.0,
    "organisation": 1.5,
    "description": 1.0,
}

# Keyword fields: exact terms for filters, facets and geo cells.
NEED = "need"
INFERRED_NEED = "inferred"  # needs read from the text of a listing with none set
UNSORTED = "unsorted"  # YES for a listing with no needs set (most imports)
ABOUT = "about"  # the need a listing's own words are most about (see search.inference)
PHRASE = "phrase"  # the need phrases a listing's own words use
CATEGORY = "category"
KIND = "kind"
LOCALITY = "locality"
LANGUAGE = "language"
DELIVERY = "delivery"
DAY = "day"
SLOT = "slot"
SESSION_DATE = "date"
AGE = "age"
FREE = "free"
FUNDED_HOURS = "funded"  # takes funded childcare hours (2, 3 and 4 year olds)
VENUE = "venue"
CELL = "cell"
LEVEL = "level"
AUDIENCE = "audience"
SEASON = "season"
ALWAYS = "always"  # season term of listings with no seasonal window
PUBLIC = "public"
BOROUGH_WIDE = "*"  # locality term of services that serve the whole borough
YES = "yes"
NO_VENUE = "none"
FOR = "for"  # whom a listing's ages say it is for, when they say (see who_for)
INFERRED_FOR = "inferred_for"  # whom its own words say it is for, when its ages do not
YOUNG = "young"
ADULT = "adult"
SCHOOL_AGE = 5
YOUTH_END = 19
ADULT_FROM = 16


def who_for(ages: Iterable[int]) -> tuple[str, ...]:
    """Whom a listing serves, as its ages tell: ``young`` (children and young people
    themselves: school age up to 19, as a youth club), ``adult`` (16 and over, as a job
    club), or nothing (families, babies with their parents, or no ages given)."""
    ages = tuple(ages)
    if not ages:
        return ()
    low, high = min(ages), max(ages)
    if low >= SCHOOL_AGE and high <= YOUTH_END:
        return (YOUNG,)
    if low >= ADULT_FROM:
        return (ADULT,)
    return ()


def inferred_for(doc: ServiceDocument) -> tuple[str, ...]:
    """Whom a listing's own words say it is for (:mod:`search.audience`), when its ages do
    not say (:func:`who_for`)."""
    if who_for(doc.ages):
        return ()
    who, _ = audience_evidence(doc)
    return (who,) if who else ()


def audience_evidence(doc: ServiceDocument) -> tuple[str, str]:
    """(whom its name or summary says it is for, the words saying so); see
    :func:`search.audience.inferred_audience`."""
    return inferred_audience(doc.name, first_sentence(doc.description), doc.kind, doc.ages)


def runs(values: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive stretches of whole numbers, e.g. 0,1,2,5 -> (0, 2), (5, 5)."""
    stretches: list[tuple[int, int]] = []
    for value in sorted(set(values)):
        if stretches and stretches[-1][1] == value - 1:
            stretches[-1] = (stretches[-1][0], value)
        else:
            stretches.append((value, value))
    return stretches


def age_terms(ages: Iterable[int]) -> tuple[str, ...]:
    """Age ranges as terms ``"lo:hi"``: one or two per service instead of one per year."""
    return tuple(f"{low}:{high}" for low, high in runs(ages))


def age_term_covers(term: str, age: int) -> bool:
    low, high = term.split(":")
    return int(low) <= age <= int(high)


def slot_terms(slots: Iterable[str]) -> tuple[str, ...]:
    """Opening hours as a term per day and stretch of hours, ``"TU09-11"``."""
    hours: dict[str, list[int]] = {}
    for slot in slots:
        hours.setdefault(slot[:2], []).append(int(slot[2:]))
    return tuple(
        f"{day}{low:02d}-{high:02d}" for day in sorted(hours) for low, high in runs(hours[day])
    )


def slot_term_covers(term: str, slot: str) -> bool:
    return term[:2] == slot[:2] and int(term[2:4]) <= int(slot[2:]) <= int(term[5:7])


def season_term(visible_from: str | None, visible_to: str | None) -> str:
    """A seasonal window as one term, ``"2026-07-01~2026-09-06"`` (an open end is empty)."""
    if visible_from is None and visible_to is None:
        return ALWAYS
    return f"{visible_from or ''}~{visible_to or ''}"


def season_term_covers(term: str, today: str) -> bool:
    """Whether a listing with this season term is in season on ``today`` (an ISO date)."""
    if term == ALWAYS:
        return True
    start, end = term.split("~")
    return (not start or start <= today) and (not end or today <= end)


def text_fields(doc: ServiceDocument) -> dict[str, str]:
    """The searchable text of each text field."""
    kind = doc.kind.replace("_", " ").replace("-", " ")
    return {
        "name": doc.name,
        "taxonomy": " ".join((*doc.category_labels, *doc.need_labels, *doc.keywords, kind)),
        "organisation": doc.organisation,
        "description": doc.description,
    }


def keyword_terms(doc: ServiceDocument) -> dict[str, tuple[str, ...]]:
    """Terms of each keyword field. Open days come from weekly slots and dated sessions.

    Ages and opening hours are indexed as ranges (they were two thirds of all keyword
    postings as single values); the engine expands a filter value to the ranges holding it.
    """
    days = {slot[:2] for slot in doc.open_slots}
    days.update(DAYS[date.fromisoformat(iso).weekday()] for iso in doc.session_dates)
    return {
        NEED: doc.need_codes,
        INFERRED_NEED: doc.inferred_needs,
        UNSORTED: () if doc.need_codes else (YES,),
        ABOUT: doc.text_needs[:1],
        PHRASE: doc.text_phrases,
        LEVEL: doc.level_codes,
        AUDIENCE: (doc.audience,),
        SEASON: (season_term(doc.visible_from, doc.visible_to),),
        CATEGORY: doc.category_codes,
        KIND: (doc.kind,) if doc.kind else (),
        LOCALITY: (*doc.localities, BOROUGH_WIDE) if doc.borough_wide else doc.localities,
        LANGUAGE: doc.languages,
        DELIVERY: doc.delivery,
        DAY: tuple(sorted(days)),
        SLOT: slot_terms(doc.open_slots),
        SESSION_DATE: doc.session_dates,
        AGE: age_terms(doc.ages),
        FOR: who_for(doc.ages),
        INFERRED_FOR: inferred_for(doc),
        FREE: (YES,) if doc.free else (),
        FUNDED_HOURS: (YES,) if doc.funded_hours else (),
        VENUE: (YES,) if doc.points else (NO_VENUE,),
        CELL: point_cells(doc.points),
    }


def spelling_words(doc: ServiceDocument) -> set[str]:
    """Unstemmed words a misspelt query can be corrected to."""
    return {word for text in text_fields(doc).values() for word in words(text) if len(word) > 2}
