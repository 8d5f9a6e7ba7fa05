"""The listing form: the import template's columns for one service, as GOV.UK fields.

Each field is named after its template column, so the form becomes template rows that the
import reader checks (``directory.listings.editing``), and a problem it reports ("Row 3,
column postcode") lands on the field it is about. Phones, costs and opening times are rows
with "add another" (``directory.forms.item_rows``); other cells holding several items show
one item a line.

The form may show only some of its fields (a section of it, or a quick edit:
``directory.forms.sections``): :meth:`ListingForm.keep_only` drops the others, and its rows
then hold only the cells it shows, so a save never writes the others.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from flask_babel import lazy_gettext, lazy_ngettext
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from directory.council import Council
from directory.forms import BaseForm
from directory.forms.accounts import ConfirmForm
from directory.forms.item_rows import (
    CostRow,
    PhoneRow,
    TimeRow,
    apply_row_action,
    as_cell,
    fill_rows,
    item_rows,
)
from directory.links import safe_link
from directory.models import Audience, DeliveryMethod, ReferralRoute, ServiceKind, ServiceStatus

MULTI_LINE = (
    "contacts",
    "languages",
    "areas",
    "sessions",
    "accessibility",
)
"""Columns of several items ("a; b"), shown and typed one item a line."""
ITEM_ROWS = ("phone", "cost", "opening_times")
"""Columns of several items shown as rows with "add another"."""
CHOICES = ("needs", "categories", "levels", "circumstances", "delivery")
"""Columns of several codes, chosen with checkboxes."""
LINKS = ("website", "referral_url", "organisation_website")
REVIEW_INTERVALS = (3, 6, 12, 24)
"""The review intervals offered, in months (an import may have set another, kept as is)."""
COUNCIL_DEFAULT = "default"
"""The choice of no interval of the listing's own (a blank cell in the template)."""
SPARE_VENUES = 1

KIND_NAMES = {
    ServiceKind.FAMILY_CENTRE: lazy_gettext("Family centre"),
    ServiceKind.FAMILY_HUB: lazy_gettext("Family hub"),
    ServiceKind.FIS_ENTRY: lazy_gettext("Family Information Service entry"),
    ServiceKind.HOLIDAY_ACTIVITY: lazy_gettext("Holiday activity"),
    ServiceKind.PANTRY: lazy_gettext("Pantry or food bank"),
    ServiceKind.COMMUNITY_GROUP: lazy_gettext("Community group"),
    ServiceKind.CLUSTER_CONNECT: lazy_gettext("Cluster Connect"),
    ServiceKind.PARENTING_PROGRAMME: lazy_gettext("Parenting programme"),
    ServiceKind.SUPPORT_SERVICE: lazy_gettext("Support service"),
    ServiceKind.HELPLINE: lazy_gettext("Helpline"),
    ServiceKind.ONLINE_RESOURCE: lazy_gettext("Online resource"),
    ServiceKind.CHILDCARE: lazy_gettext("Childcare"),
    ServiceKind.ACTIVITY: lazy_gettext("Activity"),
}
STATUS_NAMES = {
    ServiceStatus.ACTIVE: lazy_gettext("Published: families can find it"),
    ServiceStatus.TEMPORARILY_CLOSED: lazy_gettext("Closed for now"),
    ServiceStatus.INACTIVE: lazy_gettext("Not published, or withdrawn"),
    ServiceStatus.DEFUNCT: lazy_gettext("Closed for good"),
}
DELIVERY_NAMES = {
    DeliveryMethod.IN_PERSON: lazy_gettext("In person"),
    DeliveryMethod.PHONE: lazy_gettext("By phone"),
    DeliveryMethod.ONLINE: lazy_gettext("Online"),
    DeliveryMethod.OUTREACH: lazy_gettext("Outreach (they come to you)"),
}


def _choices(names: Mapping[Any, Any]) -> list[SelectChoice]:
    return [SelectChoice(str(value), label) for value, label in names.items()]


def _safe_link(form: Form, field: StringField) -> None:
    if field.data and not safe_link(field.data) and "://" in field.data:
        raise ValidationError(
            lazy_gettext("Enter a web address starting with https://, like https://example.org")
        )
    if field.data and field.data.split(":", 1)[0].strip().lower() in {
        "javascript",
        "data",
        "vbscript",
        "file",
    }:
        raise ValidationError(
            lazy_gettext("Enter a web address starting with https://, like https://example.org")
        )


def _text(label: str, hint: str | None = None, max_length: int | None = None) -> StringField:
    validators: list[Any] = [Optional()]
    if max_length:
        validators.append(
            Length(
                max=max_length,
                message=lazy_gettext(
                    "%(field)s must be %(number)s characters or fewer",
                    field=label,
                    number=max_length,
                ),
            )
        )
    return StringField(label, description=hint, widget=GovTextInput(), validators=validators)


def _lines(label: str, hint: str) -> TextAreaField:
    return TextAreaField(label, description=hint, widget=GovTextArea())


class VenueForm(Form):
    """One venue of the listing, with the opening times and sessions held there."""

    venue_id = HiddenField()
    venue_name = _text(lazy_gettext("Venue name"), max_length=255)
    address_1 = _text(lazy_gettext("Address line 1"), max_length=255)
    address_2 = _text(lazy_gettext("Address line 2 (optional)"), max_length=255)
    city = _text(lazy_gettext("Town or city"), max_length=255)
    postcode = _text(
        lazy_gettext("Postcode"),
        lazy_gettext("The venue is placed on the map from its postcode, looked up here"),
    )
    venue_description = _lines(lazy_gettext("About the venue (optional)"), "")
    accessibility = _lines(
        lazy_gettext("Access (optional)"), lazy_gettext("One a line, like: Step-free access")
    )
    masked_address = BooleanField(
        lazy_gettext("Keep the address private (a refuge): families never see it"),
        widget=GovCheckboxInput(),
    )
    opening_times = item_rows(TimeRow, lazy_gettext("Opening times here (optional)"))
    sessions = _lines(
        lazy_gettext("Dated sessions here (optional)"),
        lazy_gettext("One a line, like: 2026-12-22 10:00-14:00 | places 30 | book https://..."),
    )
    remove = BooleanField(
        lazy_gettext("Take this venue off the listing"), widget=GovCheckboxInput()
    )

    def is_blank(self) -> bool:
        """A venue row with nothing in it (an unused spare). A stored venue shown without
        its name (a quick edit of its times) is never blank: it is taken off only by
        ticking "remove"."""
        if self.venue_id.data and "venue_name" not in self._fields:
            return False
        return not any(
            _as_cell(name, self[name])
            for name in ("venue_name", "address_1", "postcode", "opening_times", "sessions")
            if name in self._fields
        )


class ListingActionForm(ConfirmForm):
    """A button that changes a listing (publish, withdraw, mark as checked), carrying the
    version of the listing it was shown with, as the edit form does."""

    version = HiddenField()


class ListingForm(BaseForm):
    venue_fields: tuple[str, ...] = ()
    """The venue fields shown (all when empty): see :meth:`keep_only`."""
    spare_venues = SPARE_VENUES
    """Blank venues offered to fill in (none where a venue's name is not shown)."""
    unsent: frozenset[str] = frozenset()
    """Fields the form shows that the request did not send at all: never written."""
    version = HiddenField()
    """The version of every row the form writes (``directory.listings.versions``)."""
    name = StringField(
        lazy_gettext("Name of the service"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter the name of the service")),
            Length(max=255, message=lazy_gettext("Name must be 255 characters or fewer")),
        ],
    )
    organisation_name = StringField(
        lazy_gettext("Organisation that runs it"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=lazy_gettext("Enter the name of the organisation that runs it"))
        ],
    )
    organisation_website = _text(lazy_gettext("Organisation’s website (optional)"))
    organisation_email = _text(lazy_gettext("Organisation’s email address (optional)"))
    kind = SelectField(
        lazy_gettext("Kind of service"), choices=_choices(KIND_NAMES), widget=GovSelect()
    )
    status = RadioField(
        lazy_gettext("Status"), choices=_choices(STATUS_NAMES), widget=GovRadioInput()
    )
    summary = _text(
        lazy_gettext("Summary (optional)"),
        lazy_gettext("One sentence, shown in search results"),
        max_length=300,
    )
    description = _lines(lazy_gettext("What it is (optional)"), lazy_gettext("In plain words"))
    audience = RadioField(
        lazy_gettext("Who can see it"),
        choices=[
            SelectChoice(Audience.PUBLIC.value, lazy_gettext("Everyone")),
            SelectChoice(Audience.PRACTITIONERS.value, lazy_gettext("Practitioners only")),
        ],
        widget=GovRadioInput(),
    )
    referral_route = RadioField(
        lazy_gettext("How families get help"),
        choices=[
            SelectChoice(ReferralRoute.SELF.value, lazy_gettext("They contact the service")),
            SelectChoice(
                ReferralRoute.PROFESSIONAL.value, lazy_gettext("A professional refers them")
            ),
            SelectChoice(ReferralRoute.BOTH.value, lazy_gettext("Either")),
        ],
        widget=GovRadioInput(),
    )
    referral_url = _text(lazy_gettext("Referral form address (optional)"))
    application_process = _lines(lazy_gettext("How to get help (optional)"), "")
    eligibility = _lines(lazy_gettext("Who can use it (optional)"), "")
    fees = _lines(lazy_gettext("Fees in words (optional)"), "")
    professional_notes = _lines(
        lazy_gettext("Notes for practitioners (optional)"),
        lazy_gettext("Only practitioners see these, never families"),
    )
    referral_criteria = _lines(
        lazy_gettext("Criteria and thresholds for a referral (optional)"),
        lazy_gettext("Only practitioners see these, never families"),
    )
    professional_contact = _text(
        lazy_gettext("Contact line for professionals (optional)"),
        lazy_gettext("A direct line or duty desk. Only practitioners see it, never families"),
        max_length=255,
    )
    minimum_age = _text(
        lazy_gettext("Youngest age (optional)"),
        lazy_gettext("In years; -1 for pregnancy"),
    )
    maximum_age = _text(lazy_gettext("Oldest age (optional)"), lazy_gettext("In years, up to 25"))
    needs = SelectMultipleField(lazy_gettext("Needs it helps with"), widget=GovCheckboxesInput())
    categories = SelectMultipleField(lazy_gettext("Categories"), widget=GovCheckboxesInput())
    levels = SelectMultipleField(lazy_gettext("Levels of need"), widget=GovCheckboxesInput())
    circumstances = SelectMultipleField(lazy_gettext("Circumstances"), widget=GovCheckboxesInput())
    delivery = SelectMultipleField(
        lazy_gettext("How it is delivered"),
        choices=_choices(DELIVERY_NAMES),
        widget=GovCheckboxesInput(),
    )
    areas = _lines(lazy_gettext("Areas it covers (optional)"), "")
    languages = _lines(
        lazy_gettext("Languages spoken (optional)"),
        lazy_gettext("One a line, by name or code, like: Urdu"),
    )
    website = _text(lazy_gettext("Website (optional)"), lazy_gettext("Like https://example.org"))
    email = _text(lazy_gettext("Email address (optional)"))
    phone = item_rows(PhoneRow, lazy_gettext("Phone numbers (optional)"))
    contacts = _lines(
        lazy_gettext("Named contacts (optional)"),
        lazy_gettext("One a line: job title | name | email | phone"),
    )
    cost = item_rows(CostRow, lazy_gettext("Cost (optional)"))
    opening_times = item_rows(
        TimeRow,
        lazy_gettext("Opening times not at a venue (optional)"),
        lazy_gettext("For a helpline, say"),
    )
    sessions = _lines(
        lazy_gettext("Dated sessions not at a venue (optional)"),
        lazy_gettext("One a line, like: 2026-12-22 10:00-14:00 | places 30"),
    )
    assured_date = _text(
        lazy_gettext("Last checked (optional)"), lazy_gettext("For example, 23/11/2026")
    )
    review_interval_months = RadioField(
        lazy_gettext("How often to check it"),
        description=lazy_gettext(
            "When it is overdue, families are told it may be out of date and it ranks lower "
            "in search"
        ),
        widget=GovRadioInput(),
        # The write path checks the number (1 to 60), as it does for an import.
        validate_choice=False,
    )
    visible_from = _text(
        lazy_gettext("Show from (optional)"), lazy_gettext("For seasonal listings, like 01/07/2026")
    )
    visible_to = _text(
        lazy_gettext("Show until (optional)"), lazy_gettext("For example, 31/08/2026")
    )
    is_sample = BooleanField(
        lazy_gettext("This is a made-up sample listing"), widget=GovCheckboxInput()
    )
    venues = FieldList(FormField(VenueForm), min_entries=1)

    validate_website = _safe_link
    validate_referral_url = _safe_link
    validate_organisation_website = _safe_link

    def set_council(self, council: Council) -> None:
        for name, scheme in (
            ("needs", "need"),
            ("categories", "category"),
            ("levels", "level"),
            ("circumstances", "circumstance"),
        ):
            self[name].choices = [SelectChoice(t.code, t.label) for t in council.terms(scheme)]
        default = council.staff.review_interval_months
        self.review_interval_months.choices = [
            SelectChoice(
                COUNCIL_DEFAULT,
                lazy_ngettext(
                    "The council’s default (every month)",
                    "The council’s default (every %(num)s months)",
                    default,
                ),
            ),
            *(_every(months) for months in REVIEW_INTERVALS),
        ]
        self._offer_interval(self.review_interval_months.data)
        codes = ", ".join(locality.code for locality in council.localities)
        self.areas.description = lazy_gettext(
            "One a line: borough, remote, or an area (%(codes)s), then | and a description",
            codes=codes,
        )

    def keep_only(self, own: Collection[str], venue: Collection[str] = ()) -> None:
        """Show only the listing's fields ``own`` and, when ``own`` has "venues", the
        venue fields ``venue`` (all of them when empty): a section or a quick edit."""
        for name in list(self._fields):
            if name not in {"csrf_token", "version", *own}:
                del self[name]
        self.venue_fields = tuple(venue)
        self.spare_venues = SPARE_VENUES if not venue or "venue_name" in venue else 0
        if "venues" in self._fields:
            self._keep_venue_fields()

    def note_unsent(self, sent: Collection[str]) -> None:
        """Note the text fields and lists of rows that ``sent`` (the request's field names)
        lacks altogether. A page always sends them, even empty; a request without one (a
        tampered or cut-short one) leaves that field as it is stored rather than blank.
        Checkboxes and radios cannot tell: an unticked one is not sent either."""
        self.unsent = frozenset(
            name
            for name, field in self._fields.items()
            if isinstance(field, (StringField, FieldList))
            and name not in sent
            and not any(key.startswith(f"{name}-") for key in sent)
        )

    def _keep_venue_fields(self) -> None:
        if not self.venue_fields:
            return
        for entry in self.venues.entries:
            for name in list(entry.form._fields):
                if name not in {"venue_id", *self.venue_fields}:
                    del entry.form[name]

    def say_who_shares(self, organisation: int, venues: Mapping[str, int]) -> None:
        """Say, before saving, how many listings a change to the organisation or a venue
        changes: ``organisation`` listings share the organisation, ``venues[key]`` the venue."""
        if organisation > 1 and "organisation_name" in self._fields:
            self.organisation_name.description = lazy_ngettext(
                "This organisation runs %(num)s listing: a change here changes all of them",
                "This organisation runs %(num)s listings: a change here changes all of them",
                organisation,
            )
        for entry in self._venue_entries():
            count = venues.get(entry.form.venue_id.data or "", 0)
            if count > 1 and "venue_name" in entry.form._fields:
                entry.form.venue_name.description = lazy_ngettext(
                    "%(num)s listing is held at this venue: a change here changes all of them",
                    "%(num)s listings are held at this venue: a change here changes all of them",
                    count,
                )

    @classmethod
    def shown_rows(
        cls,
        rows: list[dict[str, str]],
        council: Council,
        key: str,
        organisation_key: str,
        only: tuple[Collection[str], Collection[str]] | None = None,
    ) -> list[dict[str, str]]:
        """The form's rows for stored ``rows`` as the form shows them, unchanged: what a
        save compares the returned form with (``directory.listings.form_changes``).
        ``only`` is the (own, venue) fields of a section or quick edit."""
        shown = cls(formdata=None, meta={"csrf": False})
        shown.set_council(council)
        if only is not None:
            shown.keep_only(*only)
        shown.fill(rows)
        return shown.rows(key, organisation_key, venue_keys(rows))

    def _offer_interval(self, value: str | None) -> None:
        """Offer an interval the listing has that is not among the usual ones."""
        field = self.review_interval_months
        offered = {choice.value for choice in field.choices}
        if value and value not in offered and value.isdigit():
            field.choices = [*field.choices, _every(int(value))]

    def _venue_entries(self) -> list[Any]:
        return list(self.venues.entries) if "venues" in self._fields else []

    # "Add another" rows.

    def row_lists(self) -> list[FieldList]:
        """Every list of "add another" rows on the form, the venues' own included."""
        lists = [field for name in ITEM_ROWS if (field := self._fields.get(name)) is not None]
        for entry in self._venue_entries():
            if "opening_times" in entry.form._fields:
                lists.append(entry.form.opening_times)
        return lists

    def apply_row_action(self, action: str) -> bool:
        """Add or remove an "add another" row as a button asked (without JavaScript)."""
        return apply_row_action(self.row_lists(), action)

    # Rows of the import template <-> the form.

    def fill(self, rows: list[dict[str, str]]) -> None:
        """Show stored rows: the listing's own row first, then one row per venue."""
        first = rows[0] if rows else {}
        own = [row for row in rows if not row.get("venue_id")]
        at_no_venue = own[0] if own else {}
        for name, field in self._fields.items():
            if name in {"csrf_token", "version", "venues"}:
                continue
            # Times and sessions held at no venue are in the listing's own row only.
            source = at_no_venue if name in {"opening_times", "sessions"} else first
            value = source.get(name, "")
            if name in CHOICES:
                field.data = [item.strip() for item in value.split(";") if item.strip()]
            elif name in ITEM_ROWS:
                fill_rows(field, value)
            elif isinstance(field, BooleanField):
                field.data = value == "yes"
            elif name == "review_interval_months":
                field.data = value or COUNCIL_DEFAULT
                self._offer_interval(field.data)
            else:
                field.data = _as_lines(name, value)
        if "venues" not in self._fields:
            return
        venue_rows = [row for row in rows if row.get("venue_id")]
        while len(self.venues.entries):
            self.venues.pop_entry()
        for row in [*venue_rows, *({} for _ in range(self.spare_venues))]:
            entry = self.venues.append_entry()
            for name in entry.form._fields:
                if name == "remove":
                    continue
                value = row.get(name, "")
                field = entry.form[name]
                if name in ITEM_ROWS:
                    fill_rows(field, value)
                elif isinstance(field, BooleanField):
                    field.data = value == "yes"
                else:
                    field.data = _as_lines(name, value)
        self._keep_venue_fields()

    def rows(
        self, key: str, organisation_key: str, venue_keys: Collection[str] = ()
    ) -> list[dict[str, str]]:
        """The form as template rows for the listing ``key``. Without its venues, the form
        names the stored venues ``venue_keys`` only, so that they stay as they are."""
        own: dict[str, str] = {"service_id": key, "organisation_id": organisation_key}
        for name, field in self._fields.items():
            if name in {"csrf_token", "version", "venues", *self.unsent}:
                continue
            own[name] = _as_cell(name, field)
        rows = [own]
        if "venues" not in self._fields or "venues" in self.unsent:
            return [*rows, *({"service_id": key, "venue_id": venue} for venue in venue_keys)]
        for entry in self.venues.entries:
            venue: VenueForm = entry.form
            if ("remove" in venue._fields and venue.remove.data) or venue.is_blank():
                continue
            row = {"service_id": key}
            for name, field in venue._fields.items():
                if name != "remove":
                    row[name] = _as_cell(name, field)
            rows.append(row)
        return rows

    def add_error(self, field: Any, message: str) -> None:
        """An error found after validation (by the reader or the write path)."""
        field.errors = [*field.errors, message]
        lists = self.row_lists()
        if "venues" in self._fields:
            lists.append(self.venues)
        for rows in lists:
            for entry in rows.entries:
                entry.form._errors = None
            rows.errors = [entry.errors for entry in rows.entries]
            if not any(rows.errors):
                rows.errors = []
        self._errors = None

    def first_field(self) -> Any:
        """The first field the form shows: where a problem about no one field is put."""
        shown = (f for name, f in self._fields.items() if name not in {"csrf_token", "version"})
        return _first_input(next(shown))

    def field_for(self, row: int, column: str) -> Any | None:
        """The field a problem at ``row`` (the form's n-th row) and ``column`` is about."""
        if row == 0:
            return _first_input(self._fields.get(column))
        venues = [
            e
            for e in self._venue_entries()
            if not ("remove" in e.form._fields and e.form.remove.data) and not e.form.is_blank()
        ]
        if row - 1 < len(venues):
            return _first_input(venues[row - 1].form._fields.get(column))
        return None


def _first_input(field: Any | None) -> Any | None:
    """A problem with a list of rows is put on its first row's first input."""
    if isinstance(field, FieldList) and field.entries:
        entry = field.entries[0].form
        return entry[entry.PARTS[0]]
    return field


def venue_keys(rows: list[dict[str, str]]) -> list[str]:
    """The keys of the stored venues in a listing's rows."""
    return [row["venue_id"] for row in rows if row.get("venue_id")]


def _every(months: int) -> SelectChoice:
    return SelectChoice(str(months), lazy_ngettext("Every month", "Every %(num)s months", months))


def _as_lines(name: str, value: str) -> str:
    if name in MULTI_LINE:
        return "\n".join(item.strip() for item in value.split(";") if item.strip())
    return value


def _as_cell(name: str, field: Any) -> str:
    if name in ITEM_ROWS:
        return as_cell(field)
    if name in CHOICES:
        # In the order of the checkboxes, whatever order the stored codes came in.
        chosen = set(field.data or [])
        return "; ".join(choice.value for choice in field.choices or () if choice.value in chosen)
    if isinstance(field, BooleanField):
        return "yes" if field.data else "no"
    if name == "review_interval_months" and field.data == COUNCIL_DEFAULT:
        return ""
    value = (field.data or "").strip() if isinstance(field.data, str) else str(field.data or "")
    if name in MULTI_LINE:
        return "; ".join(line.strip() for line in value.splitlines() if line.strip())
    return value


class StillRunningForm(ListingActionForm):
    """ "Still running?": the review of a listing in one question."""

    answer = RadioField(
        lazy_gettext("Is it still running?"),
        choices=[
            SelectChoice("yes", lazy_gettext("Yes, it is still running as listed")),
            SelectChoice(
                ServiceStatus.TEMPORARILY_CLOSED.value, lazy_gettext("No, it is closed for now")
            ),
            SelectChoice(ServiceStatus.DEFUNCT.value, lazy_gettext("No, it has closed for good")),
        ],
        widget=GovRadioInput(),
        validators=[DataRequired(message=lazy_gettext("Select whether it is still running"))],
    )
