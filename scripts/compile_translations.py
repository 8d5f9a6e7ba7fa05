"""Compile every translations/<locale>/LC_MESSAGES/messages.po into a .mo file.

A no-op (with a message) when no language beyond English has a catalogue yet, which
plain ``pybabel compile`` treats as an error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


def main() -> int:
    catalogues = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    for po_path in catalogues:
        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file)
        with po_path.with_suffix(".mo").open("wb") as mo_file:
            write_mo(mo_file, catalogue)
        print(f"compiled {po_path.relative_to(TRANSLATIONS.parent)}")
    if not catalogues:
        print("no catalogues to compile yet (English is the source language)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
