"""Sample listings that make the demo directory feel full, all clearly labelled.

Every organisation, venue and listing made here is invented and named "... (sample)"; venues
stand on real postcodes from ``postcodes.csv``; phone numbers are Ofcom's drama numbers
(01632 960xxx) and web addresses are on example.org. Each listing draws from its own random
generator seeded with its key, so the same council and day always give the same listings.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from directory.council import Council, Locality
from directory.demo.holidays import coming_holidays, session_days
from directory.demo.postcodes import demo_postcodes
from directory.demo.records import (
    BOROUGH,
    REMOTE,
    Area,
    ContactRecord,
    Cost,
    DemoDataset,
    Opening,
    OrganisationRecord,
    PhoneNumber,
    ServiceRecord,
    SessionRecord,
    VenueRecord,
)
from directory.demo.sample_templates import TEMPLATES, Pricing, Reach, SampleTemplate, Timing
from directory.demo.seeds import FAMILY_CENTRE_VENUES
from directory.models import (
    Audience,
    DeliveryMethod,
    ReferralRoute,
    ServiceAreaScope,
    ServiceKind,
    ServiceStatus,
)
from directory.models.schedule import WEEKDAYS

SEED = 2026
SAMPLE = " (sample)"
MAX_CHECKED_DAYS_AGO = 540
"""Samples were last checked at some point in the last 18 months."""

BUILDINGS = (
    "Community Centre",
    "Library",
    "Methodist Church Hall",
    "Youth Centre",
    "Leisure Centre",
    "Children's Centre",
    "Scout Hut",
    "Community Hall",
    "Primary Academy",
    "Sports Club",
    "Parish Church Hall",
    "Neighbourhood Hub",
    "Baptist Church Hall",
    "Family Learning Centre",
    "Community Café",
)
ACCESSIBILITY = (
    "Step-free access from the car park",
    "Accessible toilet",
    "Baby changing facilities",
    "Hearing loop at reception",
    "Buggy park inside the entrance",
    "Lift to all floors",
    "Disabled parking bays by the door",
    "Quiet room available on request",
)
COMMUNITY_LANGUAGES = ("ur", "pa", "pl", "bn", "ar", "ro")
STATUS_CHANGES = (
    ServiceStatus.INACTIVE,
    ServiceStatus.INACTIVE,
    ServiceStatus.INACTIVE,
    ServiceStatus.TEMPORARILY_CLOSED,
    ServiceStatus.TEMPORARILY_CLOSED,
    ServiceStatus.DEFUNCT,
)
_DEFAULT_DELIVERY = {
    Reach.VENUE: (DeliveryMethod.IN_PERSON,),
    Reach.LOCALITY: (DeliveryMethod.OUTREACH,),
    Reach.BOROUGH: (DeliveryMethod.OUTREACH, DeliveryMethod.PHONE),
    Reach.REMOTE: (DeliveryMethod.PHONE, DeliveryMethod.ONLINE),
    Reach.REFUGE: (DeliveryMethod.IN_PERSON, DeliveryMethod.PHONE),
}
_FIRST_DRAMA_NUMBER = 960000


def sample_dataset(council: Council, today: date, seed: int = SEED) -> DemoDataset:
    """Sample organisations, venues and listings for ``council``'s localities."""
    venues = _venues(council, seed)
    builder = _Builder(council, today, seed, venues)
    for template in TEMPLATES:
        builder.add(template)
    return builder.dataset()


@dataclass(frozen=True)
class _Place:
    """Where one listing is: its locality (if local), neighbourhood and venue (if any)."""

    locality: Locality | None
    area: str
    venue: VenueRecord | None = None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _venues(council: Council, seed: int) -> dict[str, list[VenueRecord]]:
    """One invented venue on each demo postcode, grouped by locality code."""
    rng = random.Random(f"{seed}:venues")
    taken = {venue.postcode for venue in FAMILY_CENTRE_VENUES}
    names: set[str] = set()
    by_locality: dict[str, list[VenueRecord]] = {loc.code: [] for loc in council.localities}
    for point in demo_postcodes().values():
        locality = council.locality_for(point.district, point.sector)
        if locality is None or point.postcode in taken:
            continue
        buildings = list(BUILDINGS)
        rng.shuffle(buildings)
        name = next(
            (f"{point.area} {b}" for b in buildings if f"{point.area} {b}" not in names),
            f"{point.area} {point.postcode}",
        )
        names.add(name)
        notes = rng.sample(range(len(ACCESSIBILITY)), rng.randint(1, 3))
        by_locality[locality.code].append(
            VenueRecord(
                key=f"sample-venue-{_slug(point.postcode)}",
                name=name + SAMPLE,
                postcode=point.postcode,
                city=point.post_town,
                description="A sample venue: the building is invented, the postcode is real.",
                accessibility=tuple(ACCESSIBILITY[i] for i in sorted(notes)),
            )
        )
    return by_locality


class _Builder:
    def __init__(
        self, council: Council, today: date, seed: int, venues: dict[str, list[VenueRecord]]
    ) -> None:
        self.council = council
        self.today = today
        self.seed = seed
        self.venues = venues
        self.organisations: dict[str, OrganisationRecord] = {}
        self.services: list[ServiceRecord] = []
        self.refuges: list[VenueRecord] = []
        self.names: set[str] = set()
        self.next_phone = _FIRST_DRAMA_NUMBER

    def add(self, template: SampleTemplate) -> None:
        for number, (key, place) in enumerate(self._places(template)):
            rng = random.Random(f"{self.seed}:{key}")
            variant = template.variants[number % len(template.variants)]
            self.services.append(self._service(template, key, place, variant, rng))

    def dataset(self) -> DemoDataset:
        rng = random.Random(f"{self.seed}:statuses")
        changeable = [
            i for i, s in enumerate(self.services) if s.kind is not ServiceKind.HOLIDAY_ACTIVITY
        ]
        services = list(self.services)
        for index, status in zip(
            rng.sample(changeable, len(STATUS_CHANGES)), STATUS_CHANGES, strict=True
        ):
            services[index] = replace(services[index], status=status)
        venues = tuple(v for pool in self.venues.values() for v in pool) + tuple(self.refuges)
        return DemoDataset(tuple(self.organisations.values()), venues, tuple(services))

    def _places(self, template: SampleTemplate) -> Iterator[tuple[str, _Place]]:
        rng = random.Random(f"{self.seed}:places:{template.slug}")
        if template.reach in (Reach.VENUE, Reach.LOCALITY):
            for locality in self.council.localities:
                pool = self.venues[locality.code]
                chosen = rng.sample(pool, min(template.count, len(pool)))
                for n, venue in enumerate(chosen, start=1):
                    key = f"sample-{template.slug}-{locality.code}-{n}"
                    area = demo_postcodes()[venue.postcode].area
                    at = venue if template.reach is Reach.VENUE else None
                    yield key, _Place(locality, area, at)
            return
        for n in range(1, template.count + 1):
            key = f"sample-{template.slug}" + (f"-{n}" if template.count > 1 else "")
            if template.reach is Reach.REFUGE:
                yield key, _Place(None, "Dudley", self._refuge(key, rng))
            else:
                yield key, _Place(None, "Dudley")

    def _refuge(self, key: str, rng: random.Random) -> VenueRecord:
        """A refuge's venue: stored so the service has a locality, never shown to the public."""
        point = rng.choice(list(demo_postcodes().values()))
        venue = VenueRecord(
            key=f"{key}-venue",
            name=f"Refuge {len(self.refuges) + 1}{SAMPLE}",
            postcode=point.postcode,
            city=point.post_town,
            masked_address=True,
        )
        self.refuges.append(venue)
        return venue

    def _service(
        self,
        template: SampleTemplate,
        key: str,
        place: _Place,
        variant: str,
        rng: random.Random,
    ) -> ServiceRecord:
        words = {
            "area": place.area,
            "locality": place.locality.name if place.locality else "Dudley borough",
            "variant": variant,
        }
        organisation = self._organisation(template.organisation.format(**words), rng)
        pricing = rng.choice(template.pricing)
        # Dates depend on the day of the load, so they draw from their own generator and
        # cannot shift anything else about the listing.
        openings, sessions = self._timing(template, key, random.Random(f"{self.seed}:{key}:dates"))
        visible_from, visible_to = self._window(template, sessions)
        return ServiceRecord(
            key=key,
            organisation=organisation.key,
            name=self._unique_name(template.name.format(**words), place, key),
            kind=template.kind,
            summary=template.summary.format(**words),
            description=template.description.format(**words),
            categories=template.categories,
            needs=template.needs,
            levels=template.levels,
            circumstances=template.circumstances
            + (("free-school-meals",) if pricing is Pricing.FREE_WITH_FSM else ()),
            venues=(place.venue.key,) if place.venue else (),
            openings=openings,
            sessions=sessions,
            phones=self._phones(template, rng),
            contacts=_contacts(template, key),
            costs=_costs(template, pricing),
            areas=(_area(template, place),),
            languages=template.languages or _languages(rng),
            delivery=template.delivery or _DEFAULT_DELIVERY[template.reach],
            minimum_age=template.ages[0],
            maximum_age=template.ages[1],
            url=f"https://example.org/dudley/{key}"
            if rng.random() < 0.7 or template.reach is Reach.REMOTE
            else None,
            email=f"{key.removeprefix('sample-')}@example.org" if rng.random() < 0.4 else None,
            audience=template.audience,
            referral_route=template.referral,
            referral_url=f"https://example.org/refer/{key}"
            if template.referral is not ReferralRoute.SELF
            else None,
            professional_notes=template.professional_notes,
            application_process=template.application,
            eligibility=template.eligibility.format(**words),
            checked_days_ago=rng.randint(1, MAX_CHECKED_DAYS_AGO),
            visible_from=visible_from,
            visible_to=visible_to,
            is_sample=True,
        )

    def _organisation(self, name: str, rng: random.Random) -> OrganisationRecord:
        key = f"sample-org-{_slug(name)}"
        if key not in self.organisations:
            self.organisations[key] = OrganisationRecord(
                key=key,
                name=name + SAMPLE,
                description="Invented for the demonstration directory: not a real organisation.",
                website=f"https://example.org/{_slug(name)}" if rng.random() < 0.5 else None,
            )
        return self.organisations[key]

    def _unique_name(self, name: str, place: _Place, key: str) -> str:
        if name in self.names:
            if place.venue:
                name = f"{name}, {place.venue.name.removesuffix(SAMPLE)}"
            else:
                name = f"{name} ({key.rsplit('-', 1)[-1]})"
        self.names.add(name)
        return name + SAMPLE

    def _phones(self, template: SampleTemplate, rng: random.Random) -> tuple[PhoneNumber, ...]:
        if template.reach is not Reach.REMOTE and rng.random() >= 0.6:
            return ()
        number = self.next_phone
        self.next_phone += 1
        return (PhoneNumber(f"01632 {number}", "Sample number (Ofcom drama range)"),)

    def _timing(
        self, template: SampleTemplate, key: str, rng: random.Random
    ) -> tuple[tuple[Opening, ...], tuple[SessionRecord, ...]]:
        if template.timing is Timing.WEEKLY:
            return (self._weekly(template, rng),), ()
        if template.timing is Timing.OPEN:
            return tuple(
                Opening(template.days, opens, closes) for opens, closes in template.slots
            ), ()
        if template.timing is Timing.COURSE:
            return (self._course(template, rng),), ()
        if template.timing is Timing.HOLIDAY:
            return (), self._holiday_sessions(template, key, rng)
        return (), ()

    def _weekly(self, template: SampleTemplate, rng: random.Random) -> Opening:
        count = min(rng.choice((1, 1, 2)), len(template.days))
        days = tuple(sorted(rng.sample(template.days, count), key=WEEKDAYS.index))
        opens, closes = rng.choice(template.slots)
        roll = rng.random()
        if roll < 0.1:
            start = self.today + timedelta(days=14)
            return Opening(days, opens, closes, valid_from=start, note="New group starting soon")
        if roll < 0.2:
            until = self.today + timedelta(weeks=rng.randint(8, 30))
            return Opening(days, opens, closes, valid_to=until, note="Until its funding ends")
        return Opening(days, opens, closes)

    def _course(self, template: SampleTemplate, rng: random.Random) -> Opening:
        day = rng.choice(template.days)
        opens, closes = rng.choice(template.slots)
        first = self.today + timedelta(weeks=rng.randint(1, 6))
        first += timedelta(days=(WEEKDAYS.index(day) - first.weekday()) % 7)
        last = first + timedelta(weeks=template.weeks - 1)
        return Opening((day,), opens, closes, first, last, f"{template.weeks}-week course")

    def _holiday_sessions(
        self, template: SampleTemplate, key: str, rng: random.Random
    ) -> tuple[SessionRecord, ...]:
        holidays = coming_holidays(self.council, self.today)
        chosen = sorted(rng.sample(holidays, min(2, len(holidays))), key=lambda h: h.start)
        opens, closes = rng.choice(template.slots)
        places = rng.choice((16, 20, 24, 30, 40))
        sessions: list[SessionRecord] = []
        for holiday in chosen:
            weeks: dict[int, list[date]] = {}
            for day in session_days(holiday, self.today):
                weeks.setdefault(day.isocalendar().week, []).append(day)
            if not weeks:
                continue
            sessions.extend(
                SessionRecord(
                    starts_at=datetime.combine(day, opens),
                    ends_at=datetime.combine(day, closes),
                    places=places,
                    booking_url=f"https://example.org/book/{key}",
                    description=holiday.name,
                )
                for day in weeks[rng.choice(sorted(weeks))]
            )
        return tuple(sessions)

    def _window(
        self, template: SampleTemplate, sessions: tuple[SessionRecord, ...]
    ) -> tuple[date | None, date | None]:
        """When a seasonal listing shows: its season, or the run-up to its sessions."""
        if sessions:
            first, last = sessions[0].starts_at.date(), sessions[-1].ends_at.date()
            return first - timedelta(weeks=6), last
        if template.season is None:
            return None, None
        (from_month, from_day), (to_month, to_day) = template.season
        year = self.today.year
        if date(year, to_month, to_day) < self.today:
            year += 1
        return date(year, from_month, from_day), date(year, to_month, to_day)


def _costs(template: SampleTemplate, pricing: Pricing) -> tuple[Cost, ...]:
    price = template.price
    if pricing is Pricing.FREE:
        return (Cost("Free", Decimal(0)),)
    if pricing is Pricing.PAID:
        return (Cost("Each session", price, f"£{price} a session"),)
    if pricing is Pricing.FREE_WITH_FSM:
        return (
            Cost("Children on benefits-related free school meals", Decimal(0), "Free"),
            Cost("Other children", price, f"£{price} a session"),
        )
    if pricing is Pricing.FUNDED_HOURS:
        return (
            Cost("Funded early education hours", Decimal(0), "Free for eligible children"),
            Cost("Extra hours", price, f"£{price} an hour"),
        )
    return (
        Cost(template.free_option, Decimal(0), "Free"),
        Cost(template.paid_option, price, f"£{price}"),
    )


def _contacts(template: SampleTemplate, key: str) -> tuple[ContactRecord, ...]:
    """Practitioner-only listings name a referrals contact; public ones use their phone."""
    if template.audience is not Audience.PRACTITIONERS:
        return ()
    email = f"referrals-{key.removeprefix('sample-')}@example.org"
    return (ContactRecord(title="Referrals coordinator", email=email),)


def _area(template: SampleTemplate, place: _Place) -> Area:
    if place.locality is not None:
        return Area(ServiceAreaScope.LOCALITY, place.locality.code, place.locality.name)
    return REMOTE if template.reach is Reach.REMOTE else BOROUGH


def _languages(rng: random.Random) -> tuple[str, ...]:
    if rng.random() >= 0.25:
        return ()
    return ("en", *rng.sample(COMMUNITY_LANGUAGES, rng.randint(1, 2)))
