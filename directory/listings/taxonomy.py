"""The council file's taxonomy terms, kept in the database for listings to point at."""

from __future__ import annotations

import sqlalchemy as sa

from directory.council import Council
from directory.extensions import db
from directory.models import TaxonomyTerm


def sync_taxonomy(council: Council) -> dict[tuple[str, str], TaxonomyTerm]:
    """Upsert every council-file term by scheme and code; leave other terms alone."""
    terms = {(t.scheme, t.code): t for t in db.session.scalars(sa.select(TaxonomyTerm))}
    for config in council.taxonomy:
        term = terms.get((config.scheme, config.code))
        if term is None:
            term = TaxonomyTerm(scheme=config.scheme, code=config.code)
            db.session.add(term)
            terms[(config.scheme, config.code)] = term
        term.name = config.label
        term.description = config.description
    db.session.flush()
    return terms
