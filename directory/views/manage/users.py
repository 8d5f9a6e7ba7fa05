"""Admins invite staff, change their roles, and help them back in (unlock, reset, new app)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from directory.accounts import users
from directory.accounts.access import requires
from directory.accounts.sessions import end_sessions_for, now_utc
from directory.forms.accounts import ConfirmForm, InviteForm, RoleForm
from directory.models import Role, User
from directory.views.manage.account import link_address, send_link_email

blueprint = Blueprint("manage_users", __name__, url_prefix="/manage/users")


@blueprint.get("/")
@requires(Role.ADMIN)
def users_list() -> str:
    return render_template("manage/users/list.html", people=users.all_users(), now=now_utc())


@blueprint.route("/invite", methods=["GET", "POST"])
@requires(Role.ADMIN)
def invite() -> str:
    form = InviteForm()
    if form.validate_on_submit():
        if users.user_by_email(form.email.data) is not None:
            form.email.errors.append(gettext("There is already an account for this email address"))
        else:
            person = users.create_user(form.email.data, form.name.data, Role(form.role.data))
            return link_made(person, "invitation")
    return render_template("manage/users/invite.html", form=form)


def _person(user_id: str) -> User:
    person = users.user_by_id(user_id)
    if person is None:
        abort(404)
    return person


def link_made(person: User, purpose: str, back: str | None = None) -> str:
    """Email the link where SMTP is set up; otherwise show it to whoever made it to pass
    on. ``back``: the page to return to (the admin's page of the person by default)."""
    link = users.issue_link(person, purpose, created_by=current_user.email)
    emailed = send_link_email(person, purpose, link.token)
    return render_template(
        "manage/users/link_made.html",
        person=person,
        purpose=purpose,
        emailed=emailed,
        address=None if emailed else link_address(purpose, link.token),
        expires_at=link.expires_at,
        back=back or url_for(".person", user_id=person.id),
    )


@blueprint.get("/<user_id>")
@requires(Role.ADMIN)
def person(user_id: str) -> str:
    person = _person(user_id)
    return render_template(
        "manage/users/person.html",
        person=person,
        role_form=RoleForm(role=person.role.value),
        confirm=ConfirmForm(),
        locked=users.is_locked(person),
        is_self=person.id == current_user.id,
    )


@blueprint.post("/<user_id>/role")
@requires(Role.ADMIN)
def change_role(user_id: str) -> str | Response:
    person = _person(user_id)
    form = RoleForm()
    if person.id == current_user.id:
        abort(403)
    if form.validate_on_submit():
        users.change_role(person, Role(form.role.data))
        end_sessions_for(current_app, person.id)
        flash(gettext("%(name)s’s role is changed.", name=person.name), "success")
        return redirect(url_for(".person", user_id=person.id))
    return render_template(
        "manage/users/person.html",
        person=person,
        role_form=form,
        confirm=ConfirmForm(),
        locked=users.is_locked(person),
        is_self=False,
    )


def _confirmed() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400)


@blueprint.post("/<user_id>/reset-link")
@requires(Role.ADMIN)
def reset_link(user_id: str) -> str:
    _confirmed()
    person = _person(user_id)
    return link_made(person, "invitation" if person.password_hash is None else "reset")


@blueprint.post("/<user_id>/unlock")
@requires(Role.ADMIN)
def unlock(user_id: str) -> Response:
    _confirmed()
    person = _person(user_id)
    users.unlock(person)
    flash(gettext("%(name)s’s account is unlocked.", name=person.name), "success")
    return redirect(url_for(".person", user_id=person.id))


@blueprint.post("/<user_id>/second-factor")
@requires(Role.ADMIN)
def remove_second_factor(user_id: str) -> Response:
    _confirmed()
    person = _person(user_id)
    users.remove_second_factor(person)
    end_sessions_for(current_app, person.id)
    flash(
        gettext(
            "%(name)s’s authenticator app is removed: they set up a new one at sign-in.",
            name=person.name,
        ),
        "success",
    )
    return redirect(url_for(".person", user_id=person.id))


@blueprint.post("/<user_id>/access")
@requires(Role.ADMIN)
def toggle_access(user_id: str) -> Response:
    """Disable an account (its sessions end at once) or let it back in."""
    _confirmed()
    person = _person(user_id)
    if person.id == current_user.id:
        abort(403)
    users.set_disabled(person, not person.disabled)
    if person.disabled:
        end_sessions_for(current_app, person.id)
        flash(gettext("%(name)s can no longer sign in.", name=person.name), "success")
    else:
        flash(gettext("%(name)s can sign in again.", name=person.name), "success")
    return redirect(url_for(".person", user_id=person.id))
