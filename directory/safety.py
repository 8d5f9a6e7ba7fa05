"""Safety first: the numbers a family in danger sees before any listing.

National lines ship in ``councils/safety/national.toml``; the council file adds its children's
services front door (``[council.children_services]``) and may replace or add lines per
danger (``[safety.CODE]``). A search signals a danger through its words (the phrasebook's
dangers), a need filter whose council term names a danger, or a listing in its results
with a sensitive need: the first two open the results page with the safety panel, all
three show "Exit this page", as does a weaker cue (``councils/safety/cues.toml``), which
shows a one-line "call 999" strip with the danger's first line instead of the panel. Every
page with "Exit this page" is sent with ``Cache-Control: no-store`` so it does not come
back from the browser's history (``directory.responses``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from directory.council import Council, CouncilFileError
from search.cues import CueError, fold, pattern_parts
from search.understanding import Reading

SAFETY_FILE = Path(__file__).resolve().parent.parent / "councils" / "safety" / "national.toml"


@dataclass(frozen=True)
class SafetyLine:
    """A line to call (``phone``) or text (``text``).

    ``signs`` are cue patterns (``search.cues``) of the searches this line fits better
    than the danger's general line: the strip shows the National Stalking Helpline for
    "my ex keeps following me", Missing People for a child who ran away."""

    name: str
    hours: str
    phone: str | None = None
    text: str | None = None
    signs: tuple[tuple[re.Pattern[str], ...], ...] = ()

    def fits(self, words: str) -> bool:
        """Whether a sign of this line is in ``words`` (folded, joined by spaces)."""
        return any(all(part.search(words) for part in sign) for sign in self.signs)


@dataclass(frozen=True)
class Danger:
    code: str
    label: str
    advice: str
    lines: tuple[SafetyLine, ...]


@dataclass(frozen=True)
class SafetyLines:
    """Every danger's lines for one deployment."""

    dangers: Mapping[str, Danger]

    def panel(self, codes: Iterable[str]) -> list[Danger]:
        """The dangers to show, in the order signalled, each once."""
        return [self.dangers[code] for code in dict.fromkeys(codes) if code in self.dangers]

    def strip(
        self, codes: Iterable[str], words: Sequence[str] = ()
    ) -> tuple[Danger, SafetyLine] | None:
        """The danger a weaker cue points at first, with the line that fits the search:
        the first whose signs are in ``words``, else the first line for anyone (one
        without signs), else the first."""
        danger = next((danger for danger in self.panel(codes) if danger.lines), None)
        if danger is None:
            return None
        folded = " ".join(fold(word) for word in words)
        fitting = [line for line in danger.lines if line.fits(folded)]
        general = [line for line in danger.lines if not line.signs]
        return danger, (fitting or general or list(danger.lines))[0]


def load_safety_lines(council: Council, path: Path = SAFETY_FILE) -> SafetyLines:
    """National lines with the council's changes; a wrong entry stops the site at start."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    dangers = {
        code: _danger(code, table, f"{path.name} [dangers.{code}]")
        for code, table in raw.get("dangers", {}).items()
    }
    for code, changes in council.safety.items():
        where = f"[safety.{code}]"
        if code not in dangers:
            raise CouncilFileError(
                f"{where} names an unknown danger; use one of {', '.join(sorted(dangers))}."
            )
        if not isinstance(changes, dict):
            raise CouncilFileError(f"{where} must be a table.")
        national = dangers[code]
        lines = _lines(changes["lines"], where) if "lines" in changes else national.lines
        extra = _lines(changes.get("extra_lines", []), where)
        dangers[code] = Danger(
            code,
            str(changes.get("label", national.label)),
            str(changes.get("advice", national.advice)),
            (*lines, *extra),
        )
    for term in council.taxonomy:
        if term.danger is not None and term.danger not in dangers:
            raise CouncilFileError(
                f"[[taxonomy.{term.scheme}]] {term.code!r} names the unknown danger "
                f"{term.danger!r}; use one of {', '.join(sorted(dangers))}."
            )
    return SafetyLines(dangers)


def signalled_dangers(reading: Reading | None, needs: Iterable[str], council: Council) -> list[str]:
    """Dangers a search signals: by its words, or by the needs ticked (a topic page is one).

    Once the panel opens it names every danger the words hold, the weaker cues' too, the
    one with the most evidence first (the reader's order): "my husband is abusive and
    touches our daughter" shows a child at risk before domestic abuse."""
    found = [*reading.dangers, *reading.cues] if reading and reading.dangers else []
    order = [c.code for c in reading.concepts if c.priority] if reading else []
    found.sort(key=lambda code: order.index(code) if code in order else len(order))
    for code in needs:
        term = council.term("need", code)
        if term is not None and term.danger is not None:
            found.append(term.danger)
    return list(dict.fromkeys(found))


def cued_dangers(reading: Reading | None, signalled: Iterable[str]) -> list[str]:
    """Dangers only the weaker cues found (the strip, the leading one's line), none while
    the panel shows."""
    if reading is None or list(signalled):
        return []
    return list(dict.fromkeys(reading.cues))


def _danger(code: str, table: Any, where: str) -> Danger:
    if not isinstance(table, dict):
        raise CouncilFileError(f"{where} must be a table.")
    return Danger(
        code=code,
        label=_text(table, "label", where),
        advice=_text(table, "advice", where),
        lines=_lines(table.get("lines", []), where),
    )


def _lines(raw: Any, where: str) -> tuple[SafetyLine, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise CouncilFileError(f"{where} lines must be a list of tables.")
    lines = []
    for number, item in enumerate(raw, start=1):
        place = f"{where} line {number}"
        phone, text = item.get("phone"), item.get("text")
        if not phone and not text:
            raise CouncilFileError(f"{place} needs a phone or a text number.")
        lines.append(
            SafetyLine(
                name=_text(item, "name", place),
                hours=_text(item, "hours", place),
                phone=str(phone) if phone else None,
                text=str(text) if text else None,
                signs=_signs(item.get("signs", []), place),
            )
        )
    return tuple(lines)


def _signs(raw: Any, where: str) -> tuple[tuple[re.Pattern[str], ...], ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise CouncilFileError(f"{where} signs must be a list of cue patterns.")
    try:
        return tuple(tuple(map(re.compile, pattern_parts(sign))) for sign in raw)
    except CueError as error:
        raise CouncilFileError(f"{where} signs: {error}") from None


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CouncilFileError(f"{where} needs {key} (text).")
    return value.strip()
