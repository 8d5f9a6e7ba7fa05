"""Signing in and out, one-time codes, invitations, password resets and your own account."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from directory.accounts import rate_limited, second_factor, users
from directory.accounts.access import (
    SECOND_FACTOR_DONE,
    during_sign_in,
    fully_signed_in,
    needs_second_factor,
    open_to_everyone,
    requires,
    staff_destination,
)
from directory.accounts.events import EventKind, record
from directory.accounts.mail import MailFailed, send_email
from directory.accounts.sessions import end_other_sessions_for, end_sessions_for
from directory.forms.accounts import (
    ChangePasswordForm,
    CodeForm,
    ConfirmIdentityForm,
    NewAppForm,
    NewPasswordForm,
    ResetRequestForm,
    SetUpCodeForm,
    SignInForm,
)
from directory.models import Role, User
from directory.public_address import public_url
from directory.sealing import site_sealer

blueprint = Blueprint("manage_account", __name__, url_prefix="/manage")

NEXT_PAGE = "next_page"
PENDING_SECRET = "pending_totp_secret"
CODES_TO_SHOW = "recovery_codes_to_show"
LINK_TOKEN = {"invitation": "invitation_token", "reset": "reset_token"}
ENDED_MESSAGES = {
    "idle": "You were signed out because you did nothing for %(minutes)s minutes.",
    "absolute": "You were signed out because you had been signed in for %(hours)s hours.",
}


def _begin_session(user: User) -> Response:
    """A fresh session id for the person whose password was right, then their code."""
    destination = session.get(NEXT_PAGE)
    session.clear()
    session.rotate()  # type: ignore[attr-defined]
    login_user(user)
    session[SECOND_FACTOR_DONE] = False
    if destination:
        session[NEXT_PAGE] = destination
    if not needs_second_factor(user):
        return _finish_sign_in(user)
    if user.has_second_factor:
        return redirect(url_for(".enter_code"))
    return redirect(url_for(".set_up_second_factor"))


def _finish_sign_in(user: User) -> Response:
    """Signed in in full: another fresh session id, then the page they wanted."""
    destination = staff_destination(session.pop(NEXT_PAGE, None))
    session.rotate()  # type: ignore[attr-defined]
    session[SECOND_FACTOR_DONE] = True
    users.signed_in(user)
    return redirect(destination)


@blueprint.route("/sign-in", methods=["GET", "POST"])
@open_to_everyone
@rate_limited("sign-in")
def sign_in() -> str | Response:
    if fully_signed_in():
        return redirect(staff_destination(request.args.get("next")))
    form = SignInForm()
    if request.method == "GET" and request.args.get("next"):
        session[NEXT_PAGE] = staff_destination(request.args.get("next"))
    if form.validate_on_submit():
        user = users.check_password(form.email.data, form.password.data)
        if user is not None:
            return _begin_session(user)
        form.email.errors.append(
            gettext(
                "Enter the email address and password of your account. After 10 wrong "
                "tries in a row, an account is locked for 30 minutes."
            )
        )
    config = current_app.extensions["signpost_config"]
    ended = request.args.get("ended")
    notice = None
    if ended in ENDED_MESSAGES:
        notice = gettext(
            ENDED_MESSAGES[ended], minutes=config.idle_minutes, hours=config.absolute_hours
        )
    elif request.args.get("signed_out"):
        notice = gettext("You have signed out.")
    elif request.args.get("password_changed"):
        notice = gettext("Your password has been changed. Sign in with your new password.")
    return render_template(
        "manage/account/sign_in.html", form=form, notice=notice, can_reset=config.smtp is not None
    )


@blueprint.route("/sign-in/code", methods=["GET", "POST"])
@during_sign_in
@rate_limited("sign-in")
def enter_code() -> str | Response:
    if fully_signed_in():
        return redirect(staff_destination(session.get(NEXT_PAGE)))
    if not current_user.has_second_factor:
        return redirect(url_for(".set_up_second_factor"))
    form = CodeForm()
    if form.validate_on_submit():
        if users.check_code(current_user, form.code.data):
            return _finish_sign_in(current_user)
        if users.is_locked(current_user):
            logout_user()
            session.end()  # type: ignore[attr-defined]
            return redirect(url_for(".sign_in"))
        form.code.errors.append(
            gettext("Enter the code your authenticator app shows now, or a recovery code")
        )
    return render_template("manage/account/enter_code.html", form=form)


@blueprint.route("/set-up-two-factor", methods=["GET", "POST"])
@during_sign_in
def set_up_second_factor() -> str | Response:
    """Enrol an authenticator app: scan the QR code (or type the key), then prove it works."""
    if current_user.has_second_factor:
        # Replacing an app needs the old one first: never a way round the code.
        return redirect(url_for(".new_app" if fully_signed_in() else ".enter_code"))
    secret = _pending_secret()
    already_signed_in = fully_signed_in()  # a practitioner adding an app by choice
    form = SetUpCodeForm()
    if form.validate_on_submit():
        codes = users.confirm_second_factor(current_user, secret, form.code.data)
        if codes is not None:
            session.pop(PENDING_SECRET, None)
            if already_signed_in:
                session[SECOND_FACTOR_DONE] = True
            else:
                _finish_sign_in(current_user)
            session[CODES_TO_SHOW] = codes
            return redirect(url_for(".recovery_codes"))
        form.code.errors.append(gettext("Enter the 6-digit code your authenticator app shows now"))
    council = current_app.extensions["council"]
    uri = second_factor.provisioning_uri(secret, current_user.email, council.service_name)
    return render_template(
        "manage/account/set_up_second_factor.html",
        form=form,
        qr_code=second_factor.qr_code_svg(uri),
        secret=second_factor.grouped_secret(secret),
    )


@blueprint.get("/recovery-codes")
@requires(Role.PRACTITIONER, Role.PROVIDER)
def recovery_codes() -> str | Response:
    """The new recovery codes, shown once: they are kept only as hashes."""
    codes = session.pop(CODES_TO_SHOW, None)
    if not codes:
        return redirect(url_for(".account"))
    return render_template("manage/account/recovery_codes.html", codes=codes)


@blueprint.get("/account/new-app")
@requires(Role.PRACTITIONER, Role.PROVIDER)
def new_app() -> str | Response:
    """Move to a new phone or app: the password, a code from the old app (or a recovery code)
    and a code from the new one. Every other session of the account then ends."""
    if not current_user.has_second_factor:
        return redirect(url_for(".set_up_second_factor"))
    return _new_app_page(NewAppForm())


@blueprint.post("/account/new-app")
@requires(Role.PRACTITIONER, Role.PROVIDER)
def replace_app() -> str | Response:
    if not current_user.has_second_factor:
        return redirect(url_for(".set_up_second_factor"))
    form = NewAppForm()
    if not form.validate_on_submit():
        return _new_app_page(form)
    secret = _pending_secret()
    step = users.new_secret_step(secret, form.code.data)
    if step is None:
        form.code.errors.append(gettext("Enter the 6-digit code your new app shows now"))
        return _new_app_page(form)
    if not users.confirm_identity(current_user, form.password.data, form.current_code.data):
        return _identity_refused(form) or _new_app_page(form)
    codes = users.replace_second_factor(current_user, secret, step)
    session.pop(PENDING_SECRET, None)
    end_other_sessions_for(current_app, current_user.id)
    session[CODES_TO_SHOW] = codes
    return redirect(url_for(".recovery_codes"))


def _pending_secret() -> str:
    """The new app's secret, made once and kept sealed in the session until it is confirmed."""
    pending = session.get(PENDING_SECRET)
    if pending:
        return site_sealer().open(pending)
    secret = second_factor.new_secret()
    session[PENDING_SECRET] = site_sealer().seal(secret)
    return secret


def _new_app_page(form: NewAppForm) -> str:
    secret = _pending_secret()
    council = current_app.extensions["council"]
    uri = second_factor.provisioning_uri(secret, current_user.email, council.service_name)
    return render_template(
        "manage/account/new_app.html",
        form=form,
        qr_code=second_factor.qr_code_svg(uri),
        secret=second_factor.grouped_secret(secret),
    )


def _identity_refused(form: ConfirmIdentityForm) -> Response | None:
    """After a wrong password or code: sign out if that locked the account, else say so."""
    if users.is_locked(current_user):
        logout_user()
        session.end()  # type: ignore[attr-defined]
        return redirect(url_for(".sign_in"))
    form.password.errors.append(
        gettext(
            "Enter your password and the code your authenticator app shows now, or a "
            "recovery code. After 10 wrong tries in a row, your account is locked for 30 "
            "minutes."
        )
    )
    return None


@blueprint.post("/sign-out")
@during_sign_in
def sign_out() -> Response:
    record(EventKind.SIGNED_OUT, current_user)
    logout_user()
    session.end()  # type: ignore[attr-defined]
    return redirect(url_for(".sign_in", signed_out=1))


@blueprint.route("/account", methods=["GET", "POST"])
@requires(Role.PRACTITIONER, Role.PROVIDER)
def account() -> str | Response:
    form = ChangePasswordForm(email=current_user.email)
    if form.validate_on_submit():
        if users.current_password_right(current_user, form.current_password.data):
            users.set_password(current_user, form.password.data, "account")
            end_sessions_for(current_app, current_user.id)
            logout_user()
            session.end()  # type: ignore[attr-defined]
            return redirect(url_for(".sign_in", password_changed=1))
        if users.is_locked(current_user):
            logout_user()
            session.end()  # type: ignore[attr-defined]
            return redirect(url_for(".sign_in"))
        form.current_password.errors.append(gettext("Enter your current password correctly"))
    return render_template(
        "manage/account/account.html",
        form=form,
        codes_left=users.unused_recovery_codes(current_user),
    )


@blueprint.route("/account/recovery-codes", methods=["GET", "POST"])
@requires(Role.PRACTITIONER, Role.PROVIDER)
def new_recovery_codes() -> str | Response:
    """New recovery codes, after the password and a current code; other sessions end."""
    if not current_user.has_second_factor:
        return redirect(url_for(".account"))
    form = ConfirmIdentityForm()
    if form.validate_on_submit():
        if users.confirm_identity(current_user, form.password.data, form.current_code.data):
            codes = users.renew_recovery_codes(current_user)
            end_other_sessions_for(current_app, current_user.id)
            session[CODES_TO_SHOW] = codes
            return redirect(url_for(".recovery_codes"))
        refused = _identity_refused(form)
        if refused is not None:
            return refused
    return render_template("manage/account/new_recovery_codes.html", form=form)


# Invitations and password resets: a single-use link, then a form without the token in it.


@blueprint.get("/invitation/<token>")
@open_to_everyone
def open_invitation(token: str) -> str | Response | tuple[str, int]:
    return _open_link("invitation", token, ".accept_invitation")


@blueprint.get("/reset-password/<token>")
@open_to_everyone
def open_reset_link(token: str) -> str | Response | tuple[str, int]:
    return _open_link("reset", token, ".new_password")


def _open_link(purpose: str, token: str, form_endpoint: str) -> Response | tuple[str, int]:
    """Keep the token in the (server-side) session and move to an address without it."""
    if users.valid_link(token, purpose) is None:
        return _dead_link()
    if current_user.is_authenticated:
        logout_user()
    session.clear()
    session[LINK_TOKEN[purpose]] = token
    return redirect(url_for(form_endpoint))


def _dead_link() -> tuple[str, int]:
    return render_template("manage/account/dead_link.html"), 410


@blueprint.route("/invitation", methods=["GET", "POST"])
@open_to_everyone
def accept_invitation() -> str | Response | tuple[str, int]:
    return _set_password_from_link("invitation")


@blueprint.route("/new-password", methods=["GET", "POST"])
@open_to_everyone
def new_password() -> str | Response | tuple[str, int]:
    return _set_password_from_link("reset")


def _set_password_from_link(purpose: str) -> str | Response | tuple[str, int]:
    link = users.valid_link(session.get(LINK_TOKEN[purpose], ""), purpose)
    user = users.user_by_id(link.user_id) if link else None
    if link is None or user is None or user.disabled:
        return _dead_link()
    form = NewPasswordForm(email=user.email)
    if form.validate_on_submit():
        if not users.use_link(link):
            return _dead_link()
        users.set_password(user, form.password.data, purpose)
        session.pop(LINK_TOKEN[purpose], None)
        if purpose == "reset":
            end_sessions_for(current_app, user.id)
            session.end()  # type: ignore[attr-defined]
            return redirect(url_for(".sign_in", password_changed=1))
        return _begin_session(user)
    return render_template(
        f"manage/account/{'accept_invitation' if purpose == 'invitation' else 'new_password'}.html",
        form=form,
        user=user,
    )


@blueprint.route("/reset-password", methods=["GET", "POST"])
@open_to_everyone
@rate_limited("sign-in")
def reset_password() -> str | Response:
    """Ask for a reset link by email. Without SMTP, an admin makes the link instead."""
    config = current_app.extensions["signpost_config"]
    form = ResetRequestForm()
    sent = False
    if config.smtp is not None and form.validate_on_submit():
        user = users.user_by_email(form.email.data)
        if user is not None and not user.disabled and user.password_hash:
            link = users.issue_link(user, "reset", created_by=user.email)
            send_link_email(user, "reset", link.token)
        sent = True
    return render_template(
        "manage/account/reset_password.html",
        form=form,
        sent=sent,
        can_email=config.smtp is not None,
    )


def link_address(purpose: str, token: str) -> str:
    """The link's whole address, from the configured base: never from the request's host."""
    endpoint = "open_invitation" if purpose == "invitation" else "open_reset_link"
    return public_url(f"manage_account.{endpoint}", token=token)


def send_link_email(user: User, purpose: str, token: str) -> bool:
    """Email a link; False (and the failure logged) if the SMTP server would not take it."""
    config = current_app.extensions["signpost_config"]
    council = current_app.extensions["council"]
    if config.smtp is None:
        return False
    if purpose == "invitation":
        subject = gettext("You are invited to %(service)s", service=council.service_name)
        body = render_template(
            "manage/email/invitation.txt", user=user, link=link_address(purpose, token)
        )
    else:
        subject = gettext("Reset your %(service)s password", service=council.service_name)
        body = render_template(
            "manage/email/reset.txt", user=user, link=link_address(purpose, token)
        )
    try:
        send_email(config.smtp, user.email, subject, body)
    except MailFailed:
        current_app.logger.exception("Could not send the %s email", purpose)
        return False
    return True
