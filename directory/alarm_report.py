"""What the learnt alarm reads at a threshold, on the validation part of the training
sentences: for ``flask search train`` and ``bench/learnt.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from search.calibration import AlarmCalibration
from search.examples import Case
from search.understanding import QueryReader


@dataclass(frozen=True, slots=True)
class AlarmFigures:
    """Of the validation sentences, on their own language's page."""

    dangers: int
    missed: int
    """Dangers the rules read nothing in (no danger, no cue)."""
    read: int
    """Of those, how many the learnt alarm shows the strip for."""
    false_alarms: int
    """Sentences with no danger for which the learnt alarm shows the strip."""

    @property
    def recall(self) -> float:
        """Dangers shown the panel or the strip, rules and learnt alarm together."""
        return (self.dangers - self.missed + self.read) / self.dangers if self.dangers else 0.0


def alarm_figures(
    readers: Mapping[str, QueryReader], cases: Sequence[Case], least: float
) -> AlarmFigures:
    """What the learnt alarm at ``least`` adds to the rules on ``cases``."""
    today = date.today()
    dangers = missed = read = false = 0
    for case in cases:
        reader = readers.get(case.language, readers["en"])
        learnt = reader.learnt
        assert learnt is not None
        dangers += case.danger is not None
        rules = replace(reader, learnt=None).read(case.query, {}, today)
        if rules.dangers or rules.cues:
            continue
        missed += case.danger is not None
        eager = replace(reader, learnt=replace(learnt, danger_least=least, strip_least=least))
        if eager.read(case.query, {}, today).cues:
            read += case.danger is not None
            false += case.danger is None
    return AlarmFigures(dangers, missed, read, false)


def describe(calibration: AlarmCalibration | None) -> str:
    """Two lines: each band's threshold and what it was chosen from."""
    if calibration is None:
        return "alarm not calibrated: the learnt strip never shows"
    chosen = (
        f"{calibration.threshold:g}"
        if calibration.threshold <= 1
        else "off (no step clears the calibration set)"
    )
    strip = calibration.strip
    banded = f"{strip:g}" if strip <= 1 else "off"
    return (
        f"alarm band 1 (strip, listings first) from {chosen}: calibration set "
        f"{calibration.sentences} ordinary sentences (+{calibration.held_out} held out for the "
        f"tests), highest alarm {calibration.highest:.4f} ({calibration.highest_text!r})\n"
        f"alarm band 2 (strip, one listing first) from {banded}: budget "
        f"{calibration.budget:.2%} of the calibration set, "
        f"{calibration.strip_reached} of its sentences reach it"
    )


def describe_figures(figures: AlarmFigures, least: float, band: str = "") -> str:
    return (
        f"validation{f' band {band}' if band else ''} at {least:g}: {figures.dangers} dangers, "
        "panel or strip on "
        f"{figures.recall:.1%}; the rules read nothing in {figures.missed}, the learnt "
        f"strip shows for {figures.read} of them; learnt false alarms {figures.false_alarms}"
    )
