"""The staff side, under /manage: every page says who may open it (``accounts.access``)."""

from __future__ import annotations

from typing import Any

from flask import Flask, request, url_for
from flask_babel import gettext
from flask_login import current_user

from directory.accounts.access import enforce, fully_signed_in, is_staff_request
from directory.accounts.users import is_locked
from directory.models import Role, User
from directory.views.manage import account, home, users

BLUEPRINTS = (home.blueprint, account.blueprint, users.blueprint)


def register(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.before_request(enforce)
    app.context_processor(staff_context)


def staff_context() -> dict[str, Any]:
    """Staff pages are in English, have no language switcher, and a staff menu."""
    if not is_staff_request():
        return {}
    context: dict[str, Any] = {
        "current_locale": "en",
        "available_locales": ["en"],
        "roles": Role,
        "role_names": role_names(),
        "account_status": account_status,
    }
    if fully_signed_in():
        context["service_navigation"] = _navigation(current_user.role)
        context["staff_user"] = current_user
    return context


def role_names() -> dict[str, str]:
    return {
        Role.PRACTITIONER.value: gettext("Practitioner"),
        Role.EDITOR.value: gettext("Editor"),
        Role.ADMIN.value: gettext("Admin"),
    }


def account_status(person: User) -> str:
    if person.disabled:
        return gettext("Cannot sign in")
    if person.password_hash is None:
        return gettext("Invited")
    if is_locked(person):
        return gettext("Locked after too many wrong tries")
    return gettext("Active")


def _navigation(role: Role) -> list[dict[str, Any]]:
    items: list[tuple[str, str, Role]] = [
        (gettext("Home"), "manage_home.home", Role.PRACTITIONER),
        (gettext("Users"), "manage_users.users_list", Role.ADMIN),
        (gettext("Your account"), "manage_account.account", Role.PRACTITIONER),
    ]
    navigation = []
    for text, endpoint, needed in items:
        if not role.at_least(needed):
            continue
        href = url_for(endpoint)
        navigation.append({"href": href, "text": text, "active": request.endpoint == endpoint})
    return navigation
