"""Ordinary family sentences with danger-looking words, in every shipped language.

Written for this project by class of look-alike, not from any evaluation set: harm words
said of things (pests, bills, phones, games, sport, food), hyperbole ("killing me",
"dying to", "nearly died laughing"), safety equipment and lessons, news and courses,
ordinary worries (a lost payment, a child going out), fear of ordinary things, and
text-speak. Each must raise no safety panel and no strip, on every language's page.
"""

from __future__ import annotations

from directory.calibration import ordinary_lists

# The ordinary lists live in councils/calibration/ordinary.toml: the learnt alarm's
# calibration set reads them at build time, when tests/ may not be there.
_LISTS = ordinary_lists()

BROAD_LOOKALIKES: dict[str, list[str]] = _LISTS["broad_lookalikes"]
