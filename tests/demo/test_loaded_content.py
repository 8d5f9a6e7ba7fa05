"""What a demo load puts in the database: checked on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import time, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import selectinload

from directory.demo.loader import DemoReport, demo_loaded
from directory.extensions import db
from directory.models import (
    Audience,
    CostOption,
    DatedSession,
    DeliveryMethod,
    Language,
    Location,
    ReferralRoute,
    Schedule,
    Service,
    ServiceArea,
    ServiceAreaScope,
    ServiceAtLocation,
    ServiceKind,
    ServiceStatus,
    TaxonomyTerm,
)
from tests.demo import LOAD_DAY

FAMILY_CENTRES = {
    "dudley-fc-stourbridge": (
        "Stourbridge Family Centre",
        "Forge Road",
        "Stourbridge",
        "DY8 1XF",
        "01384 818780",
    ),
    "dudley-fc-halesowen": (
        "Halesowen Family Centre",
        "Lye By-Pass",
        "Stourbridge",
        "DY9 8HT",
        "01384 813954",
    ),
    "dudley-fc-brierley-hill": (
        "Brierley Hill Family Centre",
        "18 Parkes Street",
        "Brierley Hill",
        "DY5 3DY",
        "01384 813322",
    ),
    "dudley-fc-dudley-north": (
        "Dudley North Family Centre",
        "Bayer Street",
        "Bilston",
        "WV14 9DS",
        "01384 813096",
    ),
    "dudley-fc-dudley-central": (
        "Dudley Central Family Centre",
        "Selbourne Road",
        "Dudley",
        "DY2 8LJ",
        "01384 812440",
    ),
}


def _services() -> list[Service]:
    return list(
        db.session.scalars(
            sa.select(Service).options(
                selectinload(Service.organization),
                selectinload(Service.taxonomy_terms),
                selectinload(Service.locations).selectinload(ServiceAtLocation.location),
                selectinload(Service.cost_options),
                selectinload(Service.service_areas),
            )
        )
    )


def _codes(service: Service, scheme: str) -> set[str]:
    return {term.code for term in service.terms(scheme)}


def test_loads_at_least_300_services(loaded: DemoReport) -> None:
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Service))
    assert count == loaded.services >= 300
    assert demo_loaded()


def test_the_five_family_centres_have_their_real_addresses_phones_and_hours(
    loaded: DemoReport,
) -> None:
    council = current_app.extensions["council"]
    for locality in council.localities:
        service = db.session.scalars(
            sa.select(Service).where(Service.external_id == locality.family_centre)
        ).one()
        name, street, town, postcode, phone = FAMILY_CENTRES[locality.family_centre]
        assert service.name == name
        assert service.kind is ServiceKind.FAMILY_CENTRE
        assert "family-centres-and-hubs" in _codes(service, "category")
        assert [p.number for p in service.phones] == [phone]
        [pair] = service.locations
        assert (pair.location.address_1, pair.location.city) == (street, town)
        assert pair.location.postal_code == postcode
        assert pair.location.locality == locality.code
        opening = {(s.byday, s.opens_at, s.closes_at) for s in pair.schedules}
        assert opening == {(day, time(9), time(17)) for day in ("MO", "TU", "WE", "TH", "FR")}
        assert not service.is_sample


def test_every_need_category_level_and_circumstance_is_used(loaded: DemoReport) -> None:
    council = current_app.extensions["council"]
    services = _services()
    for scheme in ("need", "category", "level", "circumstance"):
        used = set().union(*(_codes(service, scheme) for service in services))
        assert used == {term.code for term in council.terms(scheme)}, scheme
    stored = db.session.execute(sa.select(TaxonomyTerm.scheme, TaxonomyTerm.code)).all()
    assert {tuple(row) for row in stored} == {(t.scheme, t.code) for t in council.taxonomy}


def test_every_kind_of_service_is_present(loaded: DemoReport) -> None:
    kinds = set(db.session.scalars(sa.select(Service.kind).distinct()))
    assert kinds == set(ServiceKind)


def test_every_locality_has_venues_and_local_services(loaded: DemoReport) -> None:
    codes = {locality.code for locality in current_app.extensions["council"].localities}
    venue_localities = set(db.session.scalars(sa.select(Location.locality).distinct()))
    assert venue_localities == codes
    area_localities = set(
        db.session.scalars(
            sa.select(ServiceArea.locality).where(ServiceArea.scope == ServiceAreaScope.LOCALITY)
        )
    )
    assert area_localities == codes


def test_venues_stand_on_real_dudley_postcodes(loaded: DemoReport) -> None:
    locations = list(db.session.scalars(sa.select(Location)))
    assert len(locations) == loaded.locations >= 120
    districts = {"DY1", "DY2", "DY3", "DY5", "DY6", "DY8", "DY9", "B62", "B63", "WV14"}
    for location in locations:
        assert location.postal_code is not None
        assert location.postal_code.split()[0] in districts
        assert location.locality is not None
        if location.masked_address:
            assert (location.latitude, location.easting) == (None, None)
        else:
            assert 52.40 < location.latitude < 52.58, location.postal_code
            assert -2.22 < location.longitude < -1.98, location.postal_code
    assert any(location.masked_address for location in locations)
    sample_venues = [v for v in locations if v.external_id.startswith("sample-venue-")]
    assert all(venue.accessibility for venue in sample_venues)


def test_age_bands_run_from_pregnancy_to_25_with_send(loaded: DemoReport) -> None:
    services = _services()
    ages = [(s.minimum_age, s.maximum_age) for s in services if s.minimum_age is not None]
    assert any(low == -1 for low, _ in ages)
    for band_low, band_high in ((0, 4), (5, 11), (12, 18)):
        assert any(low <= band_high and band_low <= high for low, high in ages)
    assert any(s.maximum_age == 25 and "send" in _codes(s, "need") for s in services)


def test_some_services_have_no_venue(loaded: DemoReport) -> None:
    no_venue = [service for service in _services() if not service.locations]
    scopes = {area.scope for service in no_venue for area in service.service_areas}
    assert scopes == set(ServiceAreaScope)
    methods = {method for service in no_venue for method in service.delivery_methods}
    assert {DeliveryMethod.PHONE, DeliveryMethod.ONLINE, DeliveryMethod.OUTREACH} <= methods


def test_holiday_sessions_fall_inside_coming_school_holidays(loaded: DemoReport) -> None:
    holidays = current_app.extensions["council"].school_holidays
    sessions = list(
        db.session.scalars(
            sa.select(DatedSession)
            .join(Service, Service.id == DatedSession.service_id)
            .where(Service.kind == ServiceKind.HOLIDAY_ACTIVITY)
        )
    )
    assert len(sessions) == loaded.sessions > 0
    for session in sessions:
        day = session.starts_at.date()
        assert day >= LOAD_DAY
        assert session.ends_at.date() == day
        assert any(h.start <= day <= h.end for h in holidays), day
        assert session.places and session.booking_url
    haf = db.session.scalars(
        sa.select(Service).where(Service.external_id == "dudley-holiday-activities")
    ).one()
    assert "free-school-meals" in _codes(haf, "circumstance")
    assert haf.is_free and haf.sessions


def test_practitioner_only_inactive_and_seasonal_listings_are_present(
    loaded: DemoReport,
) -> None:
    services = _services()
    practitioners = [s for s in services if s.audience is Audience.PRACTITIONERS]
    assert any(
        s.referral_route is ReferralRoute.PROFESSIONAL and s.professional_notes and s.referral_url
        for s in practitioners
    )
    assert {s.status for s in services} >= {
        ServiceStatus.ACTIVE,
        ServiceStatus.INACTIVE,
        ServiceStatus.DEFUNCT,
    }
    seasonal = [s for s in services if s.visible_from or s.visible_to]
    assert seasonal
    assert any(not s.is_visible_to_public(LOAD_DAY) for s in seasonal)


def test_costs_cover_free_paid_and_free_with_free_school_meals(loaded: DemoReport) -> None:
    amounts = {option.amount for option in db.session.scalars(sa.select(CostOption))}
    assert 0 in amounts
    assert any(amount and amount > 0 for amount in amounts)
    assert any(
        "free-school-meals" in _codes(s, "circumstance")
        and {o.amount == 0 for o in s.cost_options} == {True, False}
        for s in _services()
    )


def test_schedules_vary_and_some_run_between_dates(loaded: DemoReport) -> None:
    schedules = list(db.session.scalars(sa.select(Schedule)))
    assert {s.byday for s in schedules} == {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
    assert len({(s.opens_at, s.closes_at) for s in schedules}) > 10
    assert any(s.valid_from for s in schedules) and any(s.valid_to for s in schedules)


def test_several_languages_are_offered(loaded: DemoReport) -> None:
    codes = set(db.session.scalars(sa.select(Language.code).distinct()))
    assert {"ur", "pa", "pl", "bn", "ar"} <= codes


def test_checked_dates_spread_over_the_last_18_months(loaded: DemoReport) -> None:
    dates = [s.assured_date for s in _services()]
    assert all(d is not None and LOAD_DAY - timedelta(days=548) <= d <= LOAD_DAY for d in dates)
    assert max(dates) - min(dates) > timedelta(days=365)  # type: ignore[operator]


def test_samples_are_flagged_and_seed_listings_are_not(loaded: DemoReport) -> None:
    services = _services()
    samples = [s for s in services if s.is_sample]
    assert len(samples) == loaded.samples
    for service in services:
        assert service.is_sample == service.external_id.startswith("sample-"), service.name
        assert service.name.endswith("(sample)") == service.is_sample, service.name
        assert service.organization.name.endswith("(sample)") == service.is_sample
    seeds = {s.external_id for s in services if not s.is_sample}
    assert len(seeds) == 36
    assert all(key.startswith("dudley-") for key in seeds)
