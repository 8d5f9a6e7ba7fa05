"""A practitioner's plan as an A4 PDF: every service with how to reach it, what only
practitioners see, and the note for the family (fpdf2, drawn here: nothing fetched).

Notes may be in any language, so the text is set in DejaVu Sans where the system has it
(Debian's ``fonts-dejavu-core``); without it, in the PDF's built-in Helvetica, where a
character Latin-1 lacks becomes "?".
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
BODY = 10
LINE = 5


def _fonts(pdf: FPDF) -> tuple[str, bool]:
    """The font family to use, and whether it covers more than Latin-1."""
    regular, bold = FONT_FILES
    if regular.exists() and bold.exists():
        pdf.add_font("Body", "", str(regular))
        pdf.add_font("Body", "B", str(bold))
        return "Body", True
    return "Helvetica", False


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
