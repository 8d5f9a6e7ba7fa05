"""The listings a page of results shows, as plain card values kept per index generation.

A page's twenty listings are read with plain SQL rows (the listing with its organisation's
name, then its venues' towns, phones, prices, schedules, sessions, areas and terms, each
in one statement for the page) into ``CardListing`` values: no ORM object is made, which
cost a third of a page seen for the first time. ``ListingCache`` keeps the values until
the index's generation or the database's newest listing change moves (the index can lag
the database: ``directory.queries.generation_kept``), and a page loads only the listings
it has not seen yet.

Each statement asks what the ORM's loads asked (``services_for_cards``), in the same
shape, so a listing's phones, prices, venues and areas come in the same order.

Who may see a listing is decided on every page, as the SQL did: a family sees active,
public listings inside their season; practitioners see active listings inside their
season, whoever they are for. Listings are kept whatever their audience or season, as the
index holds them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from directory.extensions import db
from directory.models import (
    Audience,
    CostOption,
    DatedSession,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
    service_taxonomy,
)
from directory.models.card import (
    CardArea,
    CardCost,
    CardLink,
    CardListing,
    CardPhone,
    CardSchedule,
    CardSession,
    CardTerm,
    CardVenue,
)
from directory.models.funded_hours import names_funded_hours
from directory.queries.generation_kept import GenerationKept, in_window
from directory.queries.services import indexed

MOST_KEPT = 3000
"""Listings kept at most per process, the least recently shown dropped first (a listing's
card values are a kilobyte or two)."""


def in_season(service: CardListing, today: date) -> bool:
    """Active and inside its seasonal window."""
    return in_window(
        service.status == ServiceStatus.ACTIVE, service.visible_from, service.visible_to, today
    )


class ListingCache:
    """One process's listings for result cards, emptied when the index or a listing changes."""

    def __init__(self, most: int = MOST_KEPT) -> None:
        self._kept: GenerationKept[CardListing] = GenerationKept(most)

    def services(
        self,
        ids: Sequence[str],
        today: date,
        for_practitioners: bool,
        generation: Hashable | None,
    ) -> dict[str, CardListing]:
        """The listings of ``ids`` this door may show today, by id (those it may not, or
        no longer indexed, left out). With no generation (no index on disk) nothing is kept."""
        found = (
            card_listings(list(dict.fromkeys(ids)))
            if generation is None
            else self._kept.get(ids, generation, card_listings)
        )
        return {
            i: found[i]
            for i in dict.fromkeys(ids)
            if i in found
            and in_season(found[i], today)
            and (for_practitioners or found[i].audience == Audience.PUBLIC)
        }


def _ids() -> sa.BindParameter[list[str]]:
    return sa.bindparam("ids", expanding=True)


_LISTINGS = (
    sa.select(
        Service.id,
        Service.name,
        Organization.name.label("organisation"),
        Service.summary,
        Service.status,
        Service.audience,
        Service.visible_from,
        Service.visible_to,
        Service.delivery_methods,
        Service.minimum_age,
        Service.maximum_age,
        Service.assured_date,
        Service.review_interval_months,
        Service.is_sample,
        Service.referral_route,
        Service.referral_url,
        Service.referral_criteria,
        Service.professional_contact,
        Service.professional_notes,
    )
    .outerjoin(Organization, Organization.id == Service.organization_id)
    .where(Service.id.in_(_ids()), indexed())
)
"""A listing's own values (each row's names are ``CardListing``'s). Each statement is
made once, its ids given when it is run."""
_AREAS = sa.select(ServiceArea.service_id, ServiceArea.scope, ServiceArea.locality).where(
    ServiceArea.service_id.in_(_ids())
)
_TERMS = (
    sa.select(
        service_taxonomy.c.service_id, TaxonomyTerm.scheme, TaxonomyTerm.code, TaxonomyTerm.name
    )
    .select_from(service_taxonomy)
    .join(TaxonomyTerm, TaxonomyTerm.id == service_taxonomy.c.taxonomy_term_id)
    .where(service_taxonomy.c.service_id.in_(_ids()))
)
_VENUES = (
    sa.select(
        ServiceAtLocation.service_id,
        ServiceAtLocation.id,
        Location.city,
        Location.locality,
        Location.masked_address,
    )
    .outerjoin(Location, Location.id == ServiceAtLocation.location_id)
    .where(ServiceAtLocation.service_id.in_(_ids()))
)
_PHONES = sa.select(Phone.service_id, Phone.number, Phone.description).where(
    Phone.service_id.in_(_ids())
)
_TIMES = (
    Schedule.byday,
    Schedule.opens_at,
    Schedule.closes_at,
    Schedule.valid_from,
    Schedule.valid_to,
)
_SCHEDULES: sa.CompoundSelect[*tuple[Any, ...]] = sa.union_all(
    sa.select(Schedule.service_id, sa.null(), *_TIMES).where(Schedule.service_id.in_(_ids())),
    sa.select(ServiceAtLocation.service_id, Schedule.service_at_location_id, *_TIMES)
    .join(ServiceAtLocation, ServiceAtLocation.id == Schedule.service_at_location_id)
    .where(ServiceAtLocation.service_id.in_(_ids())),
)
"""The listing's own weekly opening (no venue), then its venues' (the venue's link):
in no order, as a card reads them as a set."""
_SESSIONS = (
    sa.select(DatedSession.service_id, DatedSession.starts_at, DatedSession.ends_at)
    .where(DatedSession.service_id.in_(_ids()))
    .order_by(DatedSession.starts_at)
)
_COSTS = sa.select(
    CostOption.service_id, CostOption.option, CostOption.amount, CostOption.amount_description
).where(CostOption.service_id.in_(_ids()))


def card_listings(ids: list[str]) -> dict[str, CardListing]:
    """The indexed listings of ``ids`` as card values, by id: plain rows, on a connection
    of their own that is closed at once."""
    with db.engine.connect() as connection:
        listings = connection.execute(_LISTINGS, {"ids": ids}).all()
        found = {"ids": [row.id for row in listings]}
        if not listings:
            return {}
        areas = _grouped(connection.execute(_AREAS, found))
        terms = _grouped(connection.execute(_TERMS, found))
        links = _grouped(connection.execute(_VENUES, found))
        phones = _grouped(connection.execute(_PHONES, found))
        sessions = _grouped(connection.execute(_SESSIONS, found))
        costs = _grouped(connection.execute(_COSTS, found))
        opening = _grouped(connection.execute(_SCHEDULES, found))
    at_venues: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    own: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for service_id, rows in opening.items():
        for link_id, *times in rows:
            (at_venues[link_id] if link_id else own[service_id]).append(tuple(times))
    return {
        row.id: CardListing(
            id=row.id,
            name=row.name,
            organisation=row.organisation,
            summary=row.summary,
            status=row.status,
            audience=row.audience,
            visible_from=row.visible_from,
            visible_to=row.visible_to,
            delivery_methods=tuple(row.delivery_methods),
            minimum_age=row.minimum_age,
            maximum_age=row.maximum_age,
            assured_date=row.assured_date,
            review_interval_months=row.review_interval_months,
            is_sample=row.is_sample,
            referral_route=row.referral_route,
            referral_url=row.referral_url,
            referral_criteria=row.referral_criteria,
            professional_contact=row.professional_contact,
            professional_notes=row.professional_notes,
            locations=tuple(
                CardLink(
                    CardVenue(city, locality, masked),
                    tuple(CardSchedule(*s) for s in at_venues.get(link_id, ())),
                )
                for link_id, city, locality, masked in links.get(row.id, ())
            ),
            schedules=tuple(CardSchedule(*s) for s in own.get(row.id, ())),
            sessions=tuple(CardSession(*s) for s in sessions.get(row.id, ())),
            phones=tuple(CardPhone(*p) for p in phones.get(row.id, ())),
            cost_options=tuple(
                CardCost(option, amount, said, names_funded_hours(option, said))
                for option, amount, said in costs.get(row.id, ())
            ),
            service_areas=tuple(CardArea(*a) for a in areas.get(row.id, ())),
            taxonomy_terms=tuple(CardTerm(*t) for t in terms.get(row.id, ())),
        )
        for row in listings
    }


def _grouped(rows: Iterable[Sequence[Any]]) -> dict[str, list[tuple[Any, ...]]]:
    """``rows`` by their first column, the rest of each row in the order the database
    gave them."""
    held: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        held[row[0]].append(tuple(row[1:]))
    return held
