"""Small wording helpers in the GOV.UK style ("9am to 5pm", "0 to 4 years")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

from babel import Locale, dates
from flask_babel import format_date as babel_format_date
from flask_babel import format_decimal, get_locale

from directory.council_language import english, with_english
from directory.i18n import text_direction
from directory.models import CostOption
from directory.models.card import CardCost
from directory.models.service import PRE_BIRTH_AGE
from directory.page_text import gettext, ngettext

LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def left_to_right(text: str) -> str:
    """``text`` kept left to right on a right-to-left page ("9:30 AM", "2.3", "DY5 1AA"),
    with Unicode isolates, which hold in any context: a title, an attribute, plain text."""
    locale = str(get_locale() or "en")
    if text_direction(locale) == "rtl":
        return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
    return text


def clock_time(value: time) -> str:
    """ "9am", "5:30pm", "midday" in English; the locale's short time elsewhere."""
    if str(get_locale()) != "en":
        from flask_babel import format_time

        return left_to_right(format_time(value, "short"))
    if value == time(12, 0):
        return gettext("midday")
    if value == time(0, 0):
        return gettext("midnight")
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def time_range(opens: time, closes: time) -> str:
    return gettext("%(opens)s to %(closes)s", opens=clock_time(opens), closes=clock_time(closes))


def format_date(value: date, pattern: str) -> str:
    """``flask_babel.format_date(value, pattern)`` for a day (a ``date``, which has no time
    zone to move it to): the same words, worked out once per day, pattern and language.
    Babel took about a millisecond a date, and a first page of cards says a dozen."""
    if isinstance(value, datetime):
        return babel_format_date(value, pattern)
    return _formatted(value, pattern, get_locale())


@lru_cache(maxsize=4096)
def _formatted(value: date, pattern: str, locale: Locale | None) -> str:
    return dates.format_date(value, pattern, locale=locale)


def long_date(value: date) -> str:
    """ "Monday 21 December 2026"."""
    return format_date(value, "EEEE d MMMM y")


def day_month_year(value: date) -> str:
    """ "8 February 2026"."""
    return format_date(value, "d MMMM y")


def age_range(minimum: int | None, maximum: int | None) -> str:
    """Who a service is for by age, in words."""
    if minimum is None and maximum is None:
        return gettext("All ages")
    if minimum == PRE_BIRTH_AGE:
        if maximum is None:
            return gettext("From pregnancy")
        return ngettext("Pregnancy to %(num)s year", "Pregnancy to %(num)s years", maximum)
    if maximum is None:
        assert minimum is not None  # both None is "All ages", above
        return ngettext("From %(num)s year", "From %(num)s years", minimum)
    if minimum is None or minimum == 0:
        return ngettext("Up to %(num)s year", "Up to %(num)s years", maximum)
    return gettext("%(minimum)s to %(maximum)s years", minimum=minimum, maximum=maximum)


def cost_lines(options: Iterable[CostOption | CardCost]) -> list[str]:
    """One line per option: "Free", "£3.50 a session", "Other children: £5.00 a session".

    ``option`` says who or what a price is for; it is left out when the price already says
    it ("Each session" beside "£3.50 a session"). Funded childcare hours are never "Free"
    (only eligible children get them): they are one line of their own, last, in the words
    the funded-hours filter uses.
    """
    lines = []
    funded = False
    for option in options:
        if option.is_funded_hours:
            funded = True
            continue
        described = option.amount_description.strip()
        price = described or _price(option.amount)
        who = option.option.strip()
        if not price:
            if who:
                lines.append(english(who))
            continue
        last_word = who.lower().split()[-1] if who else ""
        said = ((described or "Free") if option.amount == 0 else described).lower()
        if not who or last_word in price.lower() or who.lower() in {price.lower(), said}:
            lines.append(english(described) if described else price)
        else:
            lines.append(
                with_english(
                    "%(who)s: %(price)s",
                    who=english(who),
                    price=english(described) if described else price,
                )
            )
    if funded:
        lines.append(gettext("Funded hours (2, 3 and 4 year olds)"))
    return lines


def _price(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    if amount == 0:
        return gettext("Free")
    return gettext("£%(amount)s", amount=_money(amount))


def _money(amount: Decimal) -> str:
    pattern = "#,##0.00" if amount % 1 else "#,##0"
    return left_to_right(format_decimal(amount, pattern))


def telephone_href(number: str) -> str:
    """A ``tel:`` link target: digits and a leading plus only."""
    digits = re.sub(r"[^\d+]", "", number.replace("(0)", ""))
    return f"tel:{digits}"
