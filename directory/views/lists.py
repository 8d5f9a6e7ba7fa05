"""A family's list: save services from results and service pages, then view, print and share.

No account, no server session and no JavaScript needed. The list is service ids only: in
this browser's cookie (``directory.lists.storage``), changed only by the forms here (POSTs
checked with a stateless token, ``directory.public_forms``), or in the address of a shared
link (``/my-list?s=...&lang=...``), which anyone can open and which changes nothing when
opened. Only services the public may see are ever shown.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

import segno
from flask import (
    Blueprint,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, gettext, ngettext
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from directory.council import Council
from directory.i18n import available_locales
from directory.links import safe_local_path
from directory.lists import ids, storage
from directory.lists.entries import ShownList, shown_list
from directory.models import Role
from directory.public_address import public_url
from directory.public_forms import protected
from directory.views.save_answers import save_button_answer, wants_json

blueprint = Blueprint("lists", __name__)

NOTICES = {"full", "cleared", "kept"}
QR_ERROR_CORRECTION = "m"
"""Medium: a printed code still reads with a crease or a smudge."""


def _council() -> Council:
    return current_app.extensions["council"]


@blueprint.get("/my-list")
def my_list() -> str:
    """The list in the address if there is one (a shared link), else this browser's."""
    shared = "s" in request.args
    read = ids.read(request.args.get("s")) if shared else storage.saved_list()
    shown = shown_list(read, _council(), datetime.now(), staff=False)
    share_link = _share_link(shown)
    notice = request.args.get("notice")
    return render_template(
        "lists/my_list.html",
        shown=shown,
        shared=shared,
        list_mode="shared" if shared else "saved",
        remove_links=_remove_links(read.ids) if shared else {},
        share_link=share_link,
        qr_code=_qr_code(share_link) if share_link else None,
        notice=notice if notice in NOTICES else None,
        staff_can_plan=_is_staff(),
        max_items=ids.MAX_ITEMS,
        exit_this_page=any(entry.page.sensitive for entry in shown.available if entry.page),
    )


@blueprint.post("/my-list/update")
@protected("list")
def update() -> Response:
    """Add (``add``) or take off (``remove``) one service, then go back where the family was
    (or, asked by the page's script, answer with what changed: ``_changed_answer``)."""
    saved = list(storage.saved_list().ids)
    added = request.form.get("add")
    removed = request.form.get("remove")
    destination = _back_to(request.form.get("next"))
    changed = ids.full_id(added or removed or "")
    if changed and added:
        if changed not in saved:
            if len(saved) >= ids.MAX_ITEMS:
                full = url_for(".my_list", notice="full")
                return jsonify({"go": full}) if wants_json() else redirect(full, code=303)
            saved.append(changed)
    elif changed:
        saved = [service_id for service_id in saved if service_id != changed]
    response: Response
    if wants_json():
        response = jsonify(_changed_answer(changed, tuple(saved)))
    else:
        if changed and not destination.startswith(url_for(".my_list")):
            destination += f"#save-{changed}"  # back to the same result
        response = redirect(destination, code=303)
    storage.keep(response, tuple(saved))
    return response


def _changed_answer(changed: str | None, saved: tuple[str, ...]) -> dict[str, object]:
    """What the script needs: the button's new words, what to announce, the new header."""
    count = ngettext("%(num)s service", "%(num)s services", len(saved))
    return save_button_answer(
        changed in saved,
        gettext("Saved to your list. My list: %(count)s.", count=count),
        gettext("Removed from your list. My list: %(count)s.", count=count),
        render_template("components/_header.html", **_list_context(saved)),
    )


@blueprint.get("/my-list/clear")
def confirm_clear() -> str | Response:
    """ "Clear the list" asks first, on a page of its own (so it works without JavaScript)."""
    count = len(storage.saved_list().ids)
    if not count:
        return redirect(url_for(".my_list"))
    return render_template("lists/clear.html", count=count)


@blueprint.post("/my-list/clear")
@protected("list")
def clear() -> Response:
    response = redirect(url_for(".my_list", notice="cleared"), code=303)
    storage.keep(response, ())
    return response


@blueprint.post("/my-list/keep")
@protected("list")
def keep() -> Response:
    """Keep a shared list on this device: its services are added to this browser's list."""
    saved = list(storage.saved_list().ids)
    for service_id in ids.read(request.form.get("s")).ids:
        if service_id not in saved and len(saved) < ids.MAX_ITEMS:
            saved.append(service_id)
    response = redirect(url_for(".my_list", notice="kept"), code=303)
    storage.keep(response, tuple(saved))
    return response


def list_context() -> dict[str, Any]:
    """Which services this browser has saved (for any page's "Save" buttons) and, on family
    pages once there are some, "My list (3 services)" in the header."""
    return _list_context(storage.saved_list().ids)


def _list_context(saved: tuple[str, ...]) -> dict[str, Any]:
    from directory.accounts.access import is_staff_request

    context: dict[str, Any] = {"saved_ids": frozenset(saved)}
    if is_staff_request():
        return context
    context["service_navigation"] = []
    if saved:
        count = ngettext("%(num)s service", "%(num)s services", len(saved))
        context["service_navigation"] = [
            {
                "href": url_for("lists.my_list"),
                "html": Markup(
                    '{text} <span class="govuk-visually-hidden">({count})</span>'
                    '<span aria-hidden="true">({number})</span>'
                ).format(text=gettext("My list"), count=count, number=len(saved)),
                "active": request.endpoint == "lists.my_list",
            }
        ]
    return context


def cookies_off_page() -> tuple[str, int] | None:
    """For a list form sent by a browser that keeps no cookies: say so, and offer the list
    in a link instead. None for any other refused form (the usual page is shown)."""
    if request.endpoint not in {"lists.update", "lists.keep"} or not storage.cookies_refused():
        return None
    wanted = ids.full_id(request.form.get("add") or "")
    service_ids = ids.read(request.form.get("s")).ids or ((wanted,) if wanted else ())
    address = url_for(".my_list", s=ids.write(service_ids)) if service_ids else None
    return render_template("lists/cookies_off.html", address=address), 400


def _share_link(shown: ShownList) -> str | None:
    """The whole address of this list: service ids and the page's language, nothing else."""
    available = [entry.id for entry in shown.available]
    if not available:
        return None
    arguments = {"s": ids.write(available)}
    locale = str(get_locale() or "en")
    if locale in available_locales():
        arguments["lang"] = locale
    return public_url("lists.my_list", **arguments)


def _remove_links(service_ids: tuple[str, ...]) -> dict[str, str]:
    """For a list in the address, taking one off is just another address."""
    lang = request.args.get("lang")
    kept: dict[str, Any] = {"lang": lang} if lang in available_locales() else {}
    return {
        service_id: url_for(
            ".my_list", s=ids.write([other for other in service_ids if other != service_id]), **kept
        )
        for service_id in service_ids
    }


@lru_cache(maxsize=256)
def _qr_code(address: str) -> str:
    """The share link as an SVG QR code (a ``data:`` URL), drawn here: no other site.

    Kept for the next view of the same list: a 30-service code takes segno a few tenths
    of a second to draw."""
    return segno.make(address, error=QR_ERROR_CORRECTION, micro=False).svg_data_uri(
        scale=4, border=4
    )


def _back_to(target: str | None) -> str:
    path = safe_local_path(target)
    return path if path != "/" else url_for(".my_list")


def _is_staff() -> bool:
    from directory.accounts.access import fully_signed_in

    return fully_signed_in() and current_user.role.at_least(Role.PRACTITIONER)
