"""The page's words in its language, with the catalogue looked up once per page.

Flask-Babel's ``gettext`` finds the domain, the request's locale and its catalogue afresh
on every call (a handful of context look-ups each); a results page makes a few hundred,
from its template and its presenters. Here the catalogue is kept on ``g`` beside the
locale it is for, and the template's ``_``, ``gettext`` and ``ngettext`` call it in one
step instead of through Jinja's i18n wrappers, with the same escaping: the translation is
HTML (``Markup``) in an autoescaped template and its variables are escaped into it.
"""

from __future__ import annotations

from typing import Any

from babel.support import NullTranslations
from flask.globals import _cv_app
from flask_babel import LazyString, get_locale, get_translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup


def _page_space() -> Any:
    """The app context's ``g`` itself, or None outside one: read from Flask's context
    variable once, not through the ``g`` proxy (a proxy look-up for each word)."""
    context = _cv_app.get(None)
    return context.g if context is not None else None


def page_translations() -> NullTranslations:
    """Flask-Babel's catalogue for this page, kept on ``g`` beside the locale it is for:
    a locale forced for part of a page (``force_locale``) is a new locale, so it gets its
    own catalogue, and the page's comes back with the page's locale."""
    space = _page_space()
    if space is None:
        return get_translations()
    locale = getattr(getattr(space, "_flask_babel", None), "babel_locale", None)
    kept = getattr(space, "_page_translations", None)
    if kept is not None and locale is not None and kept[0] is locale:
        return kept[1]  # type: ignore[no-any-return]
    translations = get_translations()
    locale = getattr(getattr(space, "_flask_babel", None), "babel_locale", None)
    space._page_translations = (locale, translations)
    return translations


def page_locale_code() -> str:
    """``str(flask_babel.get_locale() or "en")``, the page's language code, kept on ``g``
    beside the locale it names (a forced locale is a new one, as for the catalogue)."""
    space = _page_space()
    locale = getattr(getattr(space, "_flask_babel", None), "babel_locale", None)
    kept = getattr(space, "_page_locale_code", None)
    if kept is not None and locale is not None and kept[0] is locale:
        return kept[1]  # type: ignore[no-any-return]
    code = str(get_locale() or "en")
    if space is not None:
        locale = getattr(getattr(space, "_flask_babel", None), "babel_locale", None)
        space._page_locale_code = (locale, code)
    return code


def gettext(string: str, **variables: Any) -> str:
    """``flask_babel.gettext``, from the page's kept catalogue."""
    text = page_translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """``flask_babel.ngettext``, from the page's kept catalogue."""
    variables.setdefault("num", num)
    return page_translations().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables: Any) -> LazyString:
    """``flask_babel.lazy_gettext``: translated when shown, from the page's kept catalogue."""
    return LazyString(gettext, string, **variables)


@pass_context
def _template_gettext(context: Context, string: str, **variables: Any) -> str:
    text = page_translations().ugettext(string)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables  # as Jinja's newstyle gettext: always a format string


@pass_context
def _template_ngettext(
    context: Context, singular: str, plural: str, num: int, **variables: Any
) -> str:
    variables.setdefault("num", num)
    text = page_translations().ungettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


def install(environment: Environment) -> None:
    """Templates' translation callables, newstyle (``_("%(n)s", n=...)`` escapes ``n``)."""
    environment.install_gettext_callables(  # type: ignore[attr-defined]  # jinja2.ext.i18n adds it
        gettext=lambda s: page_translations().ugettext(s),
        ngettext=lambda s, p, n: page_translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: page_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: page_translations().unpgettext(c, s, p, n),
    )
    environment.globals.update(
        _=_template_gettext, gettext=_template_gettext, ngettext=_template_ngettext
    )
