from collections.abc import Iterator
from pathlib import Path

import pytest

from directory import create_app
from directory.postcodes.lookup import PostcodeNotFound
from directory.postcodes.messages import message_for
from directory.postcodes.parsing import PostcodeError, PostcodeProblem, parse_postcode
from tests.support import apps


@pytest.fixture
def request_context(tmp_path: Path) -> Iterator[None]:
    app = create_app(apps.config_for_tests(f"sqlite:///{tmp_path / 'unused.db'}", tmp_path))
    with app.test_request_context():
        yield


def _problem(text: str) -> PostcodeError:
    with pytest.raises(PostcodeError) as raised:
        parse_postcode(text)
    return raised.value


@pytest.mark.usefixtures("request_context")
@pytest.mark.parametrize(
    ("typed", "problem", "message"),
    [
        ("  ", PostcodeProblem.EMPTY, "Enter a postcode, like DY1 1AA"),
        ("hello", PostcodeProblem.INVALID, "Enter a real postcode, like DY1 1AA"),
        (
            "bt1 1aa",
            PostcodeProblem.NORTHERN_IRELAND,
            "Northern Ireland postcodes are not covered yet",
        ),
    ],
)
def test_each_problem_has_a_message_saying_what_to_do(
    typed: str, problem: PostcodeProblem, message: str
) -> None:
    error = _problem(typed)

    assert error.problem is problem
    assert message_for(error) == message


@pytest.mark.usefixtures("request_context")
def test_a_postcode_not_found_is_named_in_canonical_form() -> None:
    assert message_for(PostcodeNotFound("DY99 9ZZ")) == "We could not find DY99 9ZZ"
