"""Import messages are translated where they are shown, and stay English in the commands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask
from flask_babel import Babel, force_locale
from markupsafe import escape

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.demo.loader import demo_geocoder
from directory.listings.validation import check_dataset
from importers.limits import FileRefused, Limits
from importers.problems import Problems, in_english
from importers.reading import read_bytes

COUNCIL = load_council(DEFAULT_COUNCIL_FILE)
HEADER = "service_id,name,organisation_name,Post Code,venue_name,minimum_age,maximum_age\r\n"
FILE = (HEADER + "abc,Toy library,Parents group,DY1 1XX,Hall,11,5\r\n").encode()
WELSH = {
    "Row %(number)s": "Rhes %(number)s",
    "%(place)s, column %(column)s": "%(place)s, colofn %(column)s",
    "%(value)s is not a real postcode": "nid yw %(value)s yn god post go iawn",
    "maximum age %(maximum)s is below minimum age %(minimum)s": (
        "mae'r oedran uchaf %(maximum)s yn is na'r oedran isaf %(minimum)s"
    ),
    "The file is empty.": "Mae'r ffeil yn wag.",
}


@pytest.fixture
def welsh_app(tmp_path: Path) -> Iterator[Flask]:
    """An app with a small Welsh catalogue of the import messages."""
    catalog = Catalog(locale="cy")
    for english, welsh in WELSH.items():
        catalog.add(english, welsh)
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)
    app = Flask(__name__)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(tmp_path)
    Babel(app)
    yield app


def _checked() -> Problems:
    result = read_bytes(FILE, {"Post Code": "postcode"}, Limits(), "fis.csv")
    check_dataset(result.dataset, COUNCIL, demo_geocoder(), result.problems)
    return result.problems


ENGLISH = [
    "Row 2, column Post Code: 'DY1 1XX' is not a real postcode",
    "Row 2, column maximum_age: maximum age 5 is below minimum age 11",
]


def test_messages_are_shown_in_the_language_of_the_page(welsh_app: Flask) -> None:
    problems = _checked()
    with welsh_app.test_request_context(), force_locale("cy"):
        assert [str(problem) for problem in problems.errors] == [
            "Rhes 2, colofn Post Code: nid yw 'DY1 1XX' yn god post go iawn",
            "Rhes 2, colofn maximum_age: mae'r oedran uchaf 5 yn is na'r oedran isaf 11",
        ]
        with pytest.raises(FileRefused) as refused:
            read_bytes(b"", {}, Limits())
        assert str(refused.value) == "Mae'r ffeil yn wag."


def test_messages_stay_english_for_the_commands_and_outside_any_app(welsh_app: Flask) -> None:
    problems = _checked()
    assert [str(problem) for problem in problems.errors] == ENGLISH
    with welsh_app.app_context():
        assert [str(problem) for problem in problems.errors] == ENGLISH
    with welsh_app.test_request_context(), force_locale("cy"), in_english():
        assert [str(problem) for problem in problems.errors] == ENGLISH
        assert problems.errors[0].as_json() == {
            "where": "Row 2, column Post Code",
            "what": "'DY1 1XX' is not a real postcode",
        }


def test_values_from_the_file_are_escaped_in_pages(welsh_app: Flask) -> None:
    data = FILE.replace(b"DY1 1XX", b"<b>DY1</b>")
    result = read_bytes(data, {"Post Code": "postcode"}, Limits(), "fis.csv")
    check_dataset(result.dataset, COUNCIL, demo_geocoder(), result.problems)
    [problem] = [p for p in result.problems.errors if "postcode" in str(p.message)]
    with welsh_app.test_request_context():
        assert str(escape(problem.message)) == "&#39;&lt;b&gt;DY1&lt;/b&gt;&#39; is not a postcode"
