"""The tantivy schema and how a document fills it.

Text is analysed here, by the same analyser the other backends use (stems and synonym
phrase tokens, :mod:`search.phrases`), and handed to tantivy as space-separated tokens, so
tantivy's terms are exactly the tokens a :class:`~search.query.TermGroup` names. Keyword
terms (codes, localities, days...) are raw fast fields, so filters are term queries and
facet counts are tantivy's terms aggregations; venues are in grid cells as the other
backends have them (:mod:`search.geo`). Ages, opening hours and the seasonal window are
numbers, so a filter or a reading on them is a range query; venue coordinates are fast
fields, to measure distances without reading documents back.

Each document also stores an *entry*: what re-ranking needs of it (its keyword terms, each
text field's token counts, dates and points), read only for the few hundred candidates a
query keeps (:mod:`search.tantivy_view`).
"""

from __future__ import annotations

import hashlib
import marshal
from collections import Counter
from datetime import date
from typing import Any

import tantivy

from search.analysis import clean
from search.documents import ServiceDocument, fingerprint
from search.indexing import (
    AGE,
    CELL,
    SEASON,
    SLOT,
    TEXT_FIELDS,
    keyword_terms,
    text_fields,
)
from search.phrases import index_tokens
from search.query import DAYS

ID = "id"
KEY = "key"
"""The id as a number (a hash), a fast field: what a radius keeps is found by it."""
ENTRY = "entry"
EASTING = "easting"
NORTHING = "northing"
VENUES = "venues"
AGES = "ages"
HOURS = "hours"
SEASON_FROM = "season_from"
SEASON_TO = "season_to"
ASSURED = "assured"
DUE = "due"
FOREVER = 10**7
"""A season end past any date's ordinal: an open end of the seasonal window."""
NUMERIC_KEYWORDS = frozenset({AGE, SLOT, SEASON})
"""Keyword fields held as numbers instead of terms."""
ENTRY_VERSION = 2
"""Grid cells are left out of the entry: they follow from the points."""


def keyword_field(name: str) -> str:
    """The tantivy field of keyword field ``name`` (:mod:`search.indexing`)."""
    return f"k_{name}"


def length_field(name: str) -> str:
    """The tantivy fast field holding the token count of text field ``name``."""
    return f"n_{name}"


KEYWORD_NAMES: tuple[str, ...] = tuple(
    name
    for name in keyword_terms(ServiceDocument(id="probe", name="probe"))
    if name not in NUMERIC_KEYWORDS
)


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(ID, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field(KEY, indexed=True, fast=True)
    builder.add_bytes_field(ENTRY, stored=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
        builder.add_integer_field(length_field(name), fast=True)
    for name in KEYWORD_NAMES:
        builder.add_text_field(
            keyword_field(name), tokenizer_name="raw", fast=True, index_option="basic"
        )
    for name in (EASTING, NORTHING):
        builder.add_float_field(name, indexed=True, fast=True)
    for name in (VENUES, AGES, HOURS, SEASON_FROM, SEASON_TO, ASSURED, DUE):
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


def id_key(doc_id: str) -> int:
    """A listing's id as a 63-bit number (a collision is as likely as a 1 in 10^18 draw)."""
    digest = hashlib.blake2b(doc_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def hour_number(slot: str) -> int:
    """An opening slot ("TU09") as one number: the hour of the week."""
    return DAYS.index(slot[:2]) * 24 + int(slot[2:])


def day_number(iso: str | None, default: int) -> int:
    return date.fromisoformat(iso).toordinal() if iso else default


def tantivy_document(doc: ServiceDocument) -> tuple[tantivy.Document, Counter[str]]:
    """The tantivy document for ``doc`` and its text lengths by field."""
    out = tantivy.Document()
    out.add_text(ID, doc.id)
    out.add_integer(KEY, id_key(doc.id))
    keywords = keyword_terms(doc)
    frequencies: dict[str, dict[str, int]] = {}
    lengths: Counter[str] = Counter()
    for name, text in text_fields(doc).items():
        tokens = index_tokens(clean(text)) if text else []
        if tokens:
            out.add_text(name, " ".join(tokens))
            frequencies[name] = dict(Counter(tokens))
        lengths[name] = len(tokens)
        out.add_integer(length_field(name), len(tokens))
    for name in KEYWORD_NAMES:
        for term in keywords.get(name, ()):
            out.add_text(keyword_field(name), term)
    for easting, northing in doc.points:
        out.add_float(EASTING, easting)
        out.add_float(NORTHING, northing)
    out.add_integer(VENUES, len(doc.points))
    for age in doc.ages:
        out.add_integer(AGES, age)
    for slot in doc.open_slots:
        out.add_integer(HOURS, hour_number(slot))
    out.add_integer(SEASON_FROM, day_number(doc.visible_from, 0))
    out.add_integer(SEASON_TO, day_number(doc.visible_to, FOREVER))
    out.add_integer(ASSURED, day_number(doc.assured_date, 0))
    out.add_integer(DUE, day_number(doc.review_due, FOREVER))
    out.add_bytes(ENTRY, _entry(doc, keywords, frequencies))
    return out, lengths


def _entry(
    doc: ServiceDocument, keywords: dict[str, tuple[str, ...]], frequencies: dict[str, Any]
) -> bytes:
    """What re-ranking needs of ``doc``, packed (marshal: the index is this site's own
    derived data, and marshal reads several times faster than JSON)."""
    return marshal.dumps(
        (
            ENTRY_VERSION,
            doc.id,
            doc.points,
            doc.assured_date,
            doc.review_due,
            len(doc.need_codes or doc.text_needs),
            {name: terms for name, terms in keywords.items() if terms and name != CELL},
            frequencies,
            fingerprint(doc),
        )
    )


def read_entry(data: bytes) -> tuple[Any, ...]:
    """The fields :func:`_entry` packed; ValueError for an entry of another version."""
    entry = marshal.loads(data)
    if not isinstance(entry, tuple) or entry[0] != ENTRY_VERSION:
        raise ValueError("search index entry of an unknown version: rebuild the index")
    return entry
