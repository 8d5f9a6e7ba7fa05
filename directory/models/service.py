from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import Model
from directory.models.enums import (
    Audience,
    ReferralRoute,
    ServiceAreaScope,
    ServiceKind,
    ServiceStatus,
    enum_column_type,
)
from directory.models.funded_hours import names_funded_hours
from directory.models.mixins import Timestamps, UuidPrimaryKey
from directory.models.taxonomy import TaxonomyTerm, service_taxonomy

if TYPE_CHECKING:
    from directory.models.location import ServiceAtLocation
    from directory.models.organization import Organization
    from directory.models.schedule import DatedSession, Schedule

PRE_BIRTH_AGE = -1
"""``minimum_age`` for services that start before a baby is born (antenatal, pregnancy)."""

OLDEST_AGE_SERVED = 25
"""Young people with SEND are served up to 25."""

LONGEST_REVIEW_INTERVAL = 60
"""Months: the longest a listing may go between checks (as the council file's default)."""


class Service(UuidPrimaryKey, Timestamps, Model):
    """A service families or practitioners can use (HSDS ``service`` plus council fields)."""

    __tablename__ = "service"

    organization_id: Mapped[str] = mapped_column(sa.ForeignKey("organization.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(255))
    summary: Mapped[str] = mapped_column(sa.String(300), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    url: Mapped[str | None] = mapped_column(sa.String(500))
    email: Mapped[str | None] = mapped_column(sa.String(255))
    status: Mapped[ServiceStatus] = mapped_column(
        enum_column_type(ServiceStatus, "service_status"), default=ServiceStatus.ACTIVE
    )
    kind: Mapped[ServiceKind] = mapped_column(enum_column_type(ServiceKind, "service_kind"))
    audience: Mapped[Audience] = mapped_column(
        enum_column_type(Audience, "service_audience"), default=Audience.PUBLIC
    )
    referral_route: Mapped[ReferralRoute] = mapped_column(
        enum_column_type(ReferralRoute, "referral_route"), default=ReferralRoute.SELF
    )
    referral_url: Mapped[str | None] = mapped_column(sa.String(500))
    professional_notes: Mapped[str] = mapped_column(sa.Text, default="")
    referral_criteria: Mapped[str] = mapped_column(sa.Text, default="")
    """Criteria and thresholds for a referral: practitioners only."""
    professional_contact: Mapped[str] = mapped_column(sa.String(255), default="")
    """How a professional gets through (a direct line, a duty desk): practitioners only."""
    application_process: Mapped[str] = mapped_column(sa.Text, default="")
    eligibility_description: Mapped[str] = mapped_column(sa.Text, default="")
    fees_description: Mapped[str] = mapped_column(sa.Text, default="")
    minimum_age: Mapped[int | None] = mapped_column(sa.Integer)
    maximum_age: Mapped[int | None] = mapped_column(sa.Integer)
    delivery_methods: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    assured_date: Mapped[date | None] = mapped_column(sa.Date)
    review_interval_months: Mapped[int | None] = mapped_column(sa.Integer)
    """How often the listing should be checked; None: the council's default."""
    visible_from: Mapped[date | None] = mapped_column(sa.Date)
    visible_to: Mapped[date | None] = mapped_column(sa.Date)
    is_sample: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    source: Mapped[str] = mapped_column(sa.String(64), default="manual")
    # Indexed on its own: family centres are found by the council file's external ids.
    external_id: Mapped[str | None] = mapped_column(sa.String(128), index=True)
    edited_fields: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    content_digest: Mapped[str | None] = mapped_column(sa.String(64))
    """Digest of the fields the write path last wrote; cleared by any other change
    (see ``directory.listings.digests``)."""

    organization: Mapped[Organization] = relationship(back_populates="services")
    locations: Mapped[list[ServiceAtLocation]] = relationship(
        back_populates="service", cascade="all, delete-orphan"
    )
    phones: Mapped[list[Phone]] = relationship(cascade="all, delete-orphan")
    contacts: Mapped[list[Contact]] = relationship(cascade="all, delete-orphan")
    schedules: Mapped[list[Schedule]] = relationship(cascade="all, delete-orphan")
    sessions: Mapped[list[DatedSession]] = relationship(
        cascade="all, delete-orphan", order_by="DatedSession.starts_at"
    )
    cost_options: Mapped[list[CostOption]] = relationship(cascade="all, delete-orphan")
    languages: Mapped[list[Language]] = relationship(cascade="all, delete-orphan")
    service_areas: Mapped[list[ServiceArea]] = relationship(cascade="all, delete-orphan")
    taxonomy_terms: Mapped[list[TaxonomyTerm]] = relationship(secondary=service_taxonomy)

    __table_args__ = (
        sa.UniqueConstraint("source", "external_id", name="uq_service_source"),
        sa.CheckConstraint(
            f"minimum_age IS NULL OR minimum_age >= {PRE_BIRTH_AGE}", name="minimum_age_range"
        ),
        sa.CheckConstraint(
            f"maximum_age IS NULL OR maximum_age <= {OLDEST_AGE_SERVED}", name="maximum_age_range"
        ),
        sa.CheckConstraint(
            "minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age",
            name="age_order",
        ),
        sa.CheckConstraint(
            "visible_from IS NULL OR visible_to IS NULL OR visible_from <= visible_to",
            name="visibility_order",
        ),
    )

    def terms(self, scheme: str) -> list[TaxonomyTerm]:
        return [term for term in self.taxonomy_terms if term.scheme == scheme]

    def is_visible_to_public(self, today: date) -> bool:
        """Active, for the public, and inside its seasonal window."""
        return (
            self.status == ServiceStatus.ACTIVE
            and self.audience == Audience.PUBLIC
            and (self.visible_from is None or self.visible_from <= today)
            and (self.visible_to is None or today <= self.visible_to)
        )

    @property
    def is_free(self) -> bool:
        """Free to at least some families: a cost option with no charge that is not funded
        childcare hours (those are free only to eligible 2, 3 and 4 year olds)."""
        return any(
            option.amount == 0 and not option.is_funded_hours for option in self.cost_options
        )

    @property
    def offers_funded_hours(self) -> bool:
        """Takes funded childcare hours (a cost option that names them)."""
        return any(option.is_funded_hours for option in self.cost_options)


class Contact(UuidPrimaryKey, Model):
    __tablename__ = "contact"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(255), default="")
    title: Mapped[str] = mapped_column(sa.String(255), default="")
    email: Mapped[str | None] = mapped_column(sa.String(255))
    phone: Mapped[str | None] = mapped_column(sa.String(64))


class Phone(UuidPrimaryKey, Model):
    __tablename__ = "phone"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(sa.String(64))
    description: Mapped[str] = mapped_column(sa.String(255), default="")


class CostOption(UuidPrimaryKey, Model):
    """A price or a free offer. ``amount`` 0 means free to the families ``option`` names."""

    __tablename__ = "cost_option"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    option: Mapped[str] = mapped_column(sa.String(255), default="")
    amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))
    amount_description: Mapped[str] = mapped_column(sa.String(255), default="")

    __table_args__ = (sa.CheckConstraint("amount IS NULL OR amount >= 0", name="amount_range"),)

    @property
    def is_funded_hours(self) -> bool:
        """The government's funded childcare hours, which are not free to everyone."""
        return names_funded_hours(self.option, self.amount_description)


class Language(UuidPrimaryKey, Model):
    __tablename__ = "language"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(64))
    code: Mapped[str] = mapped_column(sa.String(8))


class ServiceArea(UuidPrimaryKey, Model):
    """Where a service is offered: the whole borough, one locality, or by phone/online only."""

    __tablename__ = "service_area"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    scope: Mapped[ServiceAreaScope] = mapped_column(
        enum_column_type(ServiceAreaScope, "service_area_scope")
    )
    locality: Mapped[str | None] = mapped_column(sa.String(64))
    description: Mapped[str] = mapped_column(sa.String(255), default="")

    __table_args__ = (
        sa.CheckConstraint(
            "(scope = 'locality') = (locality IS NOT NULL)", name="locality_with_scope"
        ),
    )
