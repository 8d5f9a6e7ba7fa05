"""Every string a family or practitioner reads goes through Flask-Babel."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from directory.config import PROJECT_ROOT
from tests.i18n.unwrapped import python_text, template_text

TEMPLATES = sorted((PROJECT_ROOT / "templates").rglob("*.html"))
PYTHON = sorted((PROJECT_ROOT / "directory").rglob("*.py"))

ALLOWED_PYTHON = {
    # Staff pages stay in English: the importer's row problems are English sentences.
    ("directory/views/manage/listings.py", "f'{problem.where}: {_sentence(problem.message)}'"),
    ("directory/views/manage/review.py", "f'{problem.where}: {problem.message}'"),
    ("directory/views/manage/listing_parts.py", "f'{problem.where}: {problem.message}'"),
    ("directory/views/manage/proposals.py", "f'{problem.where}: {problem.message}'"),
    ("directory/views/manage/provider.py", "f'{problem.where}: {problem.message}'"),
}
"""Reviewed exceptions: (file, text)."""


def _environment() -> Environment:
    return Environment(extensions=["jinja2.ext.i18n"])


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_template_text_is_translatable(path: Path) -> None:
    found = template_text(_environment(), path.read_text(encoding="utf-8"))

    assert found == [], f"wrap these in _() or {{% trans %}}: {found}"


def test_python_text_shown_on_pages_is_translatable() -> None:
    found = [
        (str(path.relative_to(PROJECT_ROOT)), line, text)
        for path in PYTHON
        for line, text in python_text(path)
        if (str(path.relative_to(PROJECT_ROOT)), text) not in ALLOWED_PYTHON
    ]

    assert found == [], f"wrap these in gettext() or lazy_gettext(): {found}"


def test_the_finder_finds_unwrapped_text(tmp_path: Path) -> None:
    """The checks above can fail: each kind of unwrapped text is caught, wrapped is not."""
    template = (
        '<p class="x">Hello {{ name }}</p><a aria-label="Go home" href="/">{% trans %}Fine'
        '{% endtrans %}</a>{{ govukButton({"text": "Search", "classes": "a-b"}) }}'
        '{{ _("Wrapped") }} ✕ · 3 <script>let ok = 1;</script>'
    )
    assert template_text(_environment(), template) == ["Search", "Hello", "Go home"]

    source = tmp_path / "views.py"
    source.write_text(
        "flash('Saved')\n"
        "flash(_('Fine'))\n"
        "abort(404, description='Not here')\n"
        "name = StringField('Your name', validators=[DataRequired(message='Enter it')])\n"
        "other = StringField(lazy_gettext('Fine'))\n",
        encoding="utf-8",
    )
    assert sorted(text for _, text in python_text(source)) == [
        "Enter it",
        "Not here",
        "Saved",
        "Your name",
    ]
