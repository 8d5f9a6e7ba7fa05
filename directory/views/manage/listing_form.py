"""The listing form's page, shared by editors' edits, providers' proposals and an editor's
"change and approve": one form, filled the same way, checked the same way."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import current_app, render_template, request

from directory.forms.listings import ListingForm
from directory.forms.sections import SECTIONS
from directory.listings.editing import listing_rows, listing_version, listings_sharing
from directory.models import Service
from directory.views.manage.listings import look_up_postcodes

ORGANISATION_FIELDS = ("organisation_name", "organisation_website", "organisation_email")
"""The form's organisation fields, left off a new listing of a known organisation: it joins
the organisation as stored, and never changes it."""


def new_listing_form(rows: list[dict[str, str]]) -> ListingForm:
    """The form for a new listing of a known organisation (a provider's, or one an editor
    changes before approving): without the organisation's fields, filled with ``rows`` on
    GET, or as it came back on POST."""
    form = ListingForm()
    form.set_council(current_app.extensions["council"])
    for name in ORGANISATION_FIELDS:
        if name in form._fields:
            del form[name]
    if request.method == "GET":
        form.fill(rows)
    return form


def render_new_form(
    form: ListingForm, *, heading: str, back: str, button: str, notice: str | None = None
) -> str:
    return render_template(
        "manage/listings/form.html",
        form=form,
        service=None,
        lookups=look_up_postcodes(form),
        sections=[
            dataclasses.replace(part, fields=tuple(f for f in part.fields if f in form._fields))
            for part in SECTIONS
        ],
        heading=heading,
        back=back,
        button=button,
        notice=notice,
    )


def opened_form(service: Service, rows: list[dict[str, str]] | None = None) -> ListingForm:
    """The listing's form, filled with ``rows`` (the stored listing unless given) on GET,
    or as it came back on POST; with the listing's current version on GET."""
    form = ListingForm()
    form.set_council(current_app.extensions["council"])
    if request.method == "GET":
        form.fill(rows if rows is not None else listing_rows(service))
        form.version.data = listing_version(service.id)
    else:
        form.note_unsent(request.form.keys())
    return form


def render_form(
    form: ListingForm,
    service: Service,
    *,
    heading: str,
    back: str,
    button: str,
    others: list[Any] | None = None,
    notice: str | None = None,
) -> str:
    form.say_who_shares(*listings_sharing(service))
    return render_template(
        "manage/listings/form.html",
        form=form,
        service=service,
        lookups=look_up_postcodes(form),
        others=others,
        sections=SECTIONS,
        heading=heading,
        back=back,
        button=button,
        notice=notice,
    )
