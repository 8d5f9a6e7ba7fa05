"""Write the validation part of a training file as a relevance case file, to measure once.

The learnt reader never learns from the validation part of ``councils/training/*.toml``
(:func:`search.examples.split`), so searching its sentences over the demo directory, scored
by their ``needs`` labels, is a figure nothing was tuned on. Measure at the end of a
change, not while making it:

    .venv/bin/python bench/validation_cases.py councils/training/more_other.toml > /tmp/v.toml
    .venv/bin/python bench/relevance.py --file /tmp/v.toml

``relevance.py`` prints success@3 and precision@3 by language for the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.examples import read_cases, split  # noqa: E402


def case_file(path: Path) -> str:
    """The validation sentences of ``path`` that name a need, as ``[[case]]`` tables."""
    _, held = split(read_cases(path))
    tables = []
    for case in held:
        if not case.needs:
            continue
        lines = [
            "[[case]]",
            f"query = {json.dumps(case.query, ensure_ascii=False)}",
            f"needs = {json.dumps(list(case.needs), ensure_ascii=False)}",
            f"language = {json.dumps(case.language)}",
        ]
        if case.danger:
            lines += [f"danger = {json.dumps(case.danger)}", "cue = true"]
        tables.append("\n".join(lines))
    return "\n\n".join(tables) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: validation_cases.py TRAINING_FILE")
    sys.stdout.write(case_file(Path(sys.argv[1])))
