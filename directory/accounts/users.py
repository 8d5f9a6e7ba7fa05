"""Reading and changing staff accounts. All SQL for accounts lives here, not in views."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from directory.accounts import second_factor
from directory.accounts.events import EventKind, record
from directory.accounts.passwords import hash_password, needs_rehash, verify_password
from directory.accounts.sessions import as_utc, now_utc
from directory.extensions import db, rows_changed
from directory.models import AccountLink, RecoveryCode, Role, User

LOCKOUT_ATTEMPTS = 10
LOCKOUT_PERIOD = timedelta(minutes=30)
LINK_LIFETIMES = {"invitation": timedelta(days=3), "reset": timedelta(hours=1)}


class AccountError(ValueError):
    """An account cannot be made or changed as asked; the message says why."""


def normalise_email(email: str) -> str:
    return email.strip().casefold()


def user_by_email(email: str) -> User | None:
    return db.session.scalars(sa.select(User).where(User.email == normalise_email(email))).first()


def user_by_id(user_id: str) -> User | None:
    return db.session.get(User, user_id)


def all_users() -> list[User]:
    return list(db.session.scalars(sa.select(User).order_by(User.name, User.email)))


def create_user(
    email: str,
    name: str,
    role: Role,
    password: str | None = None,
    organization_id: str | None = None,
) -> User:
    """A new account, committed (an invitation's until its password is set). A provider
    belongs to exactly one organisation; council staff to none."""
    if user_by_email(email) is not None:
        raise AccountError(f"There is already an account for {normalise_email(email)}.")
    if (role is Role.PROVIDER) != (organization_id is not None):
        raise AccountError("A provider needs an organisation, and only a provider has one.")
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        role=role,
        organization_id=organization_id,
        password_hash=hash_password(password) if password else None,
        failed_attempts=0,
        disabled=False,
    )
    db.session.add(user)
    db.session.flush()
    details = {"role": role.value}
    if organization_id is not None:
        details["organisation"] = organization_id
    record(EventKind.ACCOUNT_CREATED, user, **details)
    return user


def providers_of(organization_id: str) -> list[User]:
    """The accounts of people who work for an organisation, by name."""
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.role == Role.PROVIDER, User.organization_id == organization_id)
            .order_by(User.name, User.email)
        )
    )


def change_role(user: User, role: Role) -> None:
    """A council role for anyone; a provider who becomes council staff leaves their
    organisation (people are made providers only by an invitation to an organisation)."""
    if role is Role.PROVIDER and user.organization_id is None:
        raise AccountError("A provider needs an organisation: invite them to one.")
    before = user.role
    user.role = role
    if role is not Role.PROVIDER:
        user.organization_id = None
    record(EventKind.ROLE_CHANGED, user, before=before.value, after=role.value)


def set_disabled(user: User, disabled: bool) -> None:
    user.disabled = disabled
    record(EventKind.ACCOUNT_DISABLED if disabled else EventKind.ACCOUNT_ENABLED, user)


def unlock(user: User) -> None:
    user.locked_until = None
    user.failed_attempts = 0
    record(EventKind.ACCOUNT_UNLOCKED, user)


def is_locked(user: User, now: datetime | None = None) -> bool:
    return user.locked_until is not None and as_utc(user.locked_until) > (now or now_utc())


def note_failure(user: User, reason: str, kind: EventKind = EventKind.SIGN_IN_REFUSED) -> None:
    """One more wrong password or code; the tenth in a row locks the account for a while."""
    user.failed_attempts = (user.failed_attempts or 0) + 1
    locks = user.failed_attempts >= LOCKOUT_ATTEMPTS
    if locks:
        user.locked_until = now_utc() + LOCKOUT_PERIOD
        user.failed_attempts = 0
    record(kind, user, reason=reason)
    if locks:
        record(EventKind.ACCOUNT_LOCKED, user, minutes=int(LOCKOUT_PERIOD.total_seconds() // 60))


def check_password(email: str, password: str) -> User | None:
    """The account if ``password`` is right and the account may sign in now, else None.

    Every refusal looks the same to the caller, so nothing tells whether an account exists,
    is locked or is disabled. A hash made with older parameters is replaced.
    """
    user = user_by_email(email)
    right = verify_password(user.password_hash if user else None, password)
    if user is None:
        record(EventKind.SIGN_IN_REFUSED, None, reason="unknown account")
        return None
    if is_locked(user):
        record(EventKind.SIGN_IN_REFUSED, user, reason="locked")
        return None
    if not right:
        note_failure(user, "password")
        return None
    if not user.is_active:
        record(EventKind.SIGN_IN_REFUSED, user, reason="disabled")
        return None
    if needs_rehash(user.password_hash or ""):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def check_code(user: User, code: str, failure: EventKind = EventKind.SIGN_IN_REFUSED) -> bool:
    """A one-time code or an unused recovery code, each accepted once and only once.

    Wrong (or already used) codes count towards the lockout and are recorded as ``failure``.
    """
    if is_locked(user) or not user.is_active or not user.has_second_factor:
        return False
    step = second_factor.accepted_step(user.totp_secret or "", code, user.totp_last_step)
    if step is not None:
        if _claim_step(user, step):
            return True
    elif _claim_recovery_code(user, code):
        record(EventKind.RECOVERY_CODE_USED, user, left=unused_recovery_codes(user))
        return True
    note_failure(user, "code", failure)
    return False


def _claim_step(user: User, step: int) -> bool:
    """Note ``step`` as the last one used, unless it or a later one already is.

    One conditional UPDATE whose row count says who won: of several requests giving the same
    code at once, on SQLite or PostgreSQL, exactly one changes the row. The copy of the
    account in memory may be stale; the row is not.
    """
    claimed = db.session.execute(
        sa.update(User)
        .where(
            User.id == user.id,
            sa.or_(User.totp_last_step.is_(None), User.totp_last_step < step),
        )
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return rows_changed(claimed) == 1


def _claim_recovery_code(user: User, code: str) -> bool:
    """Mark one unused recovery code used, by a conditional UPDATE (as ``_claim_step``)."""
    if not second_factor.normalise_recovery_code(code):
        return False
    found = db.session.scalar(
        sa.select(RecoveryCode.id).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == second_factor.recovery_code_hash(code),
            RecoveryCode.used_at.is_(None),
        )
    )
    if found is None:
        return False
    claimed = db.session.execute(
        sa.update(RecoveryCode)
        .where(RecoveryCode.id == found, RecoveryCode.used_at.is_(None))
        .values(used_at=now_utc())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return rows_changed(claimed) == 1


def confirm_identity(user: User, password: str, code: str) -> bool:
    """The password and a current code (or a recovery code), as asked before a change to
    the second factor. Wrong ones count towards the lockout, as at sign-in."""
    if is_locked(user) or not user.is_active:
        record(EventKind.CHANGE_REFUSED, user, reason="locked")
        return False
    if not verify_password(user.password_hash, password):
        note_failure(user, "password", EventKind.CHANGE_REFUSED)
        return False
    return check_code(user, code, EventKind.CHANGE_REFUSED)


def current_password_right(user: User, password: str) -> bool:
    """Whether ``password`` is the account's, asked before changing it; a wrong one counts
    towards the lockout, so an open session cannot be used to guess the password."""
    if verify_password(user.password_hash, password):
        return True
    note_failure(user, "password", EventKind.CHANGE_REFUSED)
    return False


def signed_in(user: User) -> None:
    user.failed_attempts = 0
    user.locked_until = None
    user.last_signed_in_at = now_utc()
    record(EventKind.SIGNED_IN, user, actor=user)


def unused_recovery_codes(user: User) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count(RecoveryCode.id)).where(
                RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
            )
        )
        or 0
    )


def confirm_second_factor(user: User, secret: str, code: str) -> list[str] | None:
    """Turn on one-time codes if ``code`` is right for ``secret``; return new recovery codes."""
    step = second_factor.accepted_step(secret, code, None)
    if step is None:
        return None
    user.totp_secret = secret
    user.totp_confirmed_at = now_utc()
    user.totp_last_step = step
    codes = replace_recovery_codes(user)
    record(EventKind.SECOND_FACTOR_SET_UP, user)
    return codes


def new_secret_step(secret: str, code: str) -> int | None:
    """The step of ``code`` for a new app's ``secret`` (nothing is stored yet)."""
    return second_factor.accepted_step(secret, code, None)


def replace_second_factor(user: User, secret: str, step: int) -> list[str]:
    """Move to a new app (its code already checked) with new recovery codes."""
    user.totp_secret = secret
    user.totp_confirmed_at = now_utc()
    user.totp_last_step = step
    codes = replace_recovery_codes(user)
    record(EventKind.SECOND_FACTOR_REPLACED, user)
    return codes


def renew_recovery_codes(user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    codes = replace_recovery_codes(user)
    record(EventKind.RECOVERY_CODES_REPLACED, user)
    return codes


def replace_recovery_codes(user: User) -> list[str]:
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = second_factor.new_recovery_codes()
    db.session.add_all(
        RecoveryCode(user_id=user.id, code_hash=second_factor.recovery_code_hash(code))
        for code in codes
    )
    return codes


def remove_second_factor(user: User) -> None:
    """An admin's help for someone who lost their phone and codes: they enrol again."""
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.totp_last_step = None
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    record(EventKind.SECOND_FACTOR_REMOVED, user)


PASSWORD_EVENTS = {
    "account": (EventKind.PASSWORD_CHANGED, "account page"),
    "reset": (EventKind.PASSWORD_CHANGED, "reset link"),
    "invitation": (EventKind.INVITATION_ACCEPTED, None),
}


def set_password(user: User, password: str, how: str) -> None:
    """A new password, set on the account page (``how="account"``) or through a link."""
    user.password_hash = hash_password(password)
    user.failed_attempts = 0
    user.locked_until = None
    kind, through = PASSWORD_EVENTS[how]
    record(kind, user, through=through)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedLink:
    token: str
    expires_at: datetime


def issue_link(user: User, purpose: str, created_by: str) -> IssuedLink:
    """A new single-use link; any earlier unused link of the same kind stops working."""
    now = now_utc()
    db.session.execute(
        sa.update(AccountLink)
        .where(
            AccountLink.user_id == user.id,
            AccountLink.purpose == purpose,
            AccountLink.used_at.is_(None),
        )
        .values(used_at=now)
    )
    token = secrets.token_urlsafe(32)
    expires_at = now + LINK_LIFETIMES[purpose]
    db.session.add(
        AccountLink(
            user_id=user.id,
            purpose=purpose,
            token_hash=_token_hash(token),
            expires_at=expires_at,
            created_by=created_by,
        )
    )
    kind = EventKind.INVITATION_LINK_MADE if purpose == "invitation" else EventKind.RESET_LINK_MADE
    record(kind, user)
    return IssuedLink(token, expires_at)


def valid_link(token: str, purpose: str) -> AccountLink | None:
    """The link if it exists, is of this kind, is unused and has not expired."""
    if not token or len(token) > 128:
        return None
    link = db.session.scalars(
        sa.select(AccountLink).where(AccountLink.token_hash == _token_hash(token))
    ).first()
    if (
        link is None
        or link.purpose != purpose
        or link.used_at is not None
        or as_utc(link.expires_at) <= now_utc()
    ):
        return None
    return link


def use_link(link: AccountLink) -> bool:
    """Mark the link used; False if another request used it first (it works only once)."""
    claimed = db.session.execute(
        sa.update(AccountLink)
        .where(AccountLink.id == link.id, AccountLink.used_at.is_(None))
        .values(used_at=now_utc())
    )
    return rows_changed(claimed) == 1
