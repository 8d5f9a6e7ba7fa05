"""The needs search infers for a listing with none set, worded for the staff pages.

Search reads them from the listing's own name, summary and description when it indexes it
(:mod:`search.inference`); editors see the same reading, so they can set the needs (or
correct the description) where it is wrong.
"""

from __future__ import annotations

from flask import current_app

from directory.council import Council
from directory.models import Service
from search.inference import text_needs


def inferred_needs(service: Service, council: Council) -> list[str]:
    """Labels of the needs inferred for ``service``; none when it has needs set."""
    if any(term.scheme == "need" for term in service.taxonomy_terms):
        return []
    reader = current_app.extensions["query_reader"]
    codes = text_needs(reader, service.name, service.summary or "", service.description or "")
    return [term.label for code in codes if (term := council.term("need", code)) is not None]
