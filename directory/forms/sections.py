"""The listing form in parts: its sections (one page each, summed up on "check your
answers") and the quick edits offered from a listing's page.

Each part names the listing's fields it shows and, if it shows venues, which of their
fields. A part's form holds only those fields (``ListingForm.keep_only``), so saving it
writes nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext


@dataclass(frozen=True)
class Part:
    slug: str
    title: Any
    fields: tuple[str, ...]
    venue_fields: tuple[str, ...] = ()
    """The venue fields shown when ``fields`` has "venues" (all of them when empty)."""
    saved: Any = None
    """The banner after a save that changed something."""

    @property
    def only(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.fields, self.venue_fields


SECTIONS = (
    Part(
        "about",
        lazy_gettext("About the service"),
        (
            "name",
            "organisation_name",
            "organisation_website",
            "organisation_email",
            "kind",
            "status",
            "summary",
            "description",
            "is_sample",
        ),
    ),
    Part(
        "who",
        lazy_gettext("Who it is for"),
        ("audience", "minimum_age", "maximum_age", "eligibility", "languages", "areas"),
    ),
    Part(
        "needs",
        lazy_gettext("Needs and categories"),
        ("needs", "categories", "levels", "circumstances", "delivery"),
    ),
    Part(
        "contact",
        lazy_gettext("Contact and how to get help"),
        (
            "phone",
            "website",
            "email",
            "contacts",
            "referral_route",
            "referral_url",
            "application_process",
        ),
    ),
    Part("costs", lazy_gettext("Costs"), ("cost", "fees")),
    Part(
        "where-and-when",
        lazy_gettext("Where and when"),
        ("opening_times", "sessions", "venues"),
    ),
    Part(
        "practitioners",
        lazy_gettext("For practitioners"),
        ("professional_notes", "referral_criteria", "professional_contact"),
    ),
    Part(
        "checks",
        lazy_gettext("Checks and season"),
        ("assured_date", "review_interval_months", "visible_from", "visible_to"),
    ),
)
SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}

QUICK_EDITS = (
    Part(
        "contact-details",
        lazy_gettext("Change contact details"),
        ("phone", "email", "website"),
        saved=lazy_gettext("Contact details updated"),
    ),
    Part(
        "opening-times",
        lazy_gettext("Change opening times"),
        ("opening_times", "venues"),
        ("opening_times",),
        saved=lazy_gettext("Opening times updated"),
    ),
)
QUICK_EDIT_BY_SLUG = {part.slug: part for part in QUICK_EDITS}
