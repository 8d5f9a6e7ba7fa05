"""A practitioner's list of options for a family's plan: the services saved with "Save to my
list" on any practitioners' page (or in a list's address), a note for the family beside
each, printed or downloaded.

The plan and its notes live only in the practitioner's session (``directory.lists.plan``)
and go with it at sign-out; notes travel in POSTs, so they stay out of addresses, history
and logs. Staff see practitioner-only services here; the family's printout gives those no
contact details.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

import segno
from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale, gettext, ngettext
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from werkzeug.wrappers import Response as WerkzeugResponse

from directory.accounts.access import fully_signed_in, is_practitioner_request, requires
from directory.accounts.mail import MailFailed, send_email
from directory.forms.plan import PlanForm
from directory.i18n import available_locales
from directory.links import safe_local_path
from directory.lists import ids
from directory.lists import plan as kept
from directory.lists.entries import ListEntry, ShownList, shown_list
from directory.models import Role
from directory.public_address import public_url
from directory.support_requests import accepting_ids
from directory.views.save_answers import save_button_answer, wants_json
from importers.cells import spreadsheet_safe

blueprint = Blueprint("practitioner_plan", __name__, url_prefix="/practitioners/plan")


def _shown(raw: str | None, from_address: bool) -> ShownList:
    read = ids.read(raw) if from_address else ids.ReadList(kept.current().service_ids)
    return shown_list(read, current_app.extensions["council"], datetime.now(), staff=True)


def _filled_form(shown: ShownList) -> PlanForm:
    """The plan's form with the notes kept so far."""
    notes = kept.current().notes
    form = PlanForm(formdata=None)
    for entry in shown.available:
        form.notes.append_entry({"service": entry.id, "note": notes.get(entry.id, "")})
    return form


@blueprint.get("/")
@requires(Role.PRACTITIONER)
def plan() -> str:
    shown = _shown(request.args.get("s"), "s" in request.args)
    return _plan_page(shown, _filled_form(shown))


@blueprint.post("/update")
@requires(Role.PRACTITIONER)
def update() -> WerkzeugResponse:
    """ "Save to my list" (``add``) or "Remove from my list" (``remove``) on a practitioners'
    page: back to the same card, or (asked by the page's script) the button's new words."""
    added = ids.full_id(request.form.get("add") or "")
    removed = ids.full_id(request.form.get("remove") or "")
    changed = added or removed
    if added and not kept.add(added):
        full = url_for(".plan", notice="full")
        return jsonify({"go": full}) if wants_json() else redirect(full, code=303)
    if removed:
        kept.remove(removed)
    if wants_json():
        return jsonify(_changed_answer(changed))
    destination = safe_local_path(request.form.get("next"))
    if destination == "/" or not destination.startswith("/practitioners"):
        destination = url_for(".plan")
    if changed and not destination.startswith(url_for(".plan")):
        destination += f"#save-{changed}"
    return redirect(destination, code=303)


def _changed_answer(changed: str | None) -> dict[str, object]:
    """What the page's script needs: words, announcement, header."""
    saved = kept.current().service_ids
    count = ngettext("%(num)s service", "%(num)s services", len(saved))
    return save_button_answer(
        changed in saved,
        gettext("Saved to your plan list. Plan list: %(count)s.", count=count),
        gettext("Removed from your plan list. Plan list: %(count)s.", count=count),
        render_template("components/_header.html"),
    )


def plan_context() -> dict[str, Any]:
    """On the practitioners' pages, "Save to my list" saves to the plan: the buttons show
    what is on it and the one list form (``lists/_list_form.html``) sends to ``update``."""
    if not is_practitioner_request() or not fully_signed_in():
        return {}
    return {
        "saved_ids": frozenset(kept.current().service_ids),
        "list_form_action": url_for("practitioner_plan.update"),
        "list_form_token": generate_csrf(),
    }


def _plan_page(shown: ShownList, form: PlanForm) -> str:
    note_forms = {entry.service.data: entry for entry in form.notes}
    return render_template(
        "practitioners/plan/plan.html",
        shown=shown,
        form=form,
        note_forms=note_forms,
        notice=request.args.get("notice"),
        max_items=ids.MAX_ITEMS,
        printout_languages=available_locales(),
        accepting_requests=accepting_ids(entry.id for entry in shown.available),
    )


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
    if not form.errors:
        kept.keep_notes(tuple(names), notes)
    return shown, form, notes


@blueprint.post("/save")
@requires(Role.PRACTITIONER)
def save() -> WerkzeugResponse | str:
    """Keep the notes as sent ("Save notes", the page's script as they are typed, or a
    "Remove" button, which takes its service off too)."""
    shown, form, _ = _posted()
    if form.errors:
        return _plan_page(shown, form)
    removed = ids.full_id(request.form.get("remove") or "")
    if removed:
        kept.remove(removed)
    if wants_json():
        return jsonify({"kept": True})
    return redirect(url_for(".plan", notice="removed" if removed else "saved"), code=303)


@blueprint.post("/email")
@requires(Role.PRACTITIONER)
def email() -> WerkzeugResponse | str:
    """Send the plan, notes and all, to the practitioner's own address (nowhere else)."""
    shown, form, notes = _posted()
    if form.errors:
        return _plan_page(shown, form)
    config = current_app.extensions["signpost_config"]
    if config.smtp is None:
        return redirect(url_for(".plan", notice="no-email"), code=303)
    council = current_app.extensions["council"]
    body = render_template(
        "practitioners/plan/email.txt",
        entries=shown.available,
        notes=notes,
        prepared=datetime.now().date(),
    )
    subject = gettext("Your plan list from %(service)s", service=council.service_name)
    try:
        send_email(config.smtp, current_user.email, subject, body)
    except MailFailed:
        current_app.logger.error("Could not send a plan list by email")
        return redirect(url_for(".plan", notice="email-failed"), code=303)
    return redirect(url_for(".plan", notice="emailed"), code=303)


@blueprint.post("/print")
@requires(Role.PRACTITIONER)
def print_page() -> str:
    """The family's A4 list, in the language chosen on the plan page, with the link to the
    list (its public services only) and that link's QR code."""
    shown, form, notes = _posted()
    if form.errors:
        return _plan_page(shown, form)
    chosen = request.form.get("printout_lang", "")
    language = chosen if chosen in available_locales() else "en"
    public = [entry.id for entry in shown.available if not entry.practitioners_only]
    share_link = None
    if public:
        share_link = public_url(
            "lists.my_list", s=ids.write(public), **({"lang": language} if language != "en" else {})
        )
    with force_locale(language):
        return render_template(
            "practitioners/plan/print.html",
            entries=shown.available,
            notes=notes,
            prepared=datetime.now().date(),
            share_link=share_link,
            qr_code=qr_data_uri(share_link) if share_link else None,
        )


def qr_data_uri(address: str) -> str:
    """The address as an SVG QR code in a ``data:`` URL, drawn here (as the family list's)."""
    return segno.make(address, error="m", micro=False).svg_data_uri(scale=4, border=4)


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


@blueprint.post("/download.pdf")
@requires(Role.PRACTITIONER)
def download_pdf() -> Response | str:
    from directory.exports.plan_pdf import plan_pdf  # fpdf2: seconds of every start otherwise

    shown, form, notes = _posted()
    if form.errors:
        return _plan_page(shown, form)
    today = datetime.now().date()
    council = current_app.extensions["council"]
    title = gettext("Plan list from %(service)s", service=council.service_name)
    return Response(
        plan_pdf(shown.available, notes, today, title),
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="plan-options-{today.isoformat()}.pdf"'
        },
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
