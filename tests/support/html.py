"""Page hygiene, checked on every HTML page a test fetches.

Each page must parse as HTML5, have exactly one h1, a <title> that starts with the h1's
text (with "Error: " first when the page shows form errors), and no duplicate ids.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache
from xml.etree.ElementTree import Element

import html5lib

_NS = "{http://www.w3.org/1999/xhtml}"


class PageHygieneError(AssertionError):
    pass


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


@lru_cache(maxsize=8)
def parse_page(markup: str) -> Element:
    """The page's document tree, shared: read it, never change it.

    Remembered for the last few pages, as a test often checks a page's hygiene, then reads
    its form or its text: html5lib parses in pure Python, a tenth of an editing test."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=True)
    document = parser.parse(markup)
    if parser.errors:
        position, code, details = parser.errors[0]
        raise PageHygieneError(f"HTML parse error {code} at {position}: {details}")
    return document


def check_page(markup: str) -> Element:
    """Raise ``PageHygieneError`` describing the first rule the page breaks."""
    document = parse_page(markup)
    headings = document.findall(f".//{_NS}h1")
    if len(headings) != 1:
        raise PageHygieneError(f"expected one h1, found {len(headings)}")
    title_element = document.find(f".//{_NS}title")
    if title_element is None:
        raise PageHygieneError("page has no <title>")
    title = _text(title_element)
    heading = _text(headings[0])
    has_errors = document.find(f".//{_NS}div[@class='govuk-error-summary']") is not None
    expected_start = f"Error: {heading}" if has_errors else heading
    if not title.startswith(expected_start):
        raise PageHygieneError(f"title {title!r} does not start with {expected_start!r}")
    ids = Counter(el.get("id") for el in document.iter() if el.get("id"))
    duplicates = sorted(key for key, count in ids.items() if count > 1)
    if duplicates:
        raise PageHygieneError(f"duplicate ids: {duplicates}")
    return document


def visible_text(markup: str) -> str:
    """The page's text with tags and repeated white space removed, for content asserts."""
    return re.sub(r"\s+", " ", _text(parse_page(markup)))


def fragment_text(fragment: str) -> str:
    """The text of a piece of markup (not a whole page), tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def definitions(markup: str) -> dict[str, str]:
    """The terms and descriptions of a description list, as text."""
    rows = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", markup, re.S)
    return {fragment_text(term): fragment_text(value) for term, value in rows}
