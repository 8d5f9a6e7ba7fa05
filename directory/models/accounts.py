"""Staff accounts: who may sign in, their second factor, one-time links and sessions."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model
from directory.models.enums import enum_column_type
from directory.models.mixins import UuidPrimaryKey, utc_now
from directory.sealing import site_sealer


class Role(StrEnum):
    """What a member of staff may do.

    Practitioners, editors and admins are a ladder: each may do everything the ones before
    it may. A provider (someone who works for an organisation that runs services) is off the
    ladder: they keep their own organisation's listings and nothing else, so no page for a
    practitioner, editor or admin opens to them, and no other role gains a provider's pages.
    """

    PRACTITIONER = "practitioner"
    EDITOR = "editor"
    ADMIN = "admin"
    PROVIDER = "provider"

    @property
    def rank(self) -> int:
        """The place on the council staff's ladder; -1 for a provider, who is not on it."""
        return LADDER.index(self) if self in LADDER else -1

    def at_least(self, other: Role) -> bool:
        if Role.PROVIDER in (self, other):
            return self is other
        return self.rank >= other.rank


LADDER = (Role.PRACTITIONER, Role.EDITOR, Role.ADMIN)
"""The council staff's roles, least first."""


class User(UuidPrimaryKey, Model):
    """A member of staff. Flask-Login reads ``is_active``, ``is_authenticated`` and ``get_id``."""

    __tablename__ = "staff_user"

    email: Mapped[str] = mapped_column(sa.String(255), unique=True)
    """Always stored lower-case, so sign-in ignores the case it is typed in."""
    name: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[Role] = mapped_column(enum_column_type(Role, "staff_role"))
    organization_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    """The organisation a provider works for (None for council staff). A provider whose
    organisation is removed keeps the account but sees no listings until given another."""
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    """None until the invitation is accepted."""
    sealed_totp_secret: Mapped[str | None] = mapped_column(sa.String(255))
    """The authenticator app's secret, encrypted (see ``directory.sealing``); read and set
    it as ``totp_secret``."""
    totp_confirmed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    totp_last_step: Mapped[int | None] = mapped_column(sa.BigInteger)
    """The time step of the last code accepted, so a code works only once."""
    failed_attempts: Mapped[int] = mapped_column(sa.Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    # Flask-Login's user protocol.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return not self.disabled and self.password_hash is not None

    def get_id(self) -> str:
        return self.id

    @property
    def has_second_factor(self) -> bool:
        return self.sealed_totp_secret is not None and self.totp_confirmed_at is not None

    @property
    def totp_secret(self) -> str | None:
        """The secret in clear, opened with the site's key (only while it is needed)."""
        if self.sealed_totp_secret is None:
            return None
        return site_sealer().open(self.sealed_totp_secret)

    @totp_secret.setter
    def totp_secret(self, secret: str | None) -> None:
        self.sealed_totp_secret = None if secret is None else site_sealer().seal(secret)


class RecoveryCode(UuidPrimaryKey, Model):
    """A single-use code that stands in for a one-time code when the phone is lost."""

    __tablename__ = "staff_recovery_code"

    user_id: Mapped[str] = mapped_column(
        sa.ForeignKey("staff_user.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(sa.String(64))
    used_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))


class AccountLink(UuidPrimaryKey, Model):
    """A single-use, expiring link: an invitation or a password reset. Only its hash is kept."""

    __tablename__ = "staff_account_link"

    user_id: Mapped[str] = mapped_column(
        sa.ForeignKey("staff_user.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(sa.String(16))
    """"invitation" or "reset"."""
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(sa.String(255))


class WebSession(Model):
    """A session kept on the server; the browser holds only a random id whose hash is the key."""

    __tablename__ = "web_session"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), index=True)


class SecurityEvent(UuidPrimaryKey, Model):
    """Something that happened to a staff account, kept for good (append-only).

    The database refuses to change or delete these rows (triggers made by the migration), so
    someone who gets the app's database role cannot tidy their traces away. No password,
    code or link token is ever kept here.
    """

    __tablename__ = "security_event"

    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utc_now, index=True)
    kind: Mapped[str] = mapped_column(sa.String(40), index=True)
    """One of ``directory.accounts.events.EventKind``."""
    actor_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    """Who did it: the signed-in account, or None (someone not signed in, the command line)."""
    actor: Mapped[str | None] = mapped_column(sa.String(255))
    """Their email address as it was then."""
    target_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    """The account it was done to (not a foreign key: events outlive accounts)."""
    target: Mapped[str | None] = mapped_column(sa.String(255))
    client_address: Mapped[str | None] = mapped_column(sa.String(64))
    """The client's address as the app sees it (through ``TRUSTED_PROXIES`` proxies)."""
    details: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    """A few plain facts: a reason for a refusal, the old and new role."""
