"""The import template: one row per service, or per service at each of its venues.

Rows with the same ``service_id`` are one service: its columns are read from the first row
(later rows may leave them blank), and each row adds a venue with the opening times and
sessions held there. A row with no venue holds the service's own times and sessions.

Multi-valued cells separate items with ``;`` and an item's parts with ``|``, for example
``Mon-Fri 09:00-17:00 | until 2026-07-22 | term time`` or ``Each session | 3.50 | £3.50``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    example: str = ""
    required: bool = False


COLUMNS = (
    Column("service_id", "Your own id for the service; the same id updates it", "fis-0042", True),
    Column("name", "The service's name", "Netherton Toy Library", True),
    Column("organisation_id", "Your id for the organisation (else made from its name)"),
    Column("organisation_name", "Who runs it", "Netherton Parents Group", True),
    Column("organisation_description", "About the organisation"),
    Column("organisation_website", "The organisation's website", "https://example.org"),
    Column("organisation_email", "The organisation's email address"),
    Column(
        "kind",
        "family_centre, family_hub, fis_entry, holiday_activity, pantry, "
        "community_group, cluster_connect, parenting_programme, support_service, helpline, "
        "online_resource, childcare or activity (default support_service)",
        "community_group",
    ),
    Column("status", "active, inactive, defunct or temporarily closed (default active)"),
    Column("summary", "One sentence shown in search results", "Borrow toys for free."),
    Column("description", "What it is, in plain words"),
    Column("website", "http(s) address", "https://example.org/toys"),
    Column("email", "Email address"),
    Column("phone", "Phone numbers: number | what it is for; ...", "01384 813322 | Bookings"),
    Column("contacts", "Named contacts: title | name | email | phone; ..."),
    Column("audience", "public or practitioners (default public)"),
    Column("referral_route", "self, professional or both (default self)"),
    Column("referral_url", "Referral form address"),
    Column("application_process", "How to get help"),
    Column("eligibility", "Who can use it"),
    Column("fees", "Fees in words"),
    Column("professional_notes", "Shown to practitioners only"),
    Column("referral_criteria", "Criteria and thresholds for a referral (practitioners only)"),
    Column("professional_contact", "Contact line for professionals (practitioners only)"),
    Column("minimum_age", "Youngest age in years (-1 for pregnancy)", "0"),
    Column("maximum_age", "Oldest age in years (up to 25)", "5"),
    Column("needs", "Needs from the council file, by code or label; ...", "activities"),
    Column("categories", "Categories from the council file; ...", "clubs-and-activities"),
    Column("levels", "Levels of need from the council file; ...", "universal"),
    Column("circumstances", "Circumstances from the council file; ..."),
    Column("languages", "Languages spoken, by code or English name; ...", "en; ur"),
    Column("delivery", "in_person, phone, online, outreach; ... (default in_person)"),
    Column(
        "areas", "borough, remote or a locality code, then | description; ...", "dudley-central"
    ),
    Column("cost", "option | amount in pounds | description; ...", "Free | 0"),
    Column(
        "opening_times", "days HH:MM-HH:MM | from date | until date | note; ...", "Tue 09:30-11:30"
    ),
    Column("sessions", "date HH:MM-HH:MM | places N | book URL | description; ..."),
    Column("assured_date", "When someone last checked it (YYYY-MM-DD or DD/MM/YYYY)"),
    Column(
        "review_interval_months",
        "How often it should be checked, in months, 1 to 60 (blank: the council's default)",
    ),
    Column("visible_from", "Show from this date (seasonal listings)"),
    Column("visible_to", "Show until this date"),
    Column("is_sample", "yes for made-up demonstration listings"),
    Column("venue_id", "Your id for the venue (else made from its name and postcode)"),
    Column("venue_name", "Where it happens", "Netherton Community Hall"),
    Column("venue_description", "About the venue"),
    Column("address_1", "First line of the address", "Halesowen Road"),
    Column("address_2", "Second line of the address"),
    Column("city", "Town", "Dudley"),
    Column("postcode", "A real postcode; the venue is placed from it", "DY2 0AA"),
    Column("accessibility", "Access notes; ...", "Step-free access"),
    Column("masked_address", "yes for a refuge: the address is never shown"),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)
PRACTITIONER_COLUMNS = frozenset(
    {"professional_notes", "referral_criteria", "professional_contact"}
)
"""Columns only practitioners may read: a public export leaves them empty."""
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
VENUE_COLUMNS = (
    "venue_id",
    "venue_name",
    "venue_description",
    "address_1",
    "address_2",
    "city",
    "postcode",
    "accessibility",
    "masked_address",
)
ROW_COLUMNS = (*VENUE_COLUMNS, "opening_times", "sessions")
"""Columns that belong to a row (a service at a venue), not to the whole service."""


def header_key(text: str) -> str:
    """Headers match however they are written: "Post Code", "post_code", " POSTCODE "."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


_BY_KEY = {header_key(name): name for name in COLUMN_NAMES}


def template_column(header: str, mapping: dict[str, str]) -> str | None:
    """Which template column a header is: by the source's mapping, else by its own name."""
    mapped = {header_key(theirs): ours for theirs, ours in mapping.items()}
    return mapped.get(header_key(header)) or _BY_KEY.get(header_key(header))
