"""The part of the training files a danger bench measures: the share the learnt reader
learnt from, or the validation share it never saw (``search.examples.split``). Shared by
``bench/danger_first.py`` and ``bench/danger_recall.py``."""

from __future__ import annotations

import argparse

from directory.learning import training_cases
from search.examples import Case, split

LANGUAGES = ("en", "pl", "ur", "pa")
"""The shipped languages, in the order the benches print them."""


def add_share_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--share", choices=("learnt", "validation"), default="learnt")


def share_cases(share: str) -> list[Case]:
    """The training cases of ``share`` ("learnt" or "validation")."""
    learnt, held = split(training_cases())
    return learnt if share == "learnt" else held
