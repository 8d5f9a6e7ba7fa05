"""The family search form: words, a postcode and distance, and a field for every filter.

A GET form read from the page's address. Its filter fields are made from the rows of
``directory.finding.filters.FILTERS`` and read their values through them, so the form,
the engine query, the tags and the headings can never disagree about a filter. Fields
render with the GOV.UK macros (govuk-frontend-wtf widgets). Nothing a family can type
into the address is an error except an impossible page (``PageOutOfRange``, a 404).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from flask import current_app, has_app_context
from flask_babel import LazyString
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovSelect,
    GovTextInput,
)
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import ValidationError

from directory.council import Council
from directory.council_language import english, with_english
from directory.finding.filters import (
    FAMILY_FILTERS,
    FILTERS,
    Age,
    Codes,
    Filter,
    Flag,
    Moment,
    Names,
    is_yes,
)
from directory.finding.practitioner_words import LEVEL, LOCALITY, vocabulary
from directory.finding.request import (
    DEFAULT_RADIUS_MILES,
    RADIUS_MILES,
    SearchRequest,
    arg_values,
    read_page,
    read_radius,
    read_set_aside,
)
from directory.forms import BaseForm
from directory.forms.drawing import keep_drawn
from directory.page_text import gettext, lazy_gettext, ngettext, page_translations
from directory.postcodes.lookup import Place, PostcodeNotFound, find_place
from directory.postcodes.messages import message_for
from directory.postcodes.parsing import PostcodeError
from directory.understanding import page_reader
from search import MAX_TEXT_CHARS
from search.understanding import QueryReader


def _searched_part(value: object) -> object:
    """Only the words that are searched, so the box never shows more than was used."""
    return value[:MAX_TEXT_CHARS] if isinstance(value, str) else value


class FilterCheckboxes(GovCheckboxesInput):
    """Small GOV.UK checkboxes in a fieldset, each with an id made from its value."""

    def map_gov_params(self, field, **kwargs):  # type: ignore[no-untyped-def]
        params = super().map_gov_params(field, **kwargs)
        prefix = f"filter-{field.name}"
        params.update(
            idPrefix=prefix,
            classes="govuk-checkboxes--small",
            hint=None,
            fieldset={"legend": {"text": field.label.text, "classes": "govuk-fieldset__legend--s"}},
        )
        for item in params["items"]:
            item["id"] = f"{prefix}-{item['value']}"
        return params


class FilterCheckbox(GovCheckboxInput):
    """One small GOV.UK checkbox, with the field's description as its hint."""

    def map_gov_params(self, field, **kwargs):  # type: ignore[no-untyped-def]
        params = super().map_gov_params(field, **kwargs)
        item = params["items"][0]
        item["id"] = f"filter-{field.name}"
        if field.description:
            item["hint"] = {"text": field.description}
        params.update(
            idPrefix=item["id"],
            classes="govuk-checkboxes--small",
            hint=None,
            formGroup={"classes": "govuk-!-margin-bottom-2"},
        )
        return params


class FilterSelect(GovSelect):
    def map_gov_params(self, field, **kwargs):  # type: ignore[no-untyped-def]
        params = super().map_gov_params(field, **kwargs)
        params["label"]["classes"] = "govuk-label--s"
        return params


class _TableField:
    """A field whose values are read by its row of the filter table."""

    values: tuple[str, ...] = ()
    """What the address chose, as the filter table keeps it ("food", "2", "yes")."""

    def __init__(self, row: Filter, **kwargs: Any) -> None:
        super().__init__(row.legend, **kwargs)  # type: ignore[call-arg]
        self.row = row

    def process_formdata(self, valuelist: list[str]) -> None:
        self.values = self.row.read([str(v).strip() for v in valuelist], self.meta.council)  # type: ignore[attr-defined]
        self.data = self._data()

    def pre_validate(self, form: BaseForm) -> None:
        """Unknown values were already dropped: nothing in the address is an error."""

    def _data(self) -> Any:
        return self.values[0] if self.values else ""


class CodesField(_TableField, SelectMultipleField):
    """Checkboxes of codes; ``choices`` are set with their counts before rendering."""

    widget = FilterCheckboxes()

    def __init__(self, row: Codes, **kwargs: Any) -> None:
        super().__init__(row, choices=[], **kwargs)

    def _data(self) -> list[str]:
        return list(self.values)


class AgeField(_TableField, SelectField):
    """A select of ages; its ``choices`` come from the table when the form is built."""

    widget = FilterSelect()

    def __init__(self, row: Age, **kwargs: Any) -> None:
        super().__init__(row, choices=[], **kwargs)


class FlagField(_TableField, BooleanField):
    """A checkbox sent as ``yes``; its label (with a count) is set before rendering."""

    widget = FilterCheckbox()

    def _data(self) -> bool:
        return bool(self.values)

    def _value(self) -> str:
        return "yes"


class HiddenFilterField(_TableField, HiddenField):
    """A filter the panel keeps but does not show (a life event's ranking)."""


_FIELD_FOR = {Codes: CodesField, Age: AgeField, Flag: FlagField, Moment: HiddenFilterField}


class RadiusField(SelectField):
    widget = FilterSelect()

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = read_radius(valuelist[0].strip() if valuelist else "")

    def pre_validate(self, form: BaseForm) -> None:
        """An odd distance falls back to the usual one."""


# The panel's fields are kept drawn by their state (``directory.forms.drawing``); the
# words and postcode boxes around a stand-in for what was typed, which is never kept.
keep_drawn(CodesField, AgeField, FlagField, RadiusField)
keep_drawn(StringField, typed=True)


def search_hint() -> str:
    """The search box's hint. Its examples are English search words (the phrasebook reads
    them in any language), so a page in another language marks them ``lang="en"``."""
    return with_english(
        "For example, %(first)s, %(second)s, or %(third)s",
        first=english("food bank"),
        second=english("stay and play"),
        third=english("help with behaviour"),
    )


class SearchForm(BaseForm):
    """A GET form: no CSRF token (it changes nothing), and it must work when bookmarked.

    Build it with the council: ``SearchForm(args, meta={"council": council})``.
    """

    class Meta:
        csrf = False
        council: Council | None = None

    q = StringField(
        lazy_gettext("What are you looking for?"),
        description=LazyString(search_hint),
        widget=GovTextInput(),
        filters=[_searched_part],
    )
    postcode = StringField(
        lazy_gettext("Postcode"),
        description=lazy_gettext("Or the first part, like DY1"),
        widget=GovTextInput(),
    )
    radius = RadiusField(
        lazy_gettext("Distance"),
        description=lazy_gettext("From your postcode"),
        coerce=int,
        default=DEFAULT_RADIUS_MILES,
    )
    sort = HiddenField()

    place: Place | None = None
    rows: tuple[Filter, ...] = FAMILY_FILTERS
    """The rows of the filter table this door offers."""
    reads_levels: bool = False
    """Whether levels of need are read from the words, and levels and places read tick
    their filters (the practitioners' door); the family door reads places only, to rank."""
    read_aside: tuple[str, ...] = ()
    """Levels and places the words hold that the practitioner took off: the panel keeps
    them off (``not=``) while the words still hold them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        radii, ages = _fixed_choices(self.age.row, self.meta.council)  # type: ignore[attr-defined]
        self.radius.choices = list(radii)
        self.age.choices = list(ages)
        self.sort.data = "nearest" if self.sort.data == "nearest" else "relevance"

    def validate_postcode(self, field: StringField) -> None:
        if not field.data:
            return
        try:
            self.place = find_place(field.data)
        except (PostcodeError, PostcodeNotFound) as error:
            raise ValidationError(message_for(error)) from None

    def filter_fields(self) -> Iterator[_TableField]:
        """The fields of the filter table, in its order."""
        for row in self.rows:
            yield self[row.param]  # type: ignore[misc]

    def kept_filters(self) -> list[_TableField]:
        """Chosen filters the panel does not show but must send again (a life event)."""
        return [f for f in self.filter_fields() if isinstance(f, HiddenFilterField) and f.values]

    def search_request(self, args: Mapping[str, object]) -> SearchRequest:
        """What was asked: the form's fields, the page and readings set aside, and the
        levels and places read from the words.

        A level or place read from the words is shown ticked, and the panel sends it back
        as ``read=param:code``: ticked again it is still only read from the words (new
        words without it drop it), not chosen apart from them; unticked, it is set aside
        and its words are searched as text, for as long as the words hold it.
        """
        raw_text = arg_values(args, "q")
        text = self.q.data or ""
        shown = tuple(
            key
            for key in read_set_aside(arg_values(args, "read"))
            if self.reads_levels and key.partition(":")[0] in (LEVEL, LOCALITY)
        )
        unticked = [key for key in shown if not self._ticked(key)]
        set_aside = read_set_aside([*arg_values(args, "not"), *unticked])
        words = vocabulary(self.meta.council)  # type: ignore[attr-defined]
        read, rest = words.read(text, self.reads_levels, set_aside, _reader())
        for field in self.filter_fields():
            if any(f"{field.row.param}:{v}" in shown for v in field.values):
                field.values = tuple(
                    v for v in field.values if f"{field.row.param}:{v}" not in shown
                )
                field.data = field._data()
        if self.reads_levels and set_aside:
            said = {r.key for r in words.read(text, True, (), _reader())[0]}
            self.read_aside = tuple(key for key in set_aside if key in said)
        return SearchRequest(
            text=text,
            raw_text_cut=bool(raw_text) and len(raw_text[0]) > MAX_TEXT_CHARS,
            postcode=(self.postcode.data or "")[:16],
            radius_miles=self.radius.data or DEFAULT_RADIUS_MILES,
            chosen=tuple(
                (field.row.param, field.values) for field in self.filter_fields() if field.values
            ),
            sort=self.sort.data,
            page=read_page((arg_values(args, "page") or [""])[0]),
            set_aside=set_aside,
            as_typed=is_yes(arg_values(args, "as_typed")),
            read=read,
            read_text=rest if read else None,
        )

    def _ticked(self, key: str) -> bool:
        param, _, code = key.partition(":")
        row = next((row for row in self.rows if row.param == param), None)
        return row is not None and code in self[param].values  # type: ignore[attr-defined]

    def tick_read(self, request: SearchRequest) -> list[str]:
        """At the practitioners' door, tick the levels and places read from the words; the
        keys ticked, for the panel to send back (``read=``)."""
        if not self.reads_levels:
            return []
        for read in request.read:
            field = self[read.param]
            field.values = tuple(dict.fromkeys((*field.values, read.code)))  # type: ignore[attr-defined]
            field.data = field._data()  # type: ignore[attr-defined]
        return [read.key for read in request.read]


_CHOICES_KEPT: dict[int, tuple[object, tuple[Any, ...], tuple[Any, ...]]] = {}


def _fixed_choices(age: Filter, council: Council) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The distance and age choices in the page's language: the same words for every page
    in it, so made once per catalogue (a few dozen translations a page otherwise)."""
    translations = page_translations()
    kept = _CHOICES_KEPT.get(id(translations))
    if kept is not None and kept[0] is translations:
        return kept[1], kept[2]
    radii = tuple(
        (miles, gettext("Within %(distance)s", distance=radius_words(miles)))
        for miles in RADIUS_MILES
    )
    ages = (("", gettext("Any age")), *age.options(Names(council)).items())
    if len(_CHOICES_KEPT) >= 32:
        _CHOICES_KEPT.clear()  # catalogues come back with a new object only in development
    _CHOICES_KEPT[id(translations)] = (translations, radii, ages)
    return radii, ages


def _reader() -> QueryReader | None:
    """The page's phrasebook reader, which keeps a danger or a longer phrase's words from
    being read as a level or place; none outside the app."""
    if not has_app_context() or "query_readers" not in current_app.extensions:
        return None
    return page_reader()


class PractitionerSearchForm(SearchForm):
    """The practitioners' door: the family form plus the rows only they are offered."""

    rows = FILTERS
    reads_levels = True


for _row in FAMILY_FILTERS:
    setattr(SearchForm, _row.param, _FIELD_FOR[type(_row)](_row))
for _row in FILTERS:
    if _row.practitioners_only:
        setattr(PractitionerSearchForm, _row.param, _FIELD_FOR[type(_row)](_row))


def read_search_args(
    args: Mapping[str, object], council: Council, form: type[SearchForm] = SearchForm
) -> SearchRequest:
    """Read an address's parameters (a MultiDict, or a plain mapping of lists)."""
    formdata = args if hasattr(args, "getlist") else MultiDict(_pairs(args))
    return form(formdata=formdata, meta={"council": council}).search_request(formdata)


def radius_words(radius_miles: float) -> str:
    """ "5 miles": a radius as the choices and the results page say it."""
    whole = round(radius_miles)
    return ngettext("%(num)s mile", "%(num)s miles", whole)


def parse_search_args(
    args: Mapping[str, object], council: Council, for_practitioners: bool = False
) -> SearchRequest:
    """Read an address's parameters (a MultiDict, or a plain mapping of lists) as the search
    form reads them; for callers with no form of their own (benches, ``flask search
    explain``). Needs an app context."""
    form = PractitionerSearchForm if for_practitioners else SearchForm
    return read_search_args(args, council, form)


def _pairs(args: Mapping[str, object]) -> list[tuple[str, str]]:
    pairs = []
    for name, value in args.items():
        for one in value if isinstance(value, list | tuple) else [value]:
            pairs.append((name, str(one)))
    return pairs
