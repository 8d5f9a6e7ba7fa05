"""Write councils/calibration/development.toml again from the development set.

    .venv/bin/python scripts/calibration_development.py

The learnt alarm's calibration set (:mod:`directory.calibration`) holds the development
set's queries with no danger; it reads them from that copy under ``councils/``, so a
deployment without ``tests/`` builds the model. Run this after changing the development
set's cases (``tests/search/test_alarm_calibration.py`` fails until the copy matches).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from directory.calibration import (
    DEVELOPMENT_FILE,
    DEVELOPMENT_SET,
    development_ordinary_from_set,
)

HEADER = """\
# The development relevance set's queries with no danger
# (tests/fixtures/relevance/families.toml), in its order: part of the learnt alarm's
# calibration set (directory/calibration.py), copied here so a deployment without tests/
# builds the model. Written by scripts/calibration_development.py; do not edit by hand.
"""


def main() -> None:
    texts = development_ordinary_from_set(DEVELOPMENT_SET)
    lines = [HEADER, "ordinary = ["]
    lines += [f"    {json.dumps(text, ensure_ascii=False)}," for text in texts]
    lines.append("]")
    DEVELOPMENT_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{DEVELOPMENT_FILE}: {len(texts)} sentences")


if __name__ == "__main__":
    main()
