"""The Whoosh schema and how a document fills it.

Whoosh indexes the text fields. Stored with each document: what ranking needs (id, venue
points, assured and review due dates) and its keyword terms (codes, ages, hours, grid
cells), which a snapshot inverts in memory (see :mod:`search.keywords` for why they are
not Whoosh postings).
"""

from __future__ import annotations

from typing import Any

from whoosh.fields import ID, STORED, TEXT, Schema

from search.analysis import clean
from search.documents import ServiceDocument, fingerprint
from search.indexing import TEXT_FIELDS, keyword_terms, text_fields
from search.phrases import INDEX_ANALYZER

ID_FIELD = "id"
POINTS_FIELD = "points"
ASSURED_FIELD = "assured"
REVIEW_DUE_FIELD = "review_due"
KEYWORDS_FIELD = "keywords"
FINGERPRINT_FIELD = "fingerprint"


def build_schema() -> Schema:
    """Text fields with their boosts, keyword fields for codes and cells, and the rest."""
    schema = Schema(
        **{ID_FIELD: ID(stored=True, unique=True)},
        **{POINTS_FIELD: STORED(), ASSURED_FIELD: STORED(), REVIEW_DUE_FIELD: STORED()},
        **{KEYWORDS_FIELD: STORED(), FINGERPRINT_FIELD: STORED()},
    )
    for name, boost in TEXT_FIELDS.items():
        schema.add(name, TEXT(analyzer=INDEX_ANALYZER, phrase=False, field_boost=boost))
    return schema


def whoosh_fields(doc: ServiceDocument) -> dict[str, Any]:
    """The field values ``writer.add_document`` takes for ``doc``."""
    values: dict[str, Any] = {
        ID_FIELD: doc.id,
        POINTS_FIELD: doc.points,
        ASSURED_FIELD: doc.assured_date,
        REVIEW_DUE_FIELD: doc.review_due,
        FINGERPRINT_FIELD: fingerprint(doc),
    }
    values.update({name: clean(text) for name, text in text_fields(doc).items() if text})
    values[KEYWORDS_FIELD] = {name: terms for name, terms in keyword_terms(doc).items() if terms}
    return values
