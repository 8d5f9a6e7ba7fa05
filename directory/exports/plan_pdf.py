"""A practitioner's plan as an A4 PDF: every service with how to reach it, what only
practitioners see, and the note for the family (fpdf2, drawn here: nothing fetched).

Notes may be in any language, so the text is set in DejaVu Sans where the system has it
(Debian's ``fonts-dejavu-core``: Latin, Greek, Cyrillic), with Noto Naskh Arabic and Noto Sans
Gurmukhi (Debian's ``fonts-noto-core``) as fallback fonts for the Urdu and Punjabi letters
DejaVu lacks. Text is shaped with HarfBuzz (``uharfbuzz``), which joins Arabic letters and
sets Gurmukhi vowel signs, and fpdf2 then orders right-to-left runs by the Unicode bidi
algorithm.

When fonts are missing: without DejaVu Sans the text falls back to the PDF's built-in
Helvetica, where every character Latin-1 lacks becomes "?" (Urdu and Punjabi included);
with DejaVu Sans but without a Noto file, that script's letters are left out of the PDF
(fpdf2 logs a warning naming them), while the rest prints.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask_babel import gettext
from fpdf import FPDF

from directory.lists.entries import ListEntry

FONT_FILES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)
NOTO = Path("/usr/share/fonts/truetype/noto")
FALLBACK_FONTS = {
    "arabic": (NOTO / "NotoNaskhArabic-Regular.ttf", NOTO / "NotoNaskhArabic-Bold.ttf"),
    "gurmukhi": (NOTO / "NotoSansGurmukhi-Regular.ttf", NOTO / "NotoSansGurmukhi-Bold.ttf"),
}
"""Families (lower case, as fpdf2 matches fallback names) for the scripts DejaVu lacks."""
BODY = 10
LINE = 5


def _fonts(pdf: FPDF) -> tuple[str, bool]:
    """The font family to use, and whether it covers more than Latin-1.

    With DejaVu Sans, every Noto fallback font found is registered and text shaping is
    turned on; a missing Noto file only loses its own script's letters.
    """
    regular, bold = FONT_FILES
    if not (regular.exists() and bold.exists()):
        return "Helvetica", False
    pdf.add_font("Body", "", str(regular))
    pdf.add_font("Body", "B", str(bold))
    fallbacks = []
    for family, (fallback_regular, fallback_bold) in FALLBACK_FONTS.items():
        if fallback_regular.exists() and fallback_bold.exists():
            pdf.add_font(family, "", str(fallback_regular))
            pdf.add_font(family, "B", str(fallback_bold))
            fallbacks.append(family)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks)
    pdf.set_text_shaping(True)
    return "Body", True


def plan_pdf(entries: list[ListEntry], notes: dict[str, str], prepared: date, title: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_lang("en")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    family, unicode = _fonts(pdf)

    def text(value: str) -> str:
        return value if unicode else value.encode("latin-1", "replace").decode("latin-1")

    def line(value: str, size: int = BODY, style: str = "") -> None:
        pdf.set_font(family, style, size)
        pdf.multi_cell(
            0, LINE if size <= BODY else LINE + 2, text(value), new_x="LMARGIN", new_y="NEXT"
        )

    pdf.add_page()
    line(title, 16, "B")
    line(prepared.isoformat())
    for number, entry in enumerate(entries, start=1):
        page, facts = entry.page, entry.professional
        assert page is not None
        pdf.ln(4)
        name = f"{number}. {page.name}"
        if entry.practitioners_only:
            name += f" ({gettext('Practitioners only')})"
        line(name, 12, "B")
        rows = [
            (gettext("Organisation"), page.organisation),
            (gettext("Phone"), "; ".join(phone.number for phone in page.phones)),
            (gettext("Email"), page.email or ""),
            (gettext("Website"), page.website or ""),
            (gettext("Where"), page.where),
            (gettext("How to get help"), page.referral),
        ]
        if facts:
            rows += [
                (gettext("Referral"), facts.referral_route),
                (gettext("Criteria"), facts.criteria),
                (gettext("Level of need"), "; ".join(facts.levels)),
                (gettext("For professionals"), facts.contact),
            ]
        rows.append((gettext("Note for the family"), notes.get(entry.id, "")))
        for label, value in rows:
            if value:
                line(f"{label}: {value}")
    return bytes(pdf.output())
