"""Finding user-facing text that does not go through Flask-Babel.

Templates: the text between tags (and the ``aria-label``, ``title``, ``alt`` and
``placeholder`` attributes) outside ``{% trans %}`` and ``_()`` that holds a letter.
Python: ``flash()``, ``abort()`` descriptions, WTForms field labels and ``message=`` /
``label=`` / ``description=`` given as a plain string literal.
"""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment, nodes

MARK = "\x00"
VISIBLE_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
_LETTER = re.compile(r"[^\W\d_]")


class _TextFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skipping.append(tag)
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self._check(value)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._check(data)

    def _check(self, text: str) -> None:
        for piece in text.split(MARK):
            piece = " ".join(piece.split())
            if _LETTER.search(piece):
                self.found.append(piece)


MACRO_TEXT_KEYS = {
    "text",
    "html",
    "titleText",
    "descriptionText",
    "label",
    "hint",
    "legend",
    "landmarkLabel",
    "menuButtonText",
    "ariaLabel",
    "visuallyHiddenText",
    "serviceName",
}
"""Keys of the GOV.UK macros' options whose value is read on the page."""


def template_text(environment: Environment, source: str) -> list[str]:
    """Literal text with letters in a template, as a family would read it: between tags,
    in visible attributes, and given to a GOV.UK macro as ``{"text": "..."}``."""
    tree = environment.parse(source)
    found = [
        pair.value.value
        for pair in tree.find_all(nodes.Pair)
        if isinstance(pair.key, nodes.Const)
        and pair.key.value in MACRO_TEXT_KEYS
        and isinstance(pair.value, nodes.Const)
        and isinstance(pair.value.value, str)
        and _LETTER.search(pair.value.value)
    ]
    parts: list[str] = []
    for output in tree.find_all(nodes.Output):
        for child in output.nodes:
            parts.append(child.data if isinstance(child, nodes.TemplateData) else MARK)
        parts.append(MARK)
    finder = _TextFinder()
    finder.feed("".join(parts))
    finder.close()
    return found + finder.found


WRAPPERS = {"_", "gettext", "ngettext", "lazy_gettext", "lazy_ngettext", "pgettext"}
TEXT_KEYWORDS = {"message", "label", "description"}


def python_text(path: Path) -> list[tuple[int, str]]:
    """(line, text) of plain string literals given where a family or practitioner reads them."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = _called(call)
        shown: list[ast.expr] = []
        if name == "flash" and call.args:
            shown.append(call.args[0])
        if name == "abort":
            shown.extend(call.args[1:])  # its description= is one of TEXT_KEYWORDS
        if name.endswith("Field") and call.args:
            shown.append(call.args[0])
        shown.extend(k.value for k in call.keywords if k.arg in TEXT_KEYWORDS)
        for node in shown:
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _LETTER.search(node.value)
            ):
                found.append((node.lineno, node.value))
            elif isinstance(node, ast.JoinedStr):
                found.append((node.lineno, ast.unparse(node)))
    return found


def _called(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return ""
