"""The page's words from a catalogue kept per page: the same words, and the same escaping,
as Flask-Babel's callables through Jinja's own i18n wrappers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import flask_babel
import pytest
from flask import Flask, render_template_string
from flask_babel import Babel, force_locale
from jinja2 import Environment

from directory import page_text

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
TEMPLATES = (
    '{{ _("Where") }}|{{ gettext("Where") }}',
    '{{ _("%(label)s (%(count)s)", label="<b>Food & drink</b>", count=3) }}',
    '{{ ngettext("%(num)s result", "%(num)s results", n) }}',
    '{{ _("100%% <made up>") }}',
    "{% trans %}Where{% endtrans %}",
)


@pytest.fixture
def polish_app() -> Iterator[Flask]:
    app = Flask(__name__)
    Babel(
        app,
        default_translation_directories=str(TRANSLATIONS),
        locale_selector=lambda: "pl",
    )
    page_text.install(app.jinja_env)
    with app.test_request_context():
        yield app


def _stock() -> Environment:
    """Jinja's own newstyle wrappers of Flask-Babel's callables, in an environment of their
    own (an overlay of the app's would share its i18n extension, and so its callables)."""
    stock = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    stock.install_gettext_callables(  # type: ignore[attr-defined]
        flask_babel.gettext, flask_babel.ngettext, newstyle=True
    )
    return stock


@pytest.mark.parametrize("source", TEMPLATES)
@pytest.mark.parametrize("n", [1, 3, 7])
def test_template_words_and_escaping_are_jinjas_own(polish_app: Flask, source: str, n: int) -> None:
    ours = render_template_string(source, n=n)
    theirs = _stock().from_string(source).render(n=n)
    assert ours == theirs
    assert "<b>" not in ours
    assert polish_app.jinja_env.globals["_"] is not _stock().globals["_"]


def test_words_are_polish_and_variables_escaped(polish_app: Flask) -> None:
    drawn = render_template_string(TEMPLATES[1])
    assert drawn == "&lt;b&gt;Food &amp; drink&lt;/b&gt; (3)"
    assert render_template_string(TEMPLATES[0]) == "Gdzie|Gdzie"
    assert render_template_string(TEMPLATES[2], n=3) == "3 wyniki"


def test_a_forced_locale_has_its_own_words_and_the_page_gets_its_back(polish_app: Flask) -> None:
    assert page_text.gettext("Where") == "Gdzie"
    with force_locale("en"):
        assert page_text.gettext("Where") == "Where"
    assert page_text.gettext("Where") == "Gdzie"
    assert page_text.ngettext("%(num)s result", "%(num)s results", 5) == "5 wyników"


def test_outside_a_request_the_words_are_english() -> None:
    assert page_text.gettext("Where") == "Where"
    assert page_text.gettext("%(a)s and %(b)s", a="x", b="y") == "x and y"


def test_a_lazy_word_is_the_pages_word_when_shown(polish_app: Flask) -> None:
    lazy = page_text.lazy_gettext("Where")
    assert str(lazy) == flask_babel.gettext("Where") == "Gdzie"
    with force_locale("en"):
        assert str(lazy) == "Where"
    labelled = page_text.lazy_gettext("%(label)s (%(count)s)", label="Food", count=3)
    assert str(labelled) == flask_babel.gettext("%(label)s (%(count)s)", label="Food", count=3)


def test_the_page_language_code_follows_a_forced_locale(polish_app: Flask) -> None:
    assert page_text.page_locale_code() == str(flask_babel.get_locale()) == "pl"
    with force_locale("ur"):
        assert page_text.page_locale_code() == "ur"
    assert page_text.page_locale_code() == "pl"


def test_outside_a_request_the_language_is_english() -> None:
    assert page_text.page_locale_code() == "en"
