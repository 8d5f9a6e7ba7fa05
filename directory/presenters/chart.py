"""A locality report as an SVG bar chart drawn on the server, readable without colour.

Each bar is named in words beside it (its level) and its value is written at its end; the
levels differ by pattern as well as shade, so nothing depends on telling colours apart.
The chart has a title and a description for screen readers, and the page's table holds
the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext

from directory.finding.localities import LocalityReport

WIDTH = 720
LABEL_WIDTH = 170
BAR_START = LABEL_WIDTH + 10
BAR_SPACE = 470
BAR_HEIGHT = 16
BAR_GAP = 4
HEADING_HEIGHT = 26
GROUP_GAP = 14
PATTERNS = ("solid", "diagonal", "dots", "cross", "vertical", "horizontal")
"""Fills of the levels in order (``templates/practitioners/_chart.svg`` defines them)."""


@dataclass(frozen=True)
class Bar:
    y: int
    width: int
    pattern: str
    level: str
    value: int
    title: str


@dataclass(frozen=True)
class Group:
    y: int
    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    width: int
    height: int
    label_width: int
    bar_start: int
    bar_height: int
    groups: tuple[Group, ...]
    patterns: tuple[str, ...]


def short_level(label: str) -> str:
    """ "Early Help: extra help for a family" -> "Early Help": the name before a colon."""
    return label.split(":", 1)[0].strip()


def locality_chart(report: LocalityReport) -> Chart:
    scale = BAR_SPACE / report.largest if report.largest else 0
    groups = []
    y = 0
    for row in report.rows:
        bars = []
        top = y + HEADING_HEIGHT
        for index, ((_, label), value) in enumerate(zip(report.levels, row.by_level, strict=True)):
            level = short_level(label)
            bars.append(
                Bar(
                    y=top + index * (BAR_HEIGHT + BAR_GAP),
                    width=round(value * scale),
                    pattern=PATTERNS[index % len(PATTERNS)],
                    level=level,
                    value=value,
                    title=gettext(
                        "%(need)s, %(level)s: %(num)s", need=row.label, level=level, num=value
                    ),
                )
            )
        groups.append(Group(y=y, label=row.label, bars=tuple(bars)))
        y = top + len(bars) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    return Chart(
        title=gettext("Services in %(place)s by need and level", place=report.locality_name),
        description=gettext(
            "A bar for each level of need under each need, its length the number of services "
            "serving %(place)s (borough-wide services included) at that level, with the "
            "number written at its end. The table below gives the same figures.",
            place=report.locality_name,
        ),
        width=WIDTH,
        height=max(y, 1),
        label_width=LABEL_WIDTH,
        bar_start=BAR_START,
        bar_height=BAR_HEIGHT,
        groups=tuple(groups),
        patterns=PATTERNS[: len(report.levels)] if report.levels else (),
    )
