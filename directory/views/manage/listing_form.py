"""The listing form's page, shared by editors' edits, providers' proposals and an editor's
"change and approve": one form, filled the same way, checked the same way."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template, request

from directory.forms.listings import ListingForm
from directory.forms.sections import SECTIONS
from directory.listings.editing import listing_rows, listing_version, listings_sharing
from directory.models import Service
from directory.views.manage.listings import look_up_postcodes


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
