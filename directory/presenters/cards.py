"""What every result card on a page says alike, worked out once for the page.

A results page draws twenty cards, and each card asked for the same dozen words ("Where",
"Cost", "Save to my list"...) and built its link through ``url_for``: a few hundred calls
a page that give the same answers twenty times. ``card_kit`` gives the card macro
(``templates/find/_cards.html``) those words, already as the template's ``_()`` gives
them (the translation as HTML, ``Markup``; the variables of a format string escaped into
it where the card fills them in), and the link to a listing from one ``url_for`` a page.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Collection, Hashable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from flask import current_app, g, url_for
from markupsafe import Markup

from directory.i18n import page_locale
from directory.page_text import gettext, page_translations

if TYPE_CHECKING:
    from directory.presenters.professional import ProfessionalFacts
    from directory.presenters.search import ResultItem

MOST_KEPT_CARDS = 2000
"""Result cards kept drawn per process (a couple of kilobytes each), the least
recently shown dropped first."""
_cards: OrderedDict[Hashable, Markup] = OrderedDict()
_cards_lock = threading.Lock()

_PLAIN_ID = re.compile(r"[A-Za-z0-9_.~-]+")
"""An id the address takes as it is, unquoted (a listing's id is a UUID)."""
_STAND_IN = "0stand0in0for0the0id0"


def _said(translated: str) -> Markup:
    """A translation (``gettext("...")``, written out so the catalogue finds the words) as
    the template's ``_("...")`` draws it in an HTML page."""
    return Markup(translated) % {}


@dataclass(frozen=True)
class CardKit:
    """A page's card words (``Markup``) and its listings' link, for one door."""

    endpoint: str
    english_page: bool
    """A page in another language marks a listing's own words ``lang="en"``."""
    sample: Markup
    practitioners_only: Markup
    where: Markup
    place_distance: Markup
    """"%(place)s, %(distance)s": the card fills it in, its values escaped."""
    how: Markup
    when: Markup
    phone: Markup
    cost: Markup
    ages: Markup
    saved: Markup
    remove: Markup
    save: Markup
    meets: Markup
    none_ticked: Markup
    needs_of: Markup
    """"%(met)s of %(asked)s needs", filled in by the card."""
    covers: Markup
    level: Markup
    referral: Markup
    referral_form: Markup
    for_name: Markup
    """"for %(name)s", filled in by the card."""
    criteria: Markup
    for_professionals: Markup
    notes: Markup
    _link: str

    def english(self, value: Any) -> Any:
        """A listing's own words marked ``lang="en"`` on a page in another language, as the
        ``english`` filter marks them (``directory.council_language.english``)."""
        if value and self.english_page:
            return Markup('<span lang="en" dir="ltr">%s</span>') % value
        return value

    def href(self, service_id: str) -> str:
        """The listing's page, as ``url_for(endpoint, service_id=...)`` gives it."""
        if _PLAIN_ID.fullmatch(service_id) and self._link.count(_STAND_IN) == 1:
            return self._link.replace(_STAND_IN, service_id)
        return url_for(self.endpoint, service_id=service_id)


def card_kit(endpoint: str | None = None) -> CardKit:
    """The card words and link for this page and door (``endpoint`` of a listing's page,
    the family one by default), made once a page and language."""
    endpoint = endpoint or "public.service"
    translations = page_translations()
    space = g._get_current_object() if g else None
    kept: dict[tuple[int, str], tuple[object, CardKit]] = (
        space.__dict__.setdefault("_card_kits", {}) if space is not None else {}
    )
    found = kept.get((id(translations), endpoint))
    if found is not None and found[0] is translations:
        return found[1]
    kit = CardKit(
        endpoint=endpoint,
        english_page=page_locale() != "en",
        sample=_said(gettext("Sample listing")),
        practitioners_only=_said(gettext("Practitioners only")),
        where=_said(gettext("Where")),
        place_distance=Markup(gettext("%(place)s, %(distance)s")),
        how=_said(gettext("How")),
        when=_said(gettext("When")),
        phone=_said(gettext("Phone")),
        cost=_said(gettext("Cost")),
        ages=_said(gettext("Ages")),
        saved=_said(gettext("Saved")),
        remove=_said(gettext("Remove from my list")),
        save=_said(gettext("Save to my list")),
        meets=_said(gettext("Meets")),
        none_ticked=_said(gettext("none of the needs ticked")),
        needs_of=Markup(gettext("%(met)s of %(asked)s needs")),
        covers=_said(gettext("Covers")),
        level=_said(gettext("Level of need")),
        referral=_said(gettext("Referral")),
        referral_form=_said(gettext("referral form")),
        for_name=Markup(gettext("for %(name)s")),
        criteria=_said(gettext("Criteria")),
        for_professionals=_said(gettext("For professionals")),
        notes=_said(gettext("Notes")),
        _link=url_for(endpoint, service_id=_STAND_IN),
    )
    kept[(id(translations), endpoint)] = (translations, kit)
    return kit


def kept_card(
    item: ResultItem, kit: CardKit, saved_ids: Collection[str], asked_needs: Collection[str]
) -> Markup:
    """``result_card(item, kit, saved_ids, "", asked_needs)`` (``templates/find/_cards.html``)
    on a results page, at either door, kept by all it is drawn from.

    The macro reads nothing but its arguments (the card's words are in ``kit``), and a
    card is the same for everyone shown it but for whether it is in their list; so a card
    is kept by its item (every word on it, and the type of each, as HTML and text of the
    same characters draw differently; at the practitioners' door every field of what only
    they see, ``ProfessionalFacts``, likewise), the kit (each door's its own), whether it
    is saved, and what it shows of the needs asked (``_needs_shown``): a family card shows
    nothing of them, so one listing's card is kept across every search that finds it, not
    once per set of needs ticked. A family card and a practitioner's card of one listing
    are told apart by the facts (none on a family card).
    """
    saved = item.id in saved_ids
    facts = item.professional
    drawn: Hashable = item
    if facts is not None:
        facts_key = _facts_key(facts)
        drawn = tuple(facts_key if value is facts else value for value in vars(item).values())
    key = (
        drawn,
        tuple(type(value) for value in vars(item).values()),
        tuple(type(line) for line in item.cost),
        kit,
        saved,
        _needs_shown(facts, asked_needs),
    )
    with _cards_lock:
        html = _cards.get(key)
        if html is not None:
            _cards.move_to_end(key)
            return html
    html = _result_card(item, kit, (item.id,) if saved else (), asked_needs)
    with _cards_lock:
        _cards[key] = html
        while len(_cards) > MOST_KEPT_CARDS:
            _cards.popitem(last=False)
    return html


def _needs_shown(facts: ProfessionalFacts | None, asked: Collection[str]) -> Hashable:
    """All a card shows of the needs asked (``facts_rows`` in ``find/_cards.html``): on a
    family card (no facts) nothing; on a practitioner's card, with needs asked, which of
    its facts' needs are met (their places in ``facts.needs``, itself in the card's key)
    and how many were asked."""
    if facts is None or not asked:
        return ()
    return (
        tuple(place for place, (code, _) in enumerate(facts.needs) if code in asked),
        len(asked),
    )


_facts_keys: dict[int, tuple[ProfessionalFacts, Hashable]] = {}


def _facts_key(facts: ProfessionalFacts) -> Hashable:
    """Every field of ``facts`` as a key (``_drawn_as``), worked out once per facts object:
    a listing's facts are kept per language (``presenters.lasting``), so the same object
    comes back page after page."""
    found = _facts_keys.get(id(facts))
    if found is not None and found[0] is facts:
        return found[1]
    key = (type(facts), tuple(_drawn_as(getattr(facts, f.name)) for f in fields(facts)))
    if len(_facts_keys) >= MOST_KEPT_CARDS:
        _facts_keys.clear()
    _facts_keys[id(facts)] = (facts, key)
    return key


def _drawn_as(value: Any) -> Hashable:
    """A value of a card's facts as a key: its type and value, a list's or tuple's each."""
    if isinstance(value, list | tuple):
        return (type(value), tuple(_drawn_as(part) for part in value))
    return (type(value), value)


def _result_card(
    item: ResultItem, kit: CardKit, saved_ids: Collection[str], asked_needs: Collection[str]
) -> Markup:
    macros = current_app.jinja_env.get_template("find/_cards.html").module
    return Markup(macros.result_card(item, kit, saved_ids, "", asked_needs))  # type: ignore[attr-defined]
