"""The staff side, under /manage, and the practitioners' door, under /practitioners: every
page says who may open it (``accounts.access``)."""

from __future__ import annotations

from typing import Any

from flask import Flask, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from markupsafe import Markup

from directory.accounts.access import (
    enforce,
    fully_signed_in,
    is_practitioner_request,
    is_staff_request,
)
from directory.accounts.users import is_locked
from directory.forms.listings import STATUS_NAMES
from directory.lists import plan as kept_plan
from directory.models import Role, User
from directory.page_text import page_translations
from directory.views import plan, practitioners
from directory.views import requests as practitioner_requests
from directory.views.manage import (
    account,
    duplicates,
    history,
    home,
    imports,
    insights,
    jobs,
    listing_parts,
    listings,
    organisations,
    proposals,
    provider,
    reports,
    requests,
    review,
    security,
    undo,
    users,
)

BLUEPRINTS = (
    home.blueprint,
    account.blueprint,
    users.blueprint,
    listings.blueprint,
    listing_parts.blueprint,
    reports.blueprint,
    history.blueprint,
    undo.blueprint,
    duplicates.blueprint,
    review.blueprint,
    imports.blueprint,
    jobs.blueprint,
    insights.blueprint,
    practitioners.blueprint,
    plan.blueprint,
    practitioner_requests.blueprint,
    requests.blueprint,
    security.blueprint,
    organisations.blueprint,
    proposals.blueprint,
    provider.blueprint,
)


def register(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.add_template_filter(change_value)
    app.before_request(enforce)
    app.context_processor(staff_context)
    app.context_processor(plan.plan_context)


def staff_context() -> dict[str, Any]:
    """Staff pages have a staff menu. Those under /manage are in English with no language
    switcher; the practitioners' door is in the page's language (``directory.i18n``), and
    its links keep a ``lang=`` they were opened with."""
    if not is_staff_request():
        return {}
    context: dict[str, Any] = {"roles": Role, "staff_home": staff_home_endpoint, **_staff_words()}
    if not is_practitioner_request():
        context |= {"current_locale": "en", "available_locales": ["en"]}
    if fully_signed_in():
        context["service_navigation"] = _navigation(current_user.role)
        context["staff_user"] = current_user
    return context


_kept_words: dict[int, tuple[object, dict[str, Any]]] = {}


def _staff_words() -> dict[str, Any]:
    """The names staff pages give roles, account states, statuses and changes, in the page's
    language: the same for every page in it, so made once per catalogue (a forced locale's
    is another) and shared by the pages, which only read them."""
    translations = page_translations()
    found = _kept_words.get(id(translations))
    if found is not None and found[0] is translations:
        return found[1]
    words: dict[str, Any] = {
        "role_names": role_names(),
        "account_status": account_status,
        "status_names": {status.value: str(name) for status, name in STATUS_NAMES.items()},
        "entity_names": {
            "service": gettext("Listing"),
            "venue": gettext("Venue"),
            "organisation": gettext("Organisation"),
        },
        "action_names": {
            "created": gettext("created"),
            "changed": gettext("changed"),
            "withdrawn": gettext("withdrawn"),
            "deleted": gettext("removed"),
        },
        "batch_kind_names": {
            "import": gettext("Import"),
            "edit": gettext("Editor’s change"),
            "rollback": gettext("Rollback"),
            "review": gettext("Checked"),
            "restore": gettext("Earlier version restored"),
        },
    }
    if len(_kept_words) >= 32:
        _kept_words.clear()  # catalogues of apps long gone (tests make many)
    _kept_words[id(translations)] = (translations, words)
    return words


def change_value(value: Any) -> str:
    """A value from the audit trail, in a few words: lists joined, nothing said as such."""
    if value is None or value == "" or value == []:
        return gettext("nothing")
    if isinstance(value, list):
        return "; ".join(change_value(item) for item in value)
    if isinstance(value, dict):
        return " | ".join(str(part) for part in value.values() if part not in (None, ""))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    return str(value)


def role_names() -> dict[str, str]:
    return {
        Role.PRACTITIONER.value: gettext("Practitioner"),
        Role.EDITOR.value: gettext("Editor"),
        Role.ADMIN.value: gettext("Admin"),
        Role.PROVIDER.value: gettext("Provider"),
    }


def account_status(person: User) -> str:
    if person.disabled:
        return gettext("Cannot sign in")
    if person.password_hash is None:
        return gettext("Invited")
    if is_locked(person):
        return gettext("Locked after too many wrong tries")
    return gettext("Active")


def staff_home_endpoint() -> str:
    """The signed-in person's home page: a provider's is their organisation's listings."""
    if current_user.is_authenticated and current_user.role is Role.PROVIDER:
        return "manage_provider.home"
    return "manage_home.home"


def _navigation(role: Role) -> list[dict[str, Any]]:
    items: list[tuple[str, str, Role | tuple[Role, ...]]] = [
        (gettext("Your organisation"), "manage_provider.home", Role.PROVIDER),
        (gettext("Home"), "manage_home.home", Role.PRACTITIONER),
        (gettext("Find services"), "practitioners.search", Role.PRACTITIONER),
        (gettext("Needs first"), "practitioners.needs_first_page", Role.PRACTITIONER),
        (
            gettext("Locality reports"),
            "practitioners.locality_report_page",
            Role.PRACTITIONER,
        ),
        (gettext("Plan list"), "practitioner_plan.plan", Role.PRACTITIONER),
        (gettext("Requests sent"), "practitioner_requests.sent_requests", Role.PRACTITIONER),
        (
            gettext("Requests received"),
            "manage_requests.inbox_page",
            (Role.ADMIN, Role.PROVIDER),
        ),
        (gettext("Listings"), "manage_listings.listings", Role.EDITOR),
        (gettext("Reports"), "manage_reports.queue", Role.EDITOR),
        (gettext("Review"), "manage_review.queue", Role.EDITOR),
        (gettext("Imports"), "manage_imports.imports", Role.EDITOR),
        (gettext("History"), "manage_history.batches", Role.EDITOR),
        (gettext("Insights"), "manage_insights.insights_page", Role.EDITOR),
        (gettext("Organisations"), "manage_organisations.organisations", Role.EDITOR),
        (gettext("Users"), "manage_users.users_list", Role.ADMIN),
        (gettext("Security events"), "manage_security.events_page", Role.ADMIN),
        (
            gettext("Your account"),
            "manage_account.account",
            (Role.PRACTITIONER, Role.PROVIDER),
        ),
    ]
    navigation = []
    for text, endpoint, needed in items:
        if not any(role.at_least(one) for one in _as_tuple(needed)):
            continue
        href = url_for(endpoint)
        item = {"href": href, "text": text, "active": request.endpoint == endpoint}
        if endpoint == "practitioner_plan.plan":
            item |= _plan_count(text)
        navigation.append(item)
    return navigation


def _as_tuple(roles: Role | tuple[Role, ...]) -> tuple[Role, ...]:
    return roles if isinstance(roles, tuple) else (roles,)


def _plan_count(text: str) -> dict[str, Any]:
    """ "Plan list (3)" once something is saved, so every save shows itself in the header."""
    saved = len(kept_plan.current().service_ids)
    if not saved:
        return {}
    count = ngettext("%(num)s service", "%(num)s services", saved)
    return {
        "html": Markup(
            '{text} <span class="govuk-visually-hidden">({count})</span>'
            '<span aria-hidden="true">({number})</span>'
        ).format(text=text, count=count, number=saved)
    }
