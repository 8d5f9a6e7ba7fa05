"""Editors create, edit, preview, publish and withdraw listings, all through the write path.

Nothing here writes a listing itself: a save turns the form into rows of the import
template and hands them to ``directory.listings.editing``. Listings are never deleted
from these pages: withdrawing sets their status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.access import requires
from directory.forms.accounts import ConfirmForm
from directory.forms.listings import ListingActionForm, ListingForm, venue_keys
from directory.forms.sections import SECTIONS
from directory.listings.editing import (
    MANUAL_SOURCE,
    EditOutcome,
    listing_rows,
    listing_version,
    listings_sharing,
    new_listing_key,
    save_edit,
    save_listing,
    set_status,
)
from directory.models import Role, Service, ServiceStatus
from directory.postcodes.lookup import PostcodeNotFound, find_place
from directory.postcodes.messages import message_for
from directory.postcodes.parsing import PostcodeError
from directory.presenters.inferred_needs import inferred_needs
from directory.presenters.service import service_page, term_labels
from directory.queries.manage import PAGE_SIZE, find_listings, staff_service
from directory.queries.reports import problem_report
from directory.request_limits import LISTING_FORM_BODY_BYTES, accepts_body
from directory.review import interval_months, listing_due, listing_overdue
from directory.support_requests import settings_for
from directory.views.manage.refusals import no_version_message, refused, unknown_venue_message
from importers.problems import Problem

blueprint = Blueprint("manage_listings", __name__, url_prefix="/manage/listings")

_WHERE = re.compile(r"^Row (?P<row>\d+)(?:, column (?P<column>\w+))?")


def site_council():  # type: ignore[no-untyped-def]
    """The council file the site runs with."""
    return current_app.extensions["council"]


def listing_or_404(service_id: str) -> Service:
    """The listing as staff see it, or a 404 page."""
    service = staff_service(service_id)
    if service is None:
        abort(404)
    return service


def _actor() -> str:
    return current_user.email


@blueprint.get("/")
@requires(Role.EDITOR)
def listings() -> str:
    words = request.args.get("q", "").strip()[:200]
    status = request.args.get("status") or None
    if status not in {None, *(s.value for s in ServiceStatus)}:
        status = None
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    no_needs = request.args.get("needs") == "inferred"
    found, total = find_listings(words, status, page, no_needs)
    return render_template(
        "manage/listings/list.html",
        services=found,
        total=total,
        words=words,
        status=status,
        no_needs=no_needs,
        inferred={s.id: inferred_needs(s, site_council()) for s in found} if no_needs else {},
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
    )


@blueprint.route("/new", methods=["GET", "POST"])
@accepts_body(LISTING_FORM_BODY_BYTES)
@requires(Role.EDITOR)
def new() -> str | Response:
    form = ListingForm()
    form.set_council(site_council())
    if request.method == "GET":
        form.fill(
            [
                {
                    "status": ServiceStatus.INACTIVE.value,
                    "kind": "support_service",
                    "audience": "public",
                    "referral_route": "self",
                    "delivery": "in_person",
                }
            ]
        )
    lookups = look_up_postcodes(form)
    if form.apply_row_action(request.form.get("action", "")):
        pass  # shown again with a row added or removed: nothing is saved
    elif request.form.get("action") == "save" and form.validate_on_submit():
        key = new_listing_key()
        organisation = "-".join(re.findall(r"[a-z0-9]+", form.organisation_name.data.lower()))
        outcome = save_listing(
            form.rows(key, f"org-{organisation or key}"),
            source=MANUAL_SOURCE,
            actor=_actor(),
            council=site_council(),
        )
        if outcome.saved and outcome.service_id:
            flash_warnings(outcome)
            return redirect(url_for(".listing", service_id=outcome.service_id))
        show_problems(form, outcome.errors)
    return render_template(
        "manage/listings/form.html", form=form, service=None, lookups=lookups, sections=SECTIONS
    )


@blueprint.route("/<service_id>/edit", methods=["GET", "POST"])
@accepts_body(LISTING_FORM_BODY_BYTES)
@requires(Role.EDITOR)
def edit(service_id: str) -> str | Response:
    service = listing_or_404(service_id)
    form = ListingForm()
    form.set_council(site_council())
    rows = listing_rows(service)
    others: list[Any] | None = None
    if request.method == "GET":
        form.fill(rows)
        form.version.data = listing_version(service.id)
    else:
        form.note_unsent(request.form.keys())
    lookups = look_up_postcodes(form)
    if form.apply_row_action(request.form.get("action", "")):
        pass  # shown again with a row added or removed: nothing is saved
    elif request.form.get("action") == "save" and form.validate_on_submit():
        key, organisation_key = rows[0]["service_id"], rows[0]["organisation_id"]
        outcome = save_edit(
            service,
            ListingForm.shown_rows(rows, site_council(), key, organisation_key),
            form.rows(key, organisation_key, venue_keys(rows)),
            actor=_actor(),
            council=site_council(),
            version=form.version.data,
        )
        answer = answer_save(
            form,
            outcome,
            form.name,
            gettext("Your changes are saved and families can see them now."),
        )
        if answer.saved:
            return redirect(_after_edit(service))
        others = answer.others
    form.say_who_shares(*listings_sharing(service))
    return render_template(
        "manage/listings/form.html",
        form=form,
        service=service,
        lookups=lookups,
        others=others,
        sections=SECTIONS,
    )


def _after_edit(service: Service) -> str:
    """Where a saved edit goes: back to the problem report it was opened from (``?report=``,
    only a report about this listing, so the parameter cannot send anyone elsewhere), or
    else the listing's page."""
    found = problem_report(request.args.get("report", ""))
    if found is not None and found.service_id == service.id:
        return url_for("manage_reports.report", report_id=found.id)
    return url_for(".listing", service_id=service.id)


def look_up_postcodes(form: ListingForm) -> dict[int, dict[str, str]]:
    """Each venue's postcode looked up in the offline copy, with a map link to check it by."""
    found: dict[int, dict[str, str]] = {}
    council = site_council()
    entries = form.venues.entries if "venues" in form._fields else []
    for index, entry in enumerate(entries):
        if "postcode" not in entry.form._fields:
            continue
        postcode = (entry.form.postcode.data or "").strip()
        if not postcode:
            continue
        try:
            place = find_place(postcode)
        except (PostcodeError, PostcodeNotFound) as error:
            if request.form.get("action") == "look-up":
                entry.form.postcode.errors = [message_for(error)]
            continue
        if place.is_outward_only:
            continue
        locality = council.locality_for(place.outward, place.sector or place.outward)
        lat, lon = round(place.latitude, 5), round(place.longitude, 5)
        found[index] = {
            "postcode": place.postcode,
            "locality": locality.name if locality else gettext("Outside every locality"),
            "map_url": f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
        }
    return found


def show_problems(form: ListingForm, problems: list[Problem]) -> None:
    """Put each problem the reader or write path found on the field it is about."""
    for problem in problems:
        match = _WHERE.match(str(problem.where))
        field = None
        if match:
            field = form.field_for(int(match.group("row")) - 2, match.group("column") or "")
        message = _sentence(problem.message)
        if field is None:
            field = form.first_field()
            message = f"{problem.where}: {message}"
        form.add_error(field, message)


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def flash_warnings(outcome: EditOutcome) -> None:
    for warning in outcome.warnings:
        flash(_sentence(warning.message), "warning")


@dataclass(frozen=True)
class SaveAnswer:
    """How a form answers a save: it was saved (and the page moves on), or it is shown
    again, with the changes someone else saved first when that is why."""

    saved: bool
    others: list[Any] | None = None


def answer_save(form: ListingForm, outcome: EditOutcome, field: Any, saved: str) -> SaveAnswer:
    """Tell the editor what became of a save: a refusal on ``field`` (no version, a venue
    the listing no longer has), someone else's changes to look at, ``saved`` or "Nothing
    was changed." with any warnings, or each problem on the field it is about."""
    if outcome.no_version:
        form.add_error(field, no_version_message())
    elif outcome.unknown_venue:
        form.add_error(field, unknown_venue_message())
    elif outcome.others_changes:
        form.version.data = outcome.version
        return SaveAnswer(saved=False, others=outcome.others_changes)
    elif outcome.saved:
        flash_warnings(outcome)
        if outcome.report and outcome.report.changed:
            flash(saved, "success")
        else:
            flash(gettext("Nothing was changed."), "info")
        return SaveAnswer(saved=True)
    else:
        show_problems(form, outcome.errors)
    return SaveAnswer(saved=False)


@blueprint.get("/<service_id>")
@requires(Role.EDITOR)
def listing(service_id: str) -> str:
    service = listing_or_404(service_id)
    council = site_council()
    return render_template(
        "manage/listings/listing.html",
        service=service,
        rows=listing_rows(service),
        page=service_page(service, council, datetime.now()),
        terms={
            scheme: term_labels(service, scheme, council)
            for scheme in ("need", "category", "level", "circumstance")
        },
        inferred=inferred_needs(service, council),
        visible=service.is_visible_to_public(datetime.now().date()),
        overdue=listing_overdue(service, datetime.now().date(), site_council()),
        due=listing_due(service, site_council()),
        interval=interval_months(service.review_interval_months, site_council()),
        confirm=ConfirmForm(),
        version=listing_version(service.id),
        request_settings=settings_for(service.id),
    )


@blueprint.get("/<service_id>/preview")
@requires(Role.EDITOR)
def preview(service_id: str) -> str:
    """The family's page for the listing as it is saved, whatever its status."""
    service = listing_or_404(service_id)
    page = service_page(service, site_council(), datetime.now())
    return render_template("manage/listings/preview.html", page=page, service=service)


@blueprint.post("/<service_id>/publish")
@requires(Role.EDITOR)
def publish(service_id: str) -> Response:
    return _change_status(service_id, ServiceStatus.ACTIVE)


@blueprint.route("/<service_id>/withdraw", methods=["GET", "POST"])
@requires(Role.EDITOR)
def withdraw(service_id: str) -> str | Response:
    service = listing_or_404(service_id)
    if request.method == "POST":
        return _change_status(service_id, ServiceStatus.INACTIVE)
    return render_template(
        "manage/listings/withdraw.html",
        service=service,
        confirm=ConfirmForm(),
        version=listing_version(service.id),
    )


def _change_status(service_id: str, status: ServiceStatus) -> Response:
    form = ListingActionForm()
    if not form.validate_on_submit():
        abort(400)
    service = listing_or_404(service_id)
    outcome = set_status(
        service, status.value, version=form.version.data, actor=_actor(), council=site_council()
    )
    if outcome.saved:
        flash(
            gettext("Published: families can find it now.")
            if status == ServiceStatus.ACTIVE
            else gettext("Withdrawn: families can no longer find it."),
            "success",
        )
    elif not refused(outcome):
        for problem in outcome.errors:
            flash(f"{problem.where}: {_sentence(problem.message)}", "warning")
    return redirect(url_for(".listing", service_id=service_id))
