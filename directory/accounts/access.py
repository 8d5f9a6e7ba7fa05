"""Who may open which staff page. Every page under /manage says so, or nobody may.

A view is marked with one of:

- ``@open_to_everyone``: sign-in, invitations and password resets;
- ``@during_sign_in``: pages for someone whose password was right but who has not yet given
  a one-time code (entering one, setting one up, signing out);
- ``@requires(Role.EDITOR)`` (or another role): everything else. Editors and admins (and
  practitioners or providers, if the council says so) must have given a one-time code as well.
  ``@requires(Role.PRACTITIONER, Role.PROVIDER)`` opens a page to either (a provider is not on
  the practitioner-editor-admin ladder: see ``Role``).

``enforce`` runs before every request to a staff blueprint (``manage_*``, and the
practitioners' door: ``PRACTITIONER_BLUEPRINTS``) and refuses anything unmarked,
so a new page that forgets to say who may see it is closed, not open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import abort, current_app, redirect, request, session, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts.unavailable import SessionStoreUnavailable
from directory.links import safe_local_path
from directory.models import Role, User

ACCESS_ATTRIBUTE = "staff_access"
STAFF_BLUEPRINT_PREFIX = "manage"
PRACTITIONER_BLUEPRINTS = frozenset({"practitioners", "practitioner_plan", "practitioner_requests"})
"""The practitioners' door (``/practitioners``): staff pages too, though not under /manage."""
SECOND_FACTOR_DONE = "second_factor_done"
PROVIDER_PATH = "/manage/organisation/"
"""Where a provider's own pages live; after signing in they go nowhere else..."""
PROVIDER_REQUESTS_PATH = "/manage/requests/"
"""...but to their organisation's requests for support (an email's link to sign in)."""


@dataclass(frozen=True)
class Access:
    kind: str
    """"open", "sign-in" or "role"."""
    role: Role | None = None
    also: tuple[Role, ...] = ()
    """Other roles the page opens to (each with the roles above it on the ladder)."""

    def allows(self, role: Role) -> bool:
        return any(role.at_least(needed) for needed in (self.role, *self.also) if needed)


def _mark(access: Access) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def mark(view: Callable[..., Any]) -> Callable[..., Any]:
        setattr(view, ACCESS_ATTRIBUTE, access)
        return view

    return mark


open_to_everyone = _mark(Access("open"))
during_sign_in = _mark(Access("sign-in"))


def requires(role: Role, *also: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return _mark(Access("role", role, also))


def needs_second_factor(user: User) -> bool:
    """Editors and admins always; practitioners and providers if the council says so, or
    once they set one up."""
    if user.role in {Role.EDITOR, Role.ADMIN} or user.has_second_factor:
        return True
    council = current_app.extensions["council"]
    if user.role is Role.PROVIDER:
        return council.providers.need_second_factor
    return council.staff.practitioners_need_second_factor


def fully_signed_in() -> bool:
    if not current_user.is_authenticated:
        return False
    return bool(session.get(SECOND_FACTOR_DONE)) or not needs_second_factor(current_user)


def staff_destination(target: str | None) -> str:
    """A page on this site to go to after signing in; the staff home page for anything else."""
    path = safe_local_path(target)
    if current_user.is_authenticated and current_user.role is Role.PROVIDER:
        if path.startswith((PROVIDER_PATH, "/manage/account", PROVIDER_REQUESTS_PATH)):
            return path
        return url_for("manage_provider.home")
    if path == "/" or not path.startswith(("/manage", "/practitioners")):
        return url_for("manage_home.home")
    return path


def is_staff_request() -> bool:
    blueprint = request.blueprint or ""
    return blueprint.startswith(STAFF_BLUEPRINT_PREFIX) or blueprint in PRACTITIONER_BLUEPRINTS


def is_practitioner_request() -> bool:
    return request.blueprint in PRACTITIONER_BLUEPRINTS


def enforce() -> Response | None:
    """Before every staff page: send the visitor to sign in, to their code, or away."""
    if not is_staff_request():
        return None
    if getattr(session, "store_failed", False):
        raise SessionStoreUnavailable()
    view = current_app.view_functions.get(request.endpoint or "")
    access: Access | None = getattr(view, ACCESS_ATTRIBUTE, None)
    if access is None:
        abort(403)
    if access.kind == "open":
        return None
    if not current_user.is_authenticated:
        reason = getattr(session, "ended_because", None)
        arguments: dict[str, Any] = {
            "next": request.full_path.rstrip("?") if request.method == "GET" else None
        }
        if reason in {"idle", "absolute"}:
            arguments["ended"] = reason
        return redirect(url_for("manage_account.sign_in", **arguments))
    if not fully_signed_in():
        if access.kind == "sign-in":
            return None
        if current_user.has_second_factor:
            return redirect(url_for("manage_account.enter_code"))
        return redirect(url_for("manage_account.set_up_second_factor"))
    if access.kind == "sign-in":
        return None
    if not access.allows(current_user.role):
        abort(403)
    return None


def provider_organization_id() -> str:
    """The organisation the signed-in provider works for; 403 for anyone else, or for a
    provider whose organisation has gone (their account stays, their pages close)."""
    if current_user.role is not Role.PROVIDER or current_user.organization_id is None:
        abort(403)
    return current_user.organization_id
