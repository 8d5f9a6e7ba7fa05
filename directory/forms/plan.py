"""A practitioner's plan list: a note for the family beside each service, kept only in the form."""

from __future__ import annotations

from flask_babel import lazy_gettext
from govuk_frontend_wtf.wtforms_widgets import GovTextArea
from wtforms import FieldList, Form, FormField, HiddenField, TextAreaField

from directory.forms import BaseForm

NOTE_LIMIT = 500


class NoteForm(Form):
    """One service on the plan and the note for it (no CSRF of its own: the plan form has it)."""

    service = HiddenField()
    note = TextAreaField(lazy_gettext("Note for the family"), widget=GovTextArea())


class PlanForm(BaseForm):
    notes = FieldList(FormField(NoteForm))

    def check_notes(self, names: dict[str, str]) -> bool:
        """After ``validate``: notes must be short, and each error names its service.
        ``names``: service id -> name."""
        ok = True
        for entry in self.notes:
            note = (entry.note.data or "").strip()
            entry.note.data = note
            if len(note) > NOTE_LIMIT:
                entry.note.errors = [
                    lazy_gettext(
                        "The note about %(name)s must be %(limit)s characters or fewer",
                        name=names.get(entry.service.data or "", ""),
                        limit=NOTE_LIMIT,
                    )
                ]
                ok = False
        # FieldList gathers its entries' errors when it validates: gather them again.
        self.notes.errors = [] if ok else [entry.errors for entry in self.notes]
        return ok
