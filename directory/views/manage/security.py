"""The security events page: sign-ins, refusals, lockouts and account changes, for admins."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext

from directory.accounts import users
from directory.accounts.access import requires
from directory.accounts.events import EventKind
from directory.models import Role
from directory.queries.security_events import PAGE_SIZE, security_events

blueprint = Blueprint("manage_security", __name__, url_prefix="/manage/security-events")


def kind_names() -> dict[str, str]:
    return {
        EventKind.SIGNED_IN: gettext("Signed in"),
        EventKind.SIGN_IN_REFUSED: gettext("Sign-in refused"),
        EventKind.ACCOUNT_LOCKED: gettext("Account locked"),
        EventKind.ACCOUNT_UNLOCKED: gettext("Account unlocked"),
        EventKind.SIGNED_OUT: gettext("Signed out"),
        EventKind.ACCOUNT_CREATED: gettext("Account made"),
        EventKind.ROLE_CHANGED: gettext("Role changed"),
        EventKind.ACCOUNT_DISABLED: gettext("Stopped from signing in"),
        EventKind.ACCOUNT_ENABLED: gettext("Let back in"),
        EventKind.PASSWORD_CHANGED: gettext("Password changed"),
        EventKind.INVITATION_ACCEPTED: gettext("Invitation accepted"),
        EventKind.INVITATION_LINK_MADE: gettext("Invitation link made"),
        EventKind.RESET_LINK_MADE: gettext("Password reset link made"),
        EventKind.SECOND_FACTOR_SET_UP: gettext("Authenticator app set up"),
        EventKind.SECOND_FACTOR_REPLACED: gettext("Moved to a new authenticator app"),
        EventKind.SECOND_FACTOR_REMOVED: gettext("Authenticator app removed"),
        EventKind.RECOVERY_CODES_REPLACED: gettext("New recovery codes made"),
        EventKind.RECOVERY_CODE_USED: gettext("Recovery code used"),
        EventKind.CHANGE_REFUSED: gettext("Change to sign-in refused"),
    }


@blueprint.get("/")
@requires(Role.ADMIN)
def events_page() -> str:
    names = kind_names()
    people = users.all_users()
    account = request.args.get("account") or None
    if account not in {person.id for person in people}:
        account = None
    kind = request.args.get("kind") or None
    if kind not in names:
        kind = None
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    rows, total = security_events(account_id=account, kind=kind, page=page)
    return render_template(
        "manage/security/events.html",
        rows=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        people=people,
        account=account,
        kind=kind,
        kind_names=names,
    )
