"""A practitioner's list of options for a family's plan: the services saved with "Save to my
list" (or in a list's address), a note for the family beside each, printed or downloaded.

Nothing about the family is stored: the notes travel only in the form (a POST, so they stay
out of addresses, history and logs) and in the page or file it makes. Staff see
practitioner-only services here; the family's printout gives those no contact details.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import gettext

from directory.accounts.access import requires
from directory.forms.plan import PlanForm
from directory.lists import ids, storage
from directory.lists.entries import ListEntry, ShownList, shown_list
from directory.models import Role
from importers.cells import spreadsheet_safe

blueprint = Blueprint("manage_plan", __name__, url_prefix="/practitioners/plan")


def _shown(raw: str | None, from_address: bool) -> ShownList:
    read = ids.read(raw) if from_address else storage.saved_list()
    return shown_list(read, current_app.extensions["council"], datetime.now(), staff=True)


def _blank_form(shown: ShownList) -> PlanForm:
    form = PlanForm(formdata=None)
    for entry in shown.available:
        form.notes.append_entry({"service": entry.id, "note": ""})
    return form


@blueprint.get("/")
@requires(Role.PRACTITIONER)
def plan() -> str:
    shown = _shown(request.args.get("s"), "s" in request.args)
    return _plan_page(shown, _blank_form(shown))


def _plan_page(shown: ShownList, form: PlanForm) -> str:
    note_forms = {entry.service.data: entry for entry in form.notes}
    return render_template("manage/plan/plan.html", shown=shown, form=form, note_forms=note_forms)


def _posted() -> tuple[ShownList, PlanForm, dict[str, str]]:
    """The services and notes the plan form sent (only services on the list it came from)."""
    shown = _shown(request.form.get("s"), True)
    form = PlanForm()
    form.validate()
    names = {entry.id: entry.page.name for entry in shown.available if entry.page}
    form.check_notes(names)
    notes = {
        entry.service.data: entry.note.data or ""
        for entry in form.notes
        if entry.service.data in names
    }
    return shown, form, notes


@blueprint.post("/print")
@requires(Role.PRACTITIONER)
def print_page() -> str:
    shown, form, notes = _posted()
    if form.errors:
        return _plan_page(shown, form)
    return render_template(
        "manage/plan/print.html",
        entries=shown.available,
        notes=notes,
        prepared=datetime.now().date(),
    )


@blueprint.post("/download")
@requires(Role.PRACTITIONER)
def download() -> Response | str:
    shown, form, notes = _posted()
    if form.errors:
        return _plan_page(shown, form)
    name = f"plan-options-{datetime.now().date().isoformat()}.csv"
    return Response(
        csv_text(shown.available, notes),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def csv_heading() -> list[str]:
    return [
        gettext("Service"),
        gettext("Organisation"),
        gettext("What it offers"),
        gettext("Phone"),
        gettext("Email"),
        gettext("Website"),
        gettext("Where"),
        gettext("Opening times"),
        gettext("How to get help"),
        gettext("Referral form"),
        gettext("Referral route"),
        gettext("Criteria"),
        gettext("Level of need"),
        gettext("Contact for professionals"),
        gettext("Practitioners only"),
        gettext("Note for the family"),
    ]


def csv_text(entries: list[ListEntry], notes: dict[str, str]) -> str:
    """One row per service; every cell a spreadsheet would run as a formula starts with '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_heading())
    for entry in entries:
        page, facts = entry.page, entry.professional
        assert page is not None and facts is not None
        opening = "; ".join(f"{row.day} {row.times}" for row in page.opening) or "; ".join(
            f"{venue.name}: {row.day} {row.times}" for venue in page.venues for row in venue.opening
        )
        cells = [
            page.name,
            page.organisation,
            page.summary,
            "; ".join(phone.number for phone in page.phones),
            page.email or "",
            page.website or "",
            page.where,
            opening,
            page.referral,
            page.referral_url or "",
            facts.referral_route,
            facts.criteria,
            "; ".join(facts.levels),
            facts.contact,
            gettext("yes") if entry.practitioners_only else gettext("no"),
            notes.get(entry.id, ""),
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return out.getvalue()
