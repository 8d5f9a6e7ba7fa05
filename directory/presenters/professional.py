"""What only practitioners see about a listing: how to refer, criteria, their contact line.

Shown at the practitioners' door only (``/practitioners``); the family site's presenters
never read these fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from flask import current_app

from directory.council import Council
from directory.i18n import page_locale
from directory.links import shown_link
from directory.models import Audience, ReferralRoute, Service, ServiceAreaScope
from directory.models.card import CardListing
from directory.page_text import gettext, lazy_gettext
from directory.presenters.lasting import lasting
from directory.presenters.search import ResultItem, result_item
from search import SearchHit

ROUTE_NAMES = {
    ReferralRoute.SELF: lazy_gettext("Self-referral"),
    ReferralRoute.PROFESSIONAL: lazy_gettext("Professional referral"),
    ReferralRoute.BOTH: lazy_gettext("Self-referral or professional referral"),
}


@dataclass(frozen=True)
class ProfessionalFacts:
    practitioners_only: bool
    referral_route: str
    criteria: str
    referral_url: str | None
    """Only a safe link (http, https, tel, mailto); None shows no link."""
    contact: str
    notes: str
    levels: list[str]
    coverage: list[str]
    """"Borough-wide", "No venue": how a listing with no venue in the locality serves it."""
    needs: tuple[tuple[str, str], ...] = ()
    """(code, label) of every need the listing meets, in the council file's order."""

    def needs_met(self, asked: Sequence[str]) -> list[str]:
        """The labels of the needs asked for that this listing meets."""
        return [label for code, label in self.needs if code in asked]


def professional_facts(service: Service | CardListing, council: Council) -> ProfessionalFacts:
    return ProfessionalFacts(
        practitioners_only=service.audience == Audience.PRACTITIONERS,
        referral_route=str(ROUTE_NAMES[service.referral_route]),
        criteria=service.referral_criteria,
        referral_url=shown_link(service.referral_url),
        contact=service.professional_contact,
        notes=service.professional_notes,
        levels=_levels(service, council),
        coverage=coverage_words(service),
        needs=_needs(service, council),
    )


def _needs(service: Service | CardListing, council: Council) -> tuple[tuple[str, str], ...]:
    held = {term.code for term in service.terms("need")}
    return tuple((term.code, term.label) for term in council.terms("need") if term.code in held)


def meets_all_first(
    items: Sequence[ResultItem], asked: Sequence[str]
) -> tuple[list[ResultItem], list[ResultItem]]:
    """With two or more needs asked: the results meeting every one, then the rest (each in
    the order found). With fewer, nothing to split: ([], items)."""
    if len(asked) < 2:
        return [], list(items)
    every: list[ResultItem] = []
    some: list[ResultItem] = []
    for item in items:
        met = item.professional.needs_met(asked) if item.professional else []
        (every if len(met) == len(asked) else some).append(item)
    return every, some


def coverage_words(service: Service | CardListing) -> list[str]:
    words = []
    if any(area.scope == ServiceAreaScope.BOROUGH for area in service.service_areas):
        words.append(gettext("Borough-wide"))
    if not service.locations:
        words.append(gettext("No venue"))
    return words


def practitioner_result_item(service: CardListing, hit: SearchHit, now: datetime) -> ResultItem:
    """A result card with what only practitioners see added."""
    council = current_app.extensions["council"]
    item = result_item(service, hit, now, council)
    facts = lasting(
        service,
        council,
        ("professional", page_locale()),
        lambda: professional_facts(service, council),
    )
    return replace(item, professional=facts)


def _levels(service: Service | CardListing, council: Council) -> list[str]:
    """The listing's levels of need in the council file's order, lowest first."""
    order = [term.code for term in council.terms("level")]
    held = {term.code: term.name for term in service.terms("level")}
    known = [term.label for term in council.terms("level") if term.code in held]
    return known + [name for code, name in held.items() if code not in order]
