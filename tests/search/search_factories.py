"""Factories for the search tests: documents, queries and a small Dudley-like directory."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from search import SearchBackend, SearchQuery, SearchResults, ServiceDocument

TODAY = date(2026, 11, 23)
DUDLEY = (394_000.0, 290_000.0)  # easting, northing of Dudley town centre

Build = Callable[[Iterable[ServiceDocument]], SearchBackend]


def make_doc(doc_id: str = "svc-1", name: str = "A service", **fields: Any) -> ServiceDocument:
    """A document with only what the test cares about set."""
    return ServiceDocument(id=doc_id, name=name, **fields)


def query(text: str = "", **fields: Any) -> SearchQuery:
    """A query dated TODAY."""
    return SearchQuery(text=text, today=TODAY, **fields)


def slots(day: str, *hours: int) -> tuple[str, ...]:
    return tuple(f"{day}{hour:02d}" for hour in hours)


def directory() -> list[ServiceDocument]:
    """A small directory covering each kind of listing the tests need."""
    return [
        make_doc(
            "family-centre",
            "Dudley Central Family Centre",
            organisation="Dudley Council",
            description="Stay and play sessions and health visitor clinics for families.",
            kind="family_centre",
            category_codes=("family-centres-and-hubs",),
            category_labels=("Family centres and hubs",),
            need_codes=("early-years",),
            need_labels=("Early years and childcare",),
            localities=("dudley-central",),
            delivery=("in_person",),
            points=((394_000.0, 290_500.0),),
            ages=tuple(range(-1, 6)),
            free=True,
            languages=("en", "ur"),
            open_slots=slots("MO", 9, 10, 11) + slots("TU", 13, 14, 15),
            assured_date="2026-10-01",
        ),
        make_doc(
            "food-bank",
            "Brierley Hill Food Bank",
            description="Emergency food parcels for families, by referral.",
            kind="pantry",
            category_codes=("food-support",),
            need_codes=("food",),
            need_labels=("Food",),
            localities=("brierley-hill",),
            delivery=("in_person",),
            points=((391_500.0, 287_000.0),),
            ages=tuple(range(0, 26)),
            free=True,
            languages=("en",),
            open_slots=slots("WE", 10, 11),
            assured_date="2026-09-01",
        ),
        make_doc(
            "larder-phone",
            "Community larder by phone",
            description="Order a weekly bag of food by phone, delivered to your door.",
            kind="pantry",
            category_codes=("food-support",),
            need_codes=("food",),
            borough_wide=True,
            delivery=("phone",),
            ages=tuple(range(0, 26)),
            languages=("en", "pl"),
            open_slots=slots("TH", 9, 10),
        ),
        make_doc(
            "holiday-club",
            "Summer fun at Priory Park",
            description="A holiday activity and food programme with a free lunch every day.",
            kind="holiday_activity",
            category_codes=("holiday-activities",),
            need_codes=("activities",),
            localities=("dudley-north",),
            delivery=("in_person",),
            points=((396_000.0, 293_000.0),),
            ages=tuple(range(5, 17)),
            free=True,
            languages=("en",),
            session_dates=("2026-07-27", "2026-08-01"),
        ),
        make_doc(
            "send-forum",
            "Parent forum drop-in",
            description="Advice about EHCP applications and special educational needs.",
            kind="community_group",
            category_codes=("courses-and-groups",),
            need_codes=("send",),
            localities=("stourbridge",),
            delivery=("in_person", "online"),
            points=((389_000.0, 284_000.0),),
            ages=tuple(range(0, 26)),
            languages=("en", "pa"),
            open_slots=slots("SA", 10, 11),
        ),
        make_doc(
            "calm-families",
            "Calm Families",
            description="Help with behaviour at home, including toddler tantrums and sleep.",
            kind="community_group",
            need_codes=("parenting",),
            localities=("dudley-central",),
            delivery=("in_person",),
            points=((394_100.0, 290_100.0),),
            ages=tuple(range(2, 12)),
            languages=("en",),
        ),
        make_doc(
            "talking-line",
            "Teen talking therapy line",
            description="Free counselling over the phone for teenagers.",
            kind="advice",
            need_codes=("mental-health",),
            localities=("halesowen",),
            delivery=("phone",),
            ages=tuple(range(11, 19)),
            free=True,
            languages=("en",),
        ),
        make_doc(
            "bump-to-baby",
            "Bump to baby class",
            description="Antenatal class for parents expecting a baby.",
            kind="health",
            need_codes=("health",),
            localities=("dudley-central",),
            delivery=("in_person",),
            points=((394_050.0, 290_050.0),),
            ages=(-1,),
            free=True,
            languages=("en",),
            open_slots=slots("FR", 14, 15),
        ),
    ]


def ids(results: SearchResults) -> list[str]:
    return [hit.id for hit in results.hits]
