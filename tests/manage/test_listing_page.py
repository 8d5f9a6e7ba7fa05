"""The staff listing page reads as a family would read it: a property over every demo listing.

Ages in words (never the stored -1 for pregnancy), taxonomy terms by the council file's
labels, phones and links as links, and no "None" for an empty value.
"""

from __future__ import annotations

import re

import phonenumbers
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.links import shown_link
from directory.models import Service
from directory.presenters.formatting import telephone_href
from tests.manage.test_listings import _editor
from tests.support.client import page_text
from tests.support.html import definitions

TERM_ROWS = {
    "need": "Needs",
    "category": "Categories",
    "level": "Levels of need",
    "circumstance": "Circumstances",
}


def test_every_demo_listing_page_shows_values_as_a_family_reads_them(demo_app: Flask) -> None:
    editor = _editor(demo_app)
    council = demo_app.extensions["council"]
    with demo_app.app_context():
        listings = [
            (
                service.id,
                service.minimum_age,
                [phone.number for phone in service.phones],
                shown_link(service.url),
                service.email,
                [(term.scheme, term.code) for term in service.taxonomy_terms],
            )
            for service in db.session.scalars(sa.select(Service).order_by(Service.id))
        ]
        db.session.rollback()
    assert len(listings) > 20
    for service_id, minimum_age, phones, website, email, terms in listings:
        response = editor.get(f"/manage/listings/{service_id}")
        assert response.status_code == 200, service_id
        markup = page_text(response)
        details = definitions(markup)
        assert "None" not in details.values(), (service_id, details)
        assert not re.search(r"(?<!\d)[-\u2212]1\b", details["Ages"]), (service_id, details["Ages"])
        if minimum_age == -1:
            assert details["Ages"].startswith("Pregnancy") or details["Ages"] == "From pregnancy"
        for scheme, code in terms:
            known = council.term(scheme, code)
            if known is None or scheme not in TERM_ROWS:
                continue
            shown = details[TERM_ROWS[scheme]].split(", ")
            assert known.label in shown, (service_id, scheme, code)
            if known.label != code:
                assert code not in shown, (service_id, scheme, code)
        for number in phones:
            assert f'href="{telephone_href(number)}">{number}</a>' in markup, service_id
            parsed = phonenumbers.parse(number, "GB")
            if parsed.country_code == 44:
                national = phonenumbers.PhoneNumberFormat.NATIONAL
                assert number == phonenumbers.format_number(parsed, national), service_id
        if website:
            assert f'href="{website}"' in markup, service_id
        else:
            assert details["Website"] == "Not given", service_id
        if email:
            assert f'href="mailto:{email}"' in markup, service_id
