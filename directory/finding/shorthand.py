"""Practitioners' shorthand: the abbreviations and terms UK Early Help and safeguarding
staff type, spelt out as the words the family phrasebook and the council's levels read.

School staff, health visitors, police and family support workers write "DA support
brierley hill", "PA yr 9 halesowen", "CIN - SEMH - lye". Each entry of :data:`SHORTHAND`
says what one whole word stands for:

- ``means``: the words it is searched as, read by the family phrasebook for the need,
  category or kind ("DA" is searched as "domestic abuse", so it finds what "domestic abuse"
  finds, safety panel included);
- ``levels``: level wordings it names (``directory.finding.practitioner_words``): it reads
  as every level of the council file that a wording names ("CIN" as the level "child in
  need" names), at the practitioners' door only, as any level phrase is;
- ``door``: where it is read. ``ANY``: both doors, any case (it is no everyday word in
  English, Polish, Urdu or Punjabi as families type them); ``CAPITALS``: the practitioners'
  door in any case, the family door only written in capitals in a search that is not all
  capitals ("DA", but never Punjabi "da", of); ``PRACTITIONERS``: the practitioners' door
  only ("PA", "CP", "CIN", "MASH", "SALT": everyday words or another meaning for families).

A word is read only whole (never inside "cinema" or "papa"), never when it is part of a
longer word joined by a hyphen or an apostrophe, and "0-19" only as written so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ANY, CAPITALS, PRACTITIONERS = "any", "capitals", "practitioners"


@dataclass(frozen=True)
class Shorthand:
    """One abbreviation or term, and what it is read as."""

    said: str
    means: str
    levels: tuple[str, ...] = ()
    door: str = PRACTITIONERS
    need: str = ""
    """The need it names in the shipped council files, for the tests; "" when it names a
    level or a kind of service only."""


SHORTHAND: tuple[Shorthand, ...] = (
    # Domestic abuse and exploitation.
    Shorthand("DA", "domestic abuse", door=CAPITALS, need="domestic-abuse"),
    Shorthand("DV", "domestic violence", door=ANY, need="domestic-abuse"),
    Shorthand("DVA", "domestic violence and abuse", door=ANY, need="domestic-abuse"),
    Shorthand("IDVA", "idva domestic abuse", door=ANY, need="domestic-abuse"),
    Shorthand("MARAC", "marac domestic abuse", door=ANY, need="domestic-abuse"),
    Shorthand("CSE", "child sexual exploitation", door=ANY, need="crime-and-exploitation"),
    Shorthand("CCE", "child criminal exploitation", door=ANY, need="crime-and-exploitation"),
    Shorthand("CSA", "child sexual abuse", need="crime-and-exploitation"),
    Shorthand("YOT", "youth offending team", door=ANY, need="crime-and-exploitation"),
    Shorthand("YJS", "youth justice service", door=ANY, need="crime-and-exploitation"),
    Shorthand("YOS", "youth offending service", door=ANY, need="crime-and-exploitation"),
    Shorthand("PCSO", "police community support officer", door=ANY, need="crime-and-exploitation"),
    # School, SEND and learning.
    Shorthand("PA", "persistent absence", need="school-and-attendance"),
    Shorthand("CME", "child missing education", door=ANY, need="school-and-attendance"),
    Shorthand("EBSA", "emotionally based school avoidance", door=ANY, need="school-and-attendance"),
    Shorthand("SENCO", "senco special educational needs", door=ANY, need="send"),
    Shorthand("EHCP", "ehcp education health and care plan", door=ANY, need="send"),
    Shorthand("SALT", "speech and language therapy", need="send"),
    Shorthand(
        "SEMH", "social emotional and mental health", door=ANY, need="mental-health-and-wellbeing"
    ),
    Shorthand("CAMHS", "camhs child mental health", door=ANY, need="mental-health-and-wellbeing"),
    Shorthand("EAL", "esol english classes", door=ANY, need="work-and-skills"),
    Shorthand("NEET", "not in education employment or training", door=ANY, need="work-and-skills"),
    # Money, food and holidays.
    Shorthand("FSM", "free school meals", door=ANY, need="food"),
    Shorthand("HAF", "holiday activities and food", door=ANY, need="activities"),
    # Health.
    Shorthand("HV", "health visitor", door=ANY, need="health"),
    Shorthand("0-19", "health visitor school nurse", need="health"),
    # Families and communities.
    Shorthand("GRT", "gypsy roma traveller families"),
    Shorthand("CAPVA", "child to parent violence", door=ANY, need="parenting"),
    # Levels of need and the plans that go with them.
    Shorthand("EHA", "early help assessment", ("early help assessment", "early help")),
    Shorthand("EHAT", "early help assessment", ("early help assessment", "early help")),
    Shorthand("CAF", "early help assessment", ("early help assessment", "early help")),
    Shorthand("TAF", "team around the family", ("team around the family", "targeted")),
    Shorthand("TAC", "team around the child", ("team around the family", "targeted")),
    Shorthand("CIN", "child in need", ("child in need", "statutory", "specialist")),
    Shorthand("CP", "child protection", ("child protection plan", "statutory", "specialist")),
    Shorthand("LAC", "looked after child", ("looked after", "statutory", "specialist")),
    Shorthand("CLA", "child looked after", ("looked after", "statutory", "specialist")),
    Shorthand("MASH", "multi agency safeguarding hub", ("statutory", "specialist")),
)
"""Every shorthand read; the README's practitioners' section lists them."""

BY_WORD: dict[str, Shorthand] = {entry.said.casefold(): entry for entry in SHORTHAND}
_WORD = re.compile(r"(?<![\w'’`-])(?:0-19|[^\W\d_]+)(?![\w'’`]|-\w)")


def spelt_out(text: str, practitioners: bool) -> str:
    """``text`` with each shorthand word read at this door replaced by what it means."""
    if not text:
        return text
    shouting = text.upper() == text
    return _WORD.sub(lambda match: _meaning(match.group(), practitioners, shouting), text)


def _meaning(word: str, practitioners: bool, shouting: bool) -> str:
    entry = BY_WORD.get(word.casefold())
    if entry is None or not entry.means:
        return word
    if practitioners or entry.door == ANY:
        return entry.means
    if entry.door == CAPITALS and word.isupper() and not shouting:
        return entry.means
    return word


LEVEL_WORDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("universal plus", ("universal plus", "additional needs", "early help")),
    ("early help", ("early help",)),
    ("targeted", ("targeted", "targeted early help", "multi agency")),
    ("targeted support", ("targeted", "targeted early help", "multi agency")),
    ("team around the family", ("team around the family", "targeted", "multi agency")),
    ("team around the child", ("team around the family", "targeted", "multi agency")),
    ("specialist", ("specialist", "statutory")),
    ("statutory", ("statutory", "specialist")),
    ("social care", ("social care", "statutory", "specialist")),
    ("child in need", ("child in need", "statutory", "specialist")),
    ("child protection", ("child protection plan", "statutory", "specialist")),
    ("looked after", ("looked after", "statutory", "specialist")),
)
"""Level wordings every practitioner uses, each with the wordings of a council's levels
that say the same, most exact first: "statutory" reads as the level a council calls
"statutory", else the one it calls "specialist". A council that names a wording itself
(its label, code or ``words``) keeps its own reading."""


def level_wordings() -> list[tuple[str, tuple[str, ...]]]:
    """Every level wording and shorthand, with the wordings it is read as."""
    return [
        *LEVEL_WORDINGS,
        *((entry.said, entry.levels) for entry in SHORTHAND if entry.levels),
    ]
