"""The most characters one cell (or one ORUK field) may hold.

Fields the database keeps in a column of fixed width get that width (the editors' forms
allow the same: 255 for a name, 300 for a summary); free text and multi-valued cells get
``TEXT_CHARACTERS``. A longer cell is an error at its row and column, so the file is not
imported, and reading goes on with the cell cut to the limit, so one huge cell costs no
more than a full one.
"""

from __future__ import annotations

from flask_babel import lazy_gettext
from flask_babel.speaklater import LazyString

TEXT_CHARACTERS = 10_000
NAME_CHARACTERS = 255
ADDRESS_CHARACTERS = 500
ID_CHARACTERS = 128

COLUMN_CHARACTERS: dict[str, int] = {
    "service_id": ID_CHARACTERS,
    "organisation_id": ID_CHARACTERS,
    "venue_id": ID_CHARACTERS,
    "name": NAME_CHARACTERS,
    "organisation_name": NAME_CHARACTERS,
    "venue_name": NAME_CHARACTERS,
    "summary": 300,
    "website": ADDRESS_CHARACTERS,
    "organisation_website": ADDRESS_CHARACTERS,
    "referral_url": ADDRESS_CHARACTERS,
    "email": NAME_CHARACTERS,
    "organisation_email": NAME_CHARACTERS,
    "professional_contact": NAME_CHARACTERS,
    "address_1": NAME_CHARACTERS,
    "address_2": NAME_CHARACTERS,
    "city": 128,
}
"""Template column -> its most characters; any other column takes ``TEXT_CHARACTERS``."""

FIELD_CHARACTERS: dict[str, int] = {
    "id": ID_CHARACTERS,
    "name": NAME_CHARACTERS,
    "title": NAME_CHARACTERS,
    "url": ADDRESS_CHARACTERS,
    "website": ADDRESS_CHARACTERS,
    "email": NAME_CHARACTERS,
    "address_1": NAME_CHARACTERS,
    "address_2": NAME_CHARACTERS,
    "city": 128,
}
"""An Open Referral UK field's name -> its most characters; others take ``TEXT_CHARACTERS``."""


def column_limit(column: str) -> int:
    return COLUMN_CHARACTERS.get(column, TEXT_CHARACTERS)


def field_limit(field: str) -> int:
    return FIELD_CHARACTERS.get(field, TEXT_CHARACTERS)


def too_long(length: int, limit: int) -> LazyString:
    """ "the cell holds 400,000 characters; the most is 10,000" """
    return lazy_gettext(
        "the cell holds %(length)s characters; the most is %(limit)s",
        length=f"{length:,}",
        limit=f"{limit:,}",
    )


def field_too_long(length: int, limit: int) -> LazyString:
    """ "the field holds 400,000 characters; the most is 10,000" """
    return lazy_gettext(
        "the field holds %(length)s characters; the most is %(limit)s",
        length=f"{length:,}",
        limit=f"{limit:,}",
    )
